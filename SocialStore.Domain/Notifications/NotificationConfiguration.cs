using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Reviews;

namespace SocialStore.Domain.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt, n.CreatedAt });
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.OrderStatus).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<SocialStore.Domain.Ordering.Order>().WithMany().HasForeignKey(n => n.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Note>().WithMany().HasForeignKey(n => n.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(n => n.ProductId).OnDelete(DeleteBehavior.Restrict);
        // A question's answers are its children; the notifications that announced them go with it.
        builder.HasOne<ProductQuestion>().WithMany().HasForeignKey(n => n.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
