using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Dashboards;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Dashboards;

public sealed class AlsoBoughtTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static async Task PaidAsync(TestDatabase db, string buyerId, params Sku[] skus)
    {
        var order = await OrderTestData.PendingAsync(db.Factory, buyerId, [.. skus.Select(s => new OrderTestData.Item(s, 1))], at: Now.AddHours(-2));
        await OrderTestData.PayAsync(db.Factory, order, Now.AddHours(-1));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RefreshAsync_RealCoPurchases_OnlyPairsWithTwoBuyersShown(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var p1 = (await CatalogTestData.SimpleAsync(db.Factory, "面霜", 100m, stock: 100)).Skus[0];
        var p2 = (await CatalogTestData.SimpleAsync(db.Factory, "精华", 50m, stock: 100)).Skus[0];
        var p3 = (await CatalogTestData.SimpleAsync(db.Factory, "口红", 80m, stock: 100)).Skus[0];
        var p4 = (await CatalogTestData.SimpleAsync(db.Factory, "眼霜", 120m, stock: 100)).Skus[0];
        var a = (await TestData.UserAsync(db.Factory, "a")).Id;
        var b = (await TestData.UserAsync(db.Factory, "b")).Id;
        var c = (await TestData.UserAsync(db.Factory, "c")).Id;
        var d = (await TestData.UserAsync(db.Factory, "d")).Id;
        var x = (await TestData.UserAsync(db.Factory, "x")).Id;

        await PaidAsync(db, a, p1, p2, p3);
        await PaidAsync(db, b, p1);
        await PaidAsync(db, b, p2);          // another order of the same buyer still counts
        await PaidAsync(db, b, p1);          // the same buyer twice is one buyer
        await PaidAsync(db, c, p1, p3);
        await OrderTestData.PendingAsync(db.Factory, d, [new(p1, 1), new(p4, 1)], at: Now); // unpaid: never counts
        await PaidAsync(db, x, p1, p4);      // one co-buyer only: too little data

        var directory = new AlsoBoughtDirectory(db.Factory, clock);
        var rows = await new AlsoBoughtRefresher(db.Factory, directory).RefreshAsync(CancellationToken.None);
        var queries = new AlsoBoughtQueries(db.Factory, directory);

        Assert.Equal(4, rows); // 1→2, 1→3, 2→1, 3→1
        var forCream = await queries.ForProductAsync(p1.ProductId, CancellationToken.None);
        Assert.Equal([(p2.ProductId, 2), (p3.ProductId, 2)], forCream.Select(i => (i.ProductId, i.Buyers)));
        Assert.Equal(("精华", 50m), (forCream[0].Title, forCream[0].Price));
        Assert.Equal([(p1.ProductId, 2)], (await queries.ForProductAsync(p2.ProductId, CancellationToken.None)).Select(i => (i.ProductId, i.Buyers)));
        Assert.Empty(await queries.ForProductAsync(p4.ProductId, CancellationToken.None));

        // A product taken off sale leaves the list at once; a rebuild is idempotent.
        await using (var context = await db.Factory.CreateDbContextAsync())
            await context.Products.Where(p => p.Id == p3.ProductId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProductStatus.OffShelf));
        Assert.Equal([p2.ProductId], (await queries.ForProductAsync(p1.ProductId, CancellationToken.None)).Select(i => i.ProductId));
        Assert.Equal(4, await new AlsoBoughtRefresher(db.Factory, directory).RefreshAsync(CancellationToken.None));
        await using (var context = await db.Factory.CreateDbContextAsync())
            Assert.Equal(4, await context.AlsoBought.CountAsync());
    }

    [Fact]
    public async Task RefreshAsync_NoOrders_EmptyTableAndNothingShown()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var p1 = (await CatalogTestData.SimpleAsync(db.Factory, "面霜", 100m)).Skus[0];
        var directory = new AlsoBoughtDirectory(db.Factory, new FakeTimeProvider(Now));

        Assert.Equal(0, await new AlsoBoughtRefresher(db.Factory, directory).RefreshAsync(CancellationToken.None));
        Assert.Empty(await new AlsoBoughtQueries(db.Factory, directory).ForProductAsync(p1.ProductId, CancellationToken.None));
    }
}
