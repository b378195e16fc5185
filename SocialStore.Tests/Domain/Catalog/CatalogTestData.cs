using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;

namespace SocialStore.Tests.Domain.Catalog;

/// <summary>Products with options and SKUs, written through the entity so its rules apply.</summary>
public static class CatalogTestData
{
    public static readonly OptionInput Colour = new("颜色", ["红", "白"]);
    public static readonly OptionInput Size = new("尺码", ["S", "M"]);

    public static async Task<int> CategoryAsync(IDbContextFactory<SocialStoreDbContext> factory, string slug = "skincare")
    {
        await using var db = await factory.CreateDbContextAsync();
        var existing = await db.Categories.FirstOrDefaultAsync(c => c.Slug == slug);
        if (existing is not null) return existing.Id;
        var category = new Category { Slug = slug, NameZh = "护肤", NameEn = "Skincare" };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category.Id;
    }

    public static async Task<Product> ProductAsync(
        IDbContextFactory<SocialStoreDbContext> factory, string title, IReadOnlyList<OptionInput> options, IReadOnlyList<SkuInput> skus,
        ProductStatus status = ProductStatus.OnSale, string brand = "Brand", DateTimeOffset? createdAt = null, string categorySlug = "skincare")
    {
        var categoryId = await CategoryAsync(factory, categorySlug);
        await using var db = await factory.CreateDbContextAsync();
        var product = new Product
        {
            Title = title,
            Subtitle = title + " subtitle",
            Description = "**好用**",
            Brand = brand,
            CategoryId = categoryId,
            Currency = "CNY",
            CoverKey = "seed/p.svg",
            CoverWidth = 800,
            CoverHeight = 800,
            Status = status,
            CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
        };
        product.SetVariants(options, skus);
        product.SetImages([new ProductImage { StorageKey = "seed/p.svg", Width = 800, Height = 800 }]);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    public static Task<Product> SimpleAsync(IDbContextFactory<SocialStoreDbContext> factory, string title, decimal price, int stock = 10, string brand = "Brand", DateTimeOffset? createdAt = null) =>
        ProductAsync(factory, title, [], [new SkuInput([], price, price, stock)], brand: brand, createdAt: createdAt);
}
