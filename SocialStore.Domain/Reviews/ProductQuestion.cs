using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notifications;

namespace SocialStore.Domain.Reviews;

/// <summary>A question about a product (问大家), asked by anyone signed in.</summary>
public class ProductQuestion
{
    public const int BodyMaxLength = 200;

    public long Id { get; set; }

    public long ProductId { get; set; }

    public string AskerId { get; set; } = "";

    public string Body { get; set; } = "";

    public int AnswerCount { get; set; }

    /// <summary>Hidden by a moderator (or the report score): left out of the product's Q&amp;A.</summary>
    public bool IsHidden { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ProductQuestionConfiguration : IEntityTypeConfiguration<ProductQuestion>
{
    public void Configure(EntityTypeBuilder<ProductQuestion> builder)
    {
        builder.Property(q => q.Body).HasMaxLength(ProductQuestion.BodyMaxLength * 2).IsRequired();
        builder.HasOne<Product>().WithMany().HasForeignKey(q => q.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(q => q.AskerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.ProductId, q.Id });
    }
}
