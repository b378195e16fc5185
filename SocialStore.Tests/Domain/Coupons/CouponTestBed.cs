using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Coupons;

/// <summary>A migrated database with checkout priced by the coupon and shipping adjusters, and helpers for campaigns.</summary>
public sealed class CouponTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private CouponTestBed(TestDatabase db)
    {
        Db = db;
        Clock = new FakeTimeProvider(Start);
        Pricing = new PricingPipeline([new ShippingAdjuster(Options.Create(new ShippingOptions())), new CouponAdjuster(db.Factory, Clock)]);
        Coupons = new CouponService(db.Factory, Clock);
        Checkout = new CheckoutService(db.Factory, Clock, Pricing, Options.Create(new CheckoutOptions { MaxOrdersPerMinute = 100 }), new CartNotifier());
    }

    public TestDatabase Db { get; }

    public FakeTimeProvider Clock { get; }

    public PricingPipeline Pricing { get; }

    public CouponService Coupons { get; }

    public CheckoutService Checkout { get; }

    public static async Task<CouponTestBed> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    public Task<ApplicationUser> UserAsync(string handle) => TestData.UserAsync(Db.Factory, handle);

    public async Task<(long ProductId, long SkuId, int CategoryId)> ProductAsync(string title, decimal price, int stock = 100, string category = "skincare")
    {
        var product = await CatalogTestData.ProductAsync(Db.Factory, title, [], [new SkuInput([], price, price, stock)], categorySlug: category);
        return (product.Id, product.Skus.Single().Id, product.CategoryId);
    }

    public static CouponTemplateInput Input(
        CouponKind kind = CouponKind.SpendAndSave, decimal threshold = 100m, decimal amount = 20m, int percent = 0, decimal cap = 0m,
        CouponScope scope = CouponScope.AllProducts, int? categoryId = null, long[]? products = null, int total = 100, int perUser = 1, int? validDays = null,
        TimeSpan? length = null) =>
        new("满100减20", kind, threshold, amount, percent, cap, scope, categoryId, products ?? [], Start.AddHours(-1), Start + (length ?? TimeSpan.FromDays(7)), validDays, total, perUser);

    /// <summary>The admin the coupon campaigns are managed as.</summary>
    public static readonly System.Security.Claims.ClaimsPrincipal Admin = new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.NameIdentifier, "coupon-admin"), new(System.Security.Claims.ClaimTypes.Role, SocialStore.Domain.Identity.Roles.Admin)], "test"));

    public Task<long> TemplateAsync(CouponTemplateInput input) => Coupons.CreateAsync(Admin, input, default);

    /// <summary>A buyer with a default address and these SKUs in the cart.</summary>
    public Task<long> PrepareBuyerAsync(string userId, params (long ProductId, long SkuId, decimal Price, int Quantity)[] lines) =>
        OrderTestData.PrepareBuyerAsync(Db.Factory, userId, Start, lines);

    public async Task<T> QueryAsync<T>(Func<SocialStoreDbContext, Task<T>> query)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        return await query(db);
    }

    public Task<Coupon> CouponAsync(long id) => QueryAsync(db => db.Coupons.AsNoTracking().SingleAsync(c => c.Id == id));

    public async Task MoveAsync(long orderId, OrderStatus from, OrderStatus to, OrderActor actor = OrderActor.System)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.True(await OrderTransitions.TryMoveAsync(db, orderId, from, to, actor, null, null, Clock.GetUtcNow(), CancellationToken.None));
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
