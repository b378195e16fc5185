using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Ordering;

/// <summary>A migrated database with the cart, address and checkout services wired to it, and helpers for buyers and products.</summary>
public sealed class CartTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private CartTestBed(TestDatabase db, CheckoutOptions checkoutOptions, ShippingOptions shippingOptions)
    {
        Db = db;
        Clock = new FakeTimeProvider(Start);
        Notifier = new CartNotifier();
        Pricing = new PricingPipeline([new ShippingAdjuster(Options.Create(shippingOptions))]);
        Cart = TestServices.Get<CartService>(db, Clock, s => s.AddSingleton(Notifier));
        Addresses = new AddressService(db.Factory, Clock);
        Checkout = new CheckoutService(db.Factory, Clock, Pricing, Options.Create(checkoutOptions), Notifier);
    }

    public TestDatabase Db { get; }

    public FakeTimeProvider Clock { get; }

    public CartNotifier Notifier { get; }

    public PricingPipeline Pricing { get; }

    public CartService Cart { get; }

    public AddressService Addresses { get; }

    public CheckoutService Checkout { get; }

    public static async Task<CartTestBed> CreateAsync(DatabaseProvider provider, CheckoutOptions? checkout = null, ShippingOptions? shipping = null) =>
        new(await TestDatabase.CreateAsync(provider), checkout ?? new CheckoutOptions(), shipping ?? new ShippingOptions());

    public static readonly AddressInput Home = new("张三", "13812345678", "上海市", "上海市", "徐汇区", "漕溪北路 88 号 2 楼");

    public Task<ApplicationUser> UserAsync(string handle) => TestData.UserAsync(Db.Factory, handle);

    public async Task<List<ApplicationUser>> ManyUsersAsync(string prefix, int count)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        var users = Enumerable.Range(0, count).Select(i =>
        {
            var email = $"{prefix}{i:000}@example.test";
            return new ApplicationUser
            {
                UserName = email,
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                NormalizedUserName = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                Handle = $"{prefix}{i:000}",
                DisplayName = $"{prefix} {i}",
                CreatedAt = Start,
            };
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users;
    }

    /// <summary>A one-SKU product on sale; returns (productId, skuId).</summary>
    public async Task<(long ProductId, long SkuId)> SimpleProductAsync(string title, decimal price, int stock)
    {
        var product = await CatalogTestData.SimpleAsync(Db.Factory, title, price, stock);
        return (product.Id, product.Skus.Single().Id);
    }

    /// <summary>A buyer with an address and these SKUs in the cart, written directly (fast set-up for many buyers).</summary>
    public Task<long> PrepareBuyerAsync(string userId, params (long ProductId, long SkuId, decimal Price, int Quantity)[] lines) =>
        OrderTestData.PrepareBuyerAsync(Db.Factory, userId, Start, lines);

    public async Task<T> QueryAsync<T>(Func<SocialStoreDbContext, Task<T>> query)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        return await query(db);
    }

    public Task<int> SkuStockAsync(long skuId) => QueryAsync(db => db.Skus.Where(s => s.Id == skuId).Select(s => s.Stock).SingleAsync());

    public Task SetSkuAsync(long skuId, decimal? price = null, int? stock = null, bool? active = null) => QueryAsync(async db =>
    {
        var sku = await db.Skus.SingleAsync(s => s.Id == skuId);
        if (price is { } p) sku.Price = p;
        if (stock is { } s) sku.Stock = s;
        if (active is { } a) sku.IsActive = a;
        return await db.SaveChangesAsync();
    });

    public Task SetProductStatusAsync(long productId, ProductStatus status) =>
        QueryAsync(db => db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status)));

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
