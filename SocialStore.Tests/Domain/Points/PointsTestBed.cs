using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Points;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Points;

/// <summary>A migrated database with checkout priced by the coupon, points and shipping adjusters.</summary>
public sealed class PointsTestBed : IAsyncDisposable
{
    /// <summary>2026-11-20 16:00 Shanghai.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private PointsTestBed(TestDatabase db)
    {
        Db = db;
        Clock = new FakeTimeProvider(Start);
        Pricing = new PricingPipeline([new ShippingAdjuster(Options.Create(new ShippingOptions())), new CouponAdjuster(db.Factory, Clock), new PointsAdjuster(db.Factory)]);
        Coupons = new CouponService(db.Factory, Clock);
        Points = new PointsService(db.Factory, Clock);
        Checkout = new CheckoutService(db.Factory, Clock, Pricing, Options.Create(new CheckoutOptions { MaxOrdersPerMinute = 100 }), new CartNotifier());
    }

    public TestDatabase Db { get; }

    public FakeTimeProvider Clock { get; }

    public PricingPipeline Pricing { get; }

    public CouponService Coupons { get; }

    public PointsService Points { get; }

    public CheckoutService Checkout { get; }

    public static async Task<PointsTestBed> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    public Task<ApplicationUser> UserAsync(string handle) => TestData.UserAsync(Db.Factory, handle);

    public async Task<(long ProductId, long SkuId)> ProductAsync(string title, decimal price, int stock = 100)
    {
        var product = await CatalogTestData.ProductAsync(Db.Factory, title, [], [new SkuInput([], price, price, stock)], categorySlug: "skincare");
        return (product.Id, product.Skus.Single().Id);
    }

    /// <summary>Credits points the way any feature does (a referral reward here).</summary>
    public async Task<bool> CreditAsync(string userId, int amount, string source)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        return await PointsLedger.CreditAsync(db, userId, amount, PointsKind.Referral, source, Clock.GetUtcNow(), default);
    }

    public async Task<T> QueryAsync<T>(Func<SocialStoreDbContext, Task<T>> query)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        return await query(db);
    }

    public Task<int> BalanceAsync(string userId) => QueryAsync(db => PointsLedger.BalanceAsync(db, userId, default));

    public Task<int> LedgerSumAsync(string userId) => QueryAsync(async db => await db.PointsEntries.Where(e => e.UserId == userId).SumAsync(e => (int?)e.Amount) ?? 0);

    /// <summary>The balance is the ledger's sum, always.</summary>
    public async Task AssertConsistentAsync(string userId, int expected)
    {
        Assert.Equal(expected, await BalanceAsync(userId));
        Assert.Equal(expected, await LedgerSumAsync(userId));
    }

    /// <summary>A buyer with a default address and these SKUs in the cart.</summary>
    public Task<long> PrepareBuyerAsync(string userId, params (long ProductId, long SkuId, decimal Price, int Quantity)[] lines) =>
        OrderTestData.PrepareBuyerAsync(Db.Factory, userId, Start, lines);

    public async Task MoveAsync(long orderId, OrderStatus from, OrderStatus to, OrderActor actor = OrderActor.System)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.True(await OrderTransitions.TryMoveAsync(db, orderId, from, to, actor, null, null, Clock.GetUtcNow(), CancellationToken.None));
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
