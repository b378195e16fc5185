using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.FlashSales;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.FlashSales;

/// <summary>A migrated database with the payment services (<see cref="PaymentTestBed"/>) and the flash-sale services on one clock.</summary>
public sealed class FlashTestBed : IAsyncDisposable
{
    private FlashTestBed(PaymentTestBed payments, int? gateSlots)
    {
        Pay = payments;
        gateSlots ??= FlashSaleOptions.DefaultConcurrency(payments.Db.Provider);
        Gate = new FlashSaleGate(payments.Clock, gateSlots.Value, TimeSpan.FromSeconds(5));
        Pricing = new PricingPipeline([new ShippingAdjuster(Options.Create(new ShippingOptions()))]);
        Directory = new FlashSaleDirectory(payments.Factory, payments.Clock);
        Flash = new FlashSaleService(payments.Factory, payments.Clock, Pricing, Gate, Options.Create(new CheckoutOptions()), Directory);
        Queries = new FlashSaleQueries(payments.Factory, payments.Clock, Directory);
        Admin = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "admin-1"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
    }

    public PaymentTestBed Pay { get; }

    public IDbContextFactory<SocialStoreDbContext> Factory => Pay.Factory;

    public DateTimeOffset Now => Pay.Clock.GetUtcNow();

    public FlashSaleGate Gate { get; }

    public FlashSaleDirectory Directory { get; }

    public PricingPipeline Pricing { get; }

    public FlashSaleService Flash { get; }

    public FlashSaleQueries Queries { get; }

    public ClaimsPrincipal Admin { get; }

    public static async Task<FlashTestBed> CreateAsync(DatabaseProvider provider, int? gateSlots = null) =>
        new(await PaymentTestBed.CreateAsync(provider), gateSlots);

    public async Task<(long ProductId, long SkuId)> ProductAsync(string title = "限量面霜", decimal price = 199m, int stock = 500)
    {
        var product = await CatalogTestData.SimpleAsync(Factory, title, price, stock);
        return (product.Id, product.Skus.Single().Id);
    }

    /// <summary>A slot starting <paramref name="startsIn"/> from now (negative: already started) and lasting <paramref name="length"/>.</summary>
    public Task<long> SlotAsync(TimeSpan startsIn, TimeSpan? length = null) =>
        Flash.CreateSlotAsync(Admin, new FlashSlotInput("10 点场", Now + startsIn, Now + startsIn + (length ?? TimeSpan.FromHours(1))), default);

    /// <summary>A live slot with one item of a new product: (itemId, productId, skuId).</summary>
    public async Task<(long ItemId, long ProductId, long SkuId)> LiveItemAsync(int slotStock = 100, int limit = 1, decimal flashPrice = 99m, int skuStock = 500)
    {
        var (productId, skuId) = await ProductAsync(stock: skuStock);
        var slot = await SlotAsync(TimeSpan.FromMinutes(-1));
        var item = await Flash.AddItemAsync(Admin, slot, new FlashItemInput(skuId, flashPrice, slotStock, limit), default);
        return (item, productId, skuId);
    }

    /// <summary>Buyers with a default address each, written in bulk.</summary>
    public async Task<List<string>> BuyersAsync(string prefix, int count)
    {
        var ids = new List<string>(count);
        for (var start = 0; start < count; start += 500)
        {
            await using var db = await Factory.CreateDbContextAsync();
            var users = Enumerable.Range(start, Math.Min(500, count - start)).Select(i =>
            {
                var email = $"{prefix}{i:0000}@example.test";
                return new ApplicationUser
                {
                    UserName = email,
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    NormalizedUserName = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    Handle = $"{prefix}{i:0000}",
                    DisplayName = $"{prefix} {i}",
                    CreatedAt = Now,
                };
            }).ToList();
            db.Users.AddRange(users);
            foreach (var u in users)
            {
                var a = CartTestBed.Home;
                db.Addresses.Add(new Address { UserId = u.Id, Recipient = a.Recipient!, Mobile = a.Mobile!, Province = a.Province!, City = a.City!, District = a.District!, Detail = a.Detail!, IsDefault = true, CreatedAt = Now });
            }
            await db.SaveChangesAsync();
            ids.AddRange(users.Select(u => u.Id));
        }
        return ids;
    }

    public Task<FlashReservationResult> ReserveAsync(string buyerId, long itemId, int quantity = 1, string? key = null) =>
        Flash.ReserveAsync(new FlashReservationRequest(buyerId, itemId, quantity, key ?? Guid.NewGuid().ToString()), default);

    public async Task<T> QueryAsync<T>(Func<SocialStoreDbContext, Task<T>> query)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await query(db);
    }

    public Task<int> RemainingAsync(long itemId) => QueryAsync(db => db.FlashSaleItems.Where(i => i.Id == itemId).Select(i => i.Remaining).SingleAsync());

    public Task<int> QuotaAsync(long itemId, string userId) =>
        QueryAsync(async db => await db.FlashSaleQuotas.Where(q => q.ItemId == itemId && q.UserId == userId).Select(q => (int?)q.Count).SingleOrDefaultAsync() ?? 0);

    public Task<int> SkuStockAsync(long skuId) => QueryAsync(db => db.Skus.Where(s => s.Id == skuId).Select(s => s.Stock).SingleAsync());

    public ValueTask DisposeAsync() => Pay.DisposeAsync();
}
