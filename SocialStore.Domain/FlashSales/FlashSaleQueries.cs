using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.FlashSales;

public enum FlashSlotState
{
    Upcoming,
    Live,
    Ended,
}

/// <summary>
/// One SKU of a slot as a shopper sees it. <see cref="ReferencePrice"/> is the SKU's lowest price of the seven days
/// before the slot starts (its listed price, or a lower price it was really paid at): the only "was" price shown.
/// </summary>
public sealed record FlashOffer(
    long ItemId, long SlotId, string SlotTitle, long ProductId, string ProductTitle, string CoverKey, long SkuId, string SkuLabel,
    decimal Price, decimal ReferencePrice, string Currency, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Stock, int Remaining, int PerUserLimit)
{
    public FlashSlotState StateAt(DateTimeOffset now) => now < StartsAt ? FlashSlotState.Upcoming : now < EndsAt ? FlashSlotState.Live : FlashSlotState.Ended;

    /// <summary>Whether the reference price is worth showing struck through (it is above the flash price).</summary>
    public bool ShowsReference => ReferencePrice > Price;
}

public sealed record FlashSlotView(long Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<FlashOffer> Offers);

/// <summary>Sell-through of one item: units held by orders not cancelled while unpaid, and the orders paid.</summary>
public sealed record FlashItemFigures(
    long ItemId, long ProductId, string ProductTitle, string SkuLabel, decimal Price, decimal SkuPrice, int Stock, int Remaining, int PerUserLimit,
    int Sold, int PaidOrders, int PaidUnits);

public sealed record FlashSlotFigures(long Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<FlashItemFigures> Items)
{
    public int Stock => Items.Sum(i => i.Stock);

    public int Sold => Items.Sum(i => i.Sold);

    public int PaidOrders => Items.Sum(i => i.PaidOrders);
}

/// <summary>A SKU the back office can put into a slot.</summary>
public sealed record FlashSkuChoice(long SkuId, long ProductId, string ProductTitle, string SkuLabel, decimal Price, int Stock);

public sealed class FlashSaleQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, FlashSaleDirectory directory)
{
    private const int ListedSlots = 20;

    /// <summary>The product's offers in its next slot that has not ended (the live one when there is one).</summary>
    public async Task<IReadOnlyList<FlashOffer>> ForProductAsync(long productId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await directory.ContainsAsync(productId, cancellationToken)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var offers = await OffersAsync(db, null, productId, now, cancellationToken);
        if (offers.Count == 0) return [];
        var first = offers.OrderBy(o => o.StartsAt).ThenBy(o => o.SlotId).First().SlotId;
        return [.. offers.Where(o => o.SlotId == first)];
    }

