using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Referrals;
using SocialStore.Tests.Domain.Coupons;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Referrals;

/// <summary>The coupon test bed (real checkout with coupons and shipping) plus the referral services, a creator, a note tagging a product and a buyer.</summary>
public sealed class ReferralTestBed : IAsyncDisposable
{
    private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-referral-media", Guid.NewGuid().ToString("N"));

    private ReferralTestBed(CouponTestBed bed)
    {
        Bed = bed;
        Attribution = new AttributionService(bed.Db.Factory, bed.Clock);
        Ledger = new CommissionLedger(bed.Db.Factory, bed.Clock);
        Admin = new CreatorAdminService(bed.Db.Factory, bed.Clock, new CreatorDirectory(bed.Db.Factory, new MemoryCache(new MemoryCacheOptions())));
        Centre = new CreatorCentreQueries(bed.Db.Factory, bed.Clock);
        var images = new ImagePipeline(new LocalMediaStore(mediaRoot), TimeProvider.System, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        Refunds = new RefundService(bed.Db.Factory, OrderTestData.Gateway, images, bed.Clock);
    }

    public CouponTestBed Bed { get; }

    public AttributionService Attribution { get; }

    public CommissionLedger Ledger { get; }

    public CreatorAdminService Admin { get; }

    public CreatorCentreQueries Centre { get; }

    public RefundService Refunds { get; }

    public IDbContextFactory<SocialStoreDbContext> Factory => Bed.Db.Factory;

    public ClaimsPrincipal AdminPrincipal { get; private set; } = new();

    public ApplicationUser Creator { get; private set; } = null!;

    public ApplicationUser Buyer { get; private set; } = null!;

    public long NoteId { get; private set; }

    public (long ProductId, long SkuId, int CategoryId) Product { get; private set; }

    /// <summary>A creator (enabled, 10 % global rate) whose note tags a ¥200 serum, and a buyer.</summary>
    public static async Task<ReferralTestBed> CreateAsync(DatabaseProvider provider, bool enableCreator = true)
    {
        var bed = new ReferralTestBed(await CouponTestBed.CreateAsync(provider));
        var admin = await bed.Bed.UserAsync("boss");
        bed.AdminPrincipal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        bed.Creator = await bed.Bed.UserAsync("creator");
        bed.Buyer = await bed.Bed.UserAsync("buyer");
        bed.Product = await bed.Bed.ProductAsync("精华液", 200m);
        var note = await TestData.NoteAsync(bed.Factory, bed.Creator.Id, "好用的精华", at: CouponTestBed.Start.AddDays(-1));
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            db.NoteProducts.Add(new NoteProduct { NoteId = note.Id, ProductId = bed.Product.ProductId, Position = 0 });
            await db.SaveChangesAsync();
        }
        bed.NoteId = note.Id;
        await bed.Admin.SaveSettingsAsync(bed.AdminPrincipal, 1000, 7, 7, default);
        if (enableCreator) await bed.Admin.SetCreatorAsync(bed.AdminPrincipal, "creator", true, default);
        return bed;
    }

    /// <summary>The buyer places an order of <paramref name="quantity"/> × the product through the real checkout (with an optional coupon).</summary>
    public async Task<Order> BuyAsync(string buyerId, int quantity = 1, long? coupon = null)
    {
        var address = await Bed.PrepareBuyerAsync(buyerId, (Product.ProductId, Product.SkuId, 200m, quantity));
        var placed = await Bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyerId, Guid.NewGuid().ToString(), address, [Product.SkuId], new PricingChoices(coupon)), default);
        return await Bed.QueryAsync(db => db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync(o => o.Id == placed.OrderId));
    }

    public Task<List<CommissionEntry>> EntriesAsync() => Bed.QueryAsync(db => db.CommissionEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    public async Task AssertLedgerInvariantAsync(string creatorId)
    {
        var balance = await Ledger.BalanceAsync(creatorId, default);
        var entries = await Bed.QueryAsync(db => db.CommissionEntries.AsNoTracking().Where(e => e.CreatorId == creatorId).ToListAsync());
        Assert.Equal(entries.Sum(e => e.Amount), balance.Total);
        Assert.Equal(balance.Earned - balance.ClawedBack, balance.Pending + balance.Frozen + balance.Available + balance.Withdrawn);
        var payouts = await Bed.QueryAsync(db => db.PayoutRequests.AsNoTracking().Where(p => p.CreatorId == creatorId).SumAsync(p => p.Amount));
        Assert.Equal(entries.Where(e => e.PayoutId != null).Sum(e => e.Amount), payouts);
    }

    public async ValueTask DisposeAsync()
    {
        await Bed.DisposeAsync();
        if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
    }
}
