using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Catalog;

/// <summary>Money sorts and compares as a number in SQL on every provider (SQLite stores it as fen, ADR-014).</summary>
public class ProductPriceStorageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Products_OrderByAndFilterOnPrice_RunInTheDatabaseNumerically(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // As text, "9.9" > "199" > "1000.5": a text sort would give the wrong order.
        foreach (var (title, price) in new[] { ("a", 9.9m), ("b", 199m), ("c", 1000.5m), ("d", 89.01m) })
            await CatalogTestData.SimpleAsync(db.Factory, title, price);

        await using var context = await db.Factory.CreateDbContextAsync();
        var ascending = await context.Products.OrderBy(p => p.Price).Select(p => p.Price).ToListAsync();
        var inRange = await context.Products.Where(p => p.Price >= 50m && p.Price <= 200m).OrderByDescending(p => p.Price).Select(p => p.Title).ToListAsync();
        var skuPrices = await context.Skus.OrderByDescending(s => s.Price).Select(s => s.Price).ToListAsync();

        Assert.Equal([9.9m, 89.01m, 199m, 1000.5m], ascending);
        Assert.Equal(["b", "d"], inRange);
        Assert.Equal([1000.5m, 199m, 89.01m, 9.9m], skuPrices);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Product_SavedWithSkus_ReadsBackOptionsSkusAndSummary(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var product = await CatalogTestData.ProductAsync(db.Factory, "T恤", [CatalogTestData.Colour, CatalogTestData.Size],
            [new(["红", "S"], 99.9m, 129m, 2), new(["白", "M"], 89.5m, 99m, 0)]);

        var detail = await new ProductQueries(db.Factory).DetailAsync(product.Id, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(["颜色", "尺码"], detail.Options.Select(o => o.Name));
        Assert.Equal(["红|S", "白|M"], detail.Skus.Select(s => s.Key));
        Assert.Equal(89.5m, detail.Price);
        Assert.Equal(2, detail.Stock);
        Assert.False(detail.SoldOut);
    }
}
