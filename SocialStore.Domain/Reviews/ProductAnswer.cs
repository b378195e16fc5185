using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notifications;

namespace SocialStore.Domain.Reviews;

public class ProductAnswer
{
    public const int BodyMaxLength = 500;

    public long Id { get; set; }

    public long QuestionId { get; set; }

    public string AuthorId { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>The author had bought the product when answering ("bought this"); such answers list first.</summary>
    public bool ByBuyer { get; set; }

    /// <summary>Hidden by a moderator (or the report score).</summary>
    public bool IsHidden { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ProductAnswerConfiguration : IEntityTypeConfiguration<ProductAnswer>
{
    public void Configure(EntityTypeBuilder<ProductAnswer> builder)
    {
        builder.Property(a => a.Body).HasMaxLength(ProductAnswer.BodyMaxLength * 2).IsRequired();
        builder.HasOne<ProductQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.QuestionId, a.ByBuyer, a.Id });
    }
}
