using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Coupons;

public sealed class CouponTemplateConfiguration : IEntityTypeConfiguration<CouponTemplate>
{
    public void Configure(EntityTypeBuilder<CouponTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(CouponTemplate.NameMaxLength * 2).IsRequired();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Scope).HasConversion<string>().HasMaxLength(16);
        foreach (var money in new[] { nameof(CouponTemplate.Threshold), nameof(CouponTemplate.Amount), nameof(CouponTemplate.Cap) })
            builder.Property(money).HasPrecision(18, 2);
        builder.HasOne<Category>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Products).WithOne().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.Paused, t.EndsAt });
    }
}

public sealed class CouponTemplateProductConfiguration : IEntityTypeConfiguration<CouponTemplateProduct>
{
    public void Configure(EntityTypeBuilder<CouponTemplateProduct> builder)
    {
        builder.HasKey(p => new { p.TemplateId, p.ProductId });
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.ProductId);
    }
}

public sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> builder)
    {
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Discount).HasPrecision(18, 2);
        builder.HasOne(c => c.Template).WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.SetNull);
        // The per-person limit: claim n+1 can be inserted once only, however many requests race for it.
        builder.HasIndex(c => new { c.TemplateId, c.UserId, c.ClaimSeq }).IsUnique();
        builder.HasIndex(c => new { c.UserId, c.State, c.ValidUntil });
        builder.HasIndex(c => c.OrderId);
        builder.HasIndex(c => new { c.TemplateId, c.State });
    }
}
