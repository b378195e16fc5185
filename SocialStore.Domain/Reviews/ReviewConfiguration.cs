using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Reviews;

public sealed class PurchaseRecordConfiguration : IEntityTypeConfiguration<PurchaseRecord>
{
    public void Configure(EntityTypeBuilder<PurchaseRecord> builder)
    {
        builder.Property(p => p.Source).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.GrantedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sku>().WithMany().HasForeignKey(p => p.SkuId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.UserId, p.ProductId });
    }
}

public sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.Body).HasMaxLength(Review.BodyMaxLength * 2).IsRequired();
        builder.Property(r => r.MerchantReply).HasMaxLength(Review.ReplyMaxLength * 2);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sku>().WithMany().HasForeignKey(r => r.SkuId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PurchaseRecord>().WithMany().HasForeignKey(r => r.PurchaseId).OnDelete(DeleteBehavior.Restrict);
        // Once per purchased line, even under a double submit.
        builder.HasIndex(r => r.PurchaseId).IsUnique();
        builder.HasIndex(r => new { r.ProductId, r.HasPhotos, r.HelpfulCount, r.Id });
        builder.HasMany(r => r.Images).WithOne().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Revisions).WithOne().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReviewImageConfiguration : IEntityTypeConfiguration<ReviewImage>
{
    public void Configure(EntityTypeBuilder<ReviewImage> builder)
    {
        builder.Property(i => i.StorageKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(i => new { i.ReviewId, i.Position });
    }
}

public sealed class ReviewRevisionConfiguration : IEntityTypeConfiguration<ReviewRevision>
{
    public void Configure(EntityTypeBuilder<ReviewRevision> builder) =>
        builder.Property(r => r.Body).HasMaxLength(Review.BodyMaxLength * 2).IsRequired();
}

public sealed class ReviewVoteConfiguration : IEntityTypeConfiguration<ReviewVote>
{
    public void Configure(EntityTypeBuilder<ReviewVote> builder)
    {
        builder.HasKey(v => new { v.ReviewId, v.UserId });
        builder.HasOne<Review>().WithMany().HasForeignKey(v => v.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
