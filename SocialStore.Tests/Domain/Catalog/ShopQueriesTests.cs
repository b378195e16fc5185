using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Catalog;

public class ShopQueriesTests
{
    private static async Task<List<Product>> ThirtyAsync(TestDatabase db)
    {
        var products = new List<Product>();
        for (var i = 0; i < 30; i++)
        {
            // Prices repeat (ties) and cross digit counts, so a text sort or a sloppy cursor would show.
            var price = new[] { 9.9m, 99m, 100.5m, 1000m, 59m }[i % 5];
            products.Add(await CatalogTestData.SimpleAsync(db.Factory, $"p{i}", price, stock: i % 3 == 0 ? 0 : 5, brand: i % 2 == 0 ? "甲" : "乙"));
        }
        await using var context = await db.Factory.CreateDbContextAsync();
        for (var i = 0; i < products.Count; i++)
            await context.Products.Where(p => p.Id == products[i].Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SalesCount, i % 4));
        return products;
    }

    private static async Task<List<ProductCard>> AllPagesAsync(ShopQueries shop, ShopFilter filter)
    {
        var all = new List<ProductCard>();
        string? cursor = null;
        do
        {
            var page = await shop.BrowseAsync(filter, cursor, CancellationToken.None);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return all;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Browse_EverySort_PagesThroughAllRowsOnceInOrder(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await ThirtyAsync(db);
        var shop = new ShopQueries(db.Factory);

        var asc = await AllPagesAsync(shop, new ShopFilter(Sort: ShopSort.PriceAsc));
        var desc = await AllPagesAsync(shop, new ShopFilter(Sort: ShopSort.PriceDesc));
        var popular = await AllPagesAsync(shop, new ShopFilter(Sort: ShopSort.Popular));
        var newest = await AllPagesAsync(shop, new ShopFilter());

        foreach (var list in new[] { asc, desc, popular, newest })
        {
            Assert.Equal(30, list.Count);
            Assert.Equal(30, list.Select(p => p.Id).Distinct().Count());
        }
        Assert.Equal(asc.OrderBy(p => p.Price).ThenBy(p => p.Id).Select(p => p.Id), asc.Select(p => p.Id));
        Assert.Equal(9.9m, asc[0].Price);
        Assert.Equal(1000m, desc[0].Price);
        Assert.Equal(desc.OrderByDescending(p => p.Price).ThenByDescending(p => p.Id).Select(p => p.Id), desc.Select(p => p.Id));
        Assert.Equal(popular.OrderByDescending(p => p.SalesCount).ThenByDescending(p => p.Id).Select(p => p.Id), popular.Select(p => p.Id));
        Assert.Equal(newest.OrderByDescending(p => p.Id).Select(p => p.Id), newest.Select(p => p.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Browse_PriceRangeBrandAndInStock_Filter(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var products = await ThirtyAsync(db);
        var shop = new ShopQueries(db.Factory);

        var filtered = await AllPagesAsync(shop, new ShopFilter(MinPrice: 50m, MaxPrice: 100.5m, Brand: "甲", InStockOnly: true, Sort: ShopSort.PriceAsc));

        var expected = products.Where((p, i) => p.Price is >= 50m and <= 100.5m && i % 2 == 0 && i % 3 != 0).OrderBy(p => p.Price).ThenBy(p => p.Id).Select(p => p.Id);
        Assert.Equal(expected, filtered.Select(p => p.Id));
        Assert.NotEmpty(filtered);
        Assert.Equal(["乙", "甲"], (await shop.BrandsAsync(null, CancellationToken.None)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Browse_ForgedCursor_IsIgnored()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CatalogTestData.SimpleAsync(db.Factory, "a", 1m);
        var shop = new ShopQueries(db.Factory);

        foreach (var cursor in new[] { "abc", "1e30_1", "99999999999999999999_5", "_", "1_-1" })
            Assert.Single((await shop.BrowseAsync(new ShopFilter(Sort: ShopSort.Popular), cursor, CancellationToken.None)).Items);
    }
}
