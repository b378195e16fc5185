using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialStore.Domain.Catalog;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(60).IsRequired();
        builder.Property(c => c.NameZh).HasMaxLength(60).IsRequired();
        builder.Property(c => c.NameEn).HasMaxLength(60).IsRequired();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(Product.TitleMaxLength * 2).IsRequired();
        builder.Property(p => p.Subtitle).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(8000);
        builder.Property(p => p.Brand).HasMaxLength(60);
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.CoverKey).HasMaxLength(200);
        builder.Property(p => p.Price).HasPrecision(18, 2);
        builder.Property(p => p.OriginalPrice).HasPrecision(18, 2);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Tags).HasMaxLength(Product.TagsMaxLength).IsRequired();
        builder.HasIndex(p => new { p.Status, p.CategoryId, p.Id });
        builder.HasIndex(p => new { p.Status, p.Price, p.Id });
        builder.HasIndex(p => new { p.Status, p.SalesCount, p.Id });
        // The shop's brand filter lists the distinct brands on sale: a covering index instead of a scan of every product row.
        builder.HasIndex(p => new { p.Status, p.Brand });
        builder.HasMany(p => p.Options).WithOne().HasForeignKey(o => o.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Skus).WithOne().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProductOptionConfiguration : IEntityTypeConfiguration<ProductOption>
{
    public void Configure(EntityTypeBuilder<ProductOption> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(ProductOption.NameMaxLength).IsRequired();
        builder.Property(o => o.ValuesText).HasMaxLength(1000).IsRequired();
        builder.Ignore(o => o.Values);
        builder.HasIndex(o => new { o.ProductId, o.Position });
    }
}

public sealed class SkuConfiguration : IEntityTypeConfiguration<Sku>
{
    public void Configure(EntityTypeBuilder<Sku> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(Sku.KeyMaxLength).IsRequired();
        builder.Property(s => s.Price).HasPrecision(18, 2);
        builder.Property(s => s.OriginalPrice).HasPrecision(18, 2);
        builder.Ignore(s => s.Label);
        // One SKU per combination: a duplicate cannot be stored even if two admins race.
        builder.HasIndex(s => new { s.ProductId, s.Key }).IsUnique();
    }
}

public sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> builder)
    {
        builder.Property(i => i.StorageKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(i => new { i.ProductId, i.Position });
    }
}

public sealed class CatalogAuditEntryConfiguration : IEntityTypeConfiguration<CatalogAuditEntry>
{
    public void Configure(EntityTypeBuilder<CatalogAuditEntry> builder)
    {
        builder.ToTable("CatalogAuditLog");
        builder.Property(a => a.SkuKey).HasMaxLength(Sku.KeyMaxLength).IsRequired();
        builder.Property(a => a.Field).HasMaxLength(20).IsRequired();
        builder.Property(a => a.OldValue).HasMaxLength(40).IsRequired();
        builder.Property(a => a.NewValue).HasMaxLength(40).IsRequired();
        // The log outlives its subjects: no cascade from products or users.
        builder.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SocialStore.Domain.Identity.ApplicationUser>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ProductId, a.At });
    }
}