    /// <summary>Slots that are live now or still to come, soonest first, with their offers.</summary>
    public async Task<IReadOnlyList<FlashSlotView>> CurrentAndUpcomingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slots = await db.FlashSaleSlots.AsNoTracking().Where(s => s.EndsAt > now && s.Items.Any())
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Take(ListedSlots)
            .Select(s => new { s.Id, s.Title, s.StartsAt, s.EndsAt }).ToListAsync(cancellationToken);
        var offers = await OffersAsync(db, [.. slots.Select(s => s.Id)], null, null, cancellationToken);
        return [.. slots.Select(s => new FlashSlotView(s.Id, s.Title, s.StartsAt, s.EndsAt, [.. offers.Where(o => o.SlotId == s.Id)]))];
    }

    public async Task<FlashOffer?> OfferAsync(long itemId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slotId = await db.FlashSaleItems.Where(i => i.Id == itemId).Select(i => (long?)i.SlotId).FirstOrDefaultAsync(cancellationToken);
        if (slotId is null) return null;
        return (await OffersAsync(db, [slotId.Value], null, null, cancellationToken)).FirstOrDefault(o => o.ItemId == itemId);
    }

    /// <summary>Offers of the given slots, or (no slots given) of one product's slots not ended at <paramref name="endsAfter"/>; one round trip, two when any has an offer.</summary>
    private static async Task<List<FlashOffer>> OffersAsync(SocialStoreDbContext db, List<long>? slotIds, long? productId, DateTimeOffset? endsAfter, CancellationToken ct)
    {
        if (slotIds is { Count: 0 }) return [];
        var items = slotIds is null ? db.FlashSaleItems.AsNoTracking().Where(i => i.ProductId == productId)
            : db.FlashSaleItems.AsNoTracking().Where(i => slotIds.Contains(i.SlotId));
        var slots = endsAfter is { } after ? db.FlashSaleSlots.Where(s => s.EndsAt > after) : db.FlashSaleSlots;
        var rows = await items
            .Join(slots, i => i.SlotId, s => s.Id, (i, s) => new { i, s })
            .Join(db.Skus, x => x.i.SkuId, k => k.Id, (x, k) => new { x.i, x.s, k })
            .Join(db.Products.Where(p => p.Status == ProductStatus.OnSale), x => x.i.ProductId, p => p.Id, (x, p) => new
            {
                x.i.Id,
                x.i.SlotId,
                SlotTitle = x.s.Title,
                x.i.ProductId,
                p.Title,
                p.CoverKey,
                x.i.SkuId,
                x.k.Key,
                x.i.Price,
                SkuPrice = x.k.Price,
                p.Currency,
                x.s.StartsAt,
                x.s.EndsAt,
                x.i.Stock,
                x.i.Remaining,
                x.i.PerUserLimit,
            })
            .OrderBy(r => r.Id).ToListAsync(ct);
        var result = new List<FlashOffer>(rows.Count);
        foreach (var start in rows.GroupBy(r => r.StartsAt))
        {
            var lows = await ReferencePrices.LowestPaidAsync(db, [.. start.Select(r => r.SkuId).Distinct()], start.Key, ct);
            result.AddRange(start.Select(r => new FlashOffer(
                r.Id, r.SlotId, r.SlotTitle, r.ProductId, r.Title, r.CoverKey ?? "", r.SkuId, string.Join(" / ", SkuKey.Split(r.Key)), r.Price,
                lows.TryGetValue(r.SkuId, out var low) && low < r.SkuPrice ? low : r.SkuPrice,
                r.Currency, r.StartsAt, r.EndsAt, r.Stock, r.Remaining, r.PerUserLimit)));
        }
        return [.. result.OrderBy(o => o.ItemId)];
    }

    // ---- Back office --------------------------------------------------------------------------------------

    /// <summary>Every slot, latest start first, with each item's sell-through counted from the reservation and order rows.</summary>
    public async Task<IReadOnlyList<FlashSlotFigures>> AdminSlotsAsync(ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        Roles.RequireAdmin(actor, FlashSaleErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slots = await db.FlashSaleSlots.AsNoTracking().OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id).Take(50)
            .Select(s => new { s.Id, s.Title, s.StartsAt, s.EndsAt }).ToListAsync(cancellationToken);
        var ids = slots.Select(s => s.Id).ToList();
        var items = await db.FlashSaleItems.AsNoTracking().Where(i => ids.Contains(i.SlotId))
            .Join(db.Skus, i => i.SkuId, k => k.Id, (i, k) => new { i, k })
            .Join(db.Products, x => x.i.ProductId, p => p.Id, (x, p) => new
            {
                x.i.Id,
                x.i.SlotId,
                x.i.ProductId,
                p.Title,
                x.k.Key,
                x.i.Price,
                SkuPrice = x.k.Price,
                x.i.Stock,
                x.i.Remaining,
                x.i.PerUserLimit,
                Sold = db.FlashSaleReservations.Where(r => r.ItemId == x.i.Id && r.ReturnedAt == null).Sum(r => (int?)r.Quantity) ?? 0,
                PaidOrders = db.FlashSaleReservations.Count(r => r.ItemId == x.i.Id
                    && db.Orders.Any(o => o.Id == r.OrderId && o.PaidAt != null)),
                PaidUnits = db.FlashSaleReservations.Where(r => r.ItemId == x.i.Id
                    && db.Orders.Any(o => o.Id == r.OrderId && o.PaidAt != null)).Sum(r => (int?)r.Quantity) ?? 0,
            })
            .OrderBy(x => x.Id).ToListAsync(cancellationToken);
        return [.. slots.Select(s => new FlashSlotFigures(s.Id, s.Title, s.StartsAt, s.EndsAt, [.. items.Where(i => i.SlotId == s.Id).Select(i =>
            new FlashItemFigures(i.Id, i.ProductId, i.Title, string.Join(" / ", SkuKey.Split(i.Key)), i.Price, i.SkuPrice, i.Stock, i.Remaining, i.PerUserLimit,
                i.Sold, i.PaidOrders, i.PaidUnits))]))];
    }

    /// <summary>Active SKUs of products on sale whose title contains <paramref name="text"/> (for adding to a slot).</summary>
    public async Task<IReadOnlyList<FlashSkuChoice>> SkuChoicesAsync(ClaimsPrincipal actor, string? text, CancellationToken cancellationToken)
    {
        Roles.RequireAdmin(actor, FlashSaleErrors.AdminOnly);
        var term = (text ?? "").Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Skus.AsNoTracking().Where(k => k.IsActive)
            .Join(db.Products.Where(p => p.Status == ProductStatus.OnSale && (term == "" || p.Title.Contains(term))), k => k.ProductId, p => p.Id,
                (k, p) => new { k.Id, k.ProductId, p.Title, k.Key, k.Price, k.Stock })
            .OrderBy(r => r.ProductId).ThenBy(r => r.Id).Take(30).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new FlashSkuChoice(r.Id, r.ProductId, r.Title, string.Join(" / ", SkuKey.Split(r.Key)), r.Price, r.Stock))];
    }
}
