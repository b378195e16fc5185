using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Catalog;

/// <summary>
/// The one rule for a struck-through "original" price (划线价, ADR-028). China's 2022 price-marking rules
/// (《明码标价和禁止价格欺诈规定》) allow a reference price only when it is a price the shop really sold at
/// shortly before. So <see cref="Sku.OriginalPrice"/> is what an admin typed, and is shown only when it is above
/// the SKU's price and an order line of that SKU was paid at exactly that unit price within <see cref="Window"/>
/// (the order not cancelled, the line not refunded). A price that was only listed, never paid, is no reference.
/// Every read that shows a strike-through goes through <see cref="Verified"/>, inside its own query (no extra round trip).
/// </summary>
public static class ReferencePrices
{
    /// <summary>How far back a sale counts: the rules' "前七日内".</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>Active SKUs whose original price is a real transaction price within the window before <paramref name="now"/>.</summary>
    internal static IQueryable<Sku> Verified(SocialStoreDbContext db, DateTimeOffset now)
    {
        var since = now - Window;
        return db.Skus.Where(s => s.IsActive && s.OriginalPrice > s.Price
            && db.OrderLines.Any(l => l.SkuId == s.Id && l.UnitPrice == s.OriginalPrice && l.RefundState != RefundState.Refunded
                && db.Orders.Any(o => o.Id == l.OrderId && o.PaidAt != null && o.PaidAt >= since && o.Status != OrderStatus.Cancelled)));
    }

    /// <summary>
    /// The lowest unit price each SKU was really paid at in the <see cref="Window"/> before <paramref name="until"/> (the
    /// order paid and not cancelled, the line not refunded); SKUs without such a sale are absent. A promotion's
    /// reference price is the lower of this and the listed price (flash sales, ADR-036).
    /// </summary>
    public static async Task<Dictionary<long, decimal>> LowestPaidAsync(
        SocialStoreDbContext db, IReadOnlyCollection<long> skuIds, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (skuIds.Count == 0) return [];
        var since = until - Window;
        var rows = await db.OrderLines.AsNoTracking()
            .Where(l => skuIds.Contains(l.SkuId) && l.RefundState != RefundState.Refunded
                && db.Orders.Any(o => o.Id == l.OrderId && o.PaidAt != null && o.PaidAt >= since && o.PaidAt < until && o.Status != OrderStatus.Cancelled))
            .GroupBy(l => l.SkuId).Select(g => new { SkuId = g.Key, Low = g.Min(l => l.UnitPrice) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.SkuId, r => r.Low);
    }
}
