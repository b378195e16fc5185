using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Points;

/// <summary>
/// Points that follow an order, called from <see cref="OrderHooks"/> in the move's or refund's transaction. Each entry
/// has a source key derived from the order, line or refund request, so a repeat inserts nothing.
/// </summary>
public static class PointsOrders
{
    /// <summary>The pricing adjustment kind of points spent at checkout.</summary>
    public const string AdjustmentKind = "points";

    public static async Task OnMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (to == OrderStatus.Completed) await EarnAsync(db, orderId, now, ct);
        else if (to == OrderStatus.Cancelled) await RestoreAsync(db, orderId, now, ct);
    }

    /// <summary>Completed: each line earns points on what was paid for it and not refunded (rate × the buyer's level multiplier).</summary>
    private static async Task EarnAsync(SocialStoreDbContext db, long orderId, DateTimeOffset now, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Where(o => o.Id == orderId).Select(o => new { o.BuyerId, o.Number }).FirstOrDefaultAsync(ct);
        if (order is null) return;
        var rules = await PointsRulesStore.ReadAsync(db, ct);
        var ratePercent = await Levels.GrowthLedger.PointsRatePercentAsync(db, order.BuyerId, ct);
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).OrderBy(l => l.Id).Select(l => new { l.Id, l.Payable, l.RefundedAmount }).ToListAsync(ct);
        foreach (var line in lines)
        {
            var basis = line.Payable - line.RefundedAmount;
            var points = (int)decimal.Floor(basis * rules.EarnPerYuan * ratePercent / 100m);
            if (points <= 0) continue;
            await PointsLedger.CreditAsync(db, order.BuyerId, points, PointsKind.Purchase, $"earn:{line.Id}", now, ct, orderId, line.Id, basis);
        }
    }

    /// <summary>Cancelled (buyer, unpaid timeout, full refund): what the order spent comes back once, less what line refunds already returned.</summary>
    private static async Task RestoreAsync(SocialStoreDbContext db, long orderId, DateTimeOffset now, CancellationToken ct)
    {
        var spent = await db.PointsEntries.AsNoTracking().Where(e => e.OrderId == orderId && e.Kind == PointsKind.Spend).Select(e => new { e.UserId, e.Amount }).FirstOrDefaultAsync(ct);
        if (spent is null) return;
        var returned = await db.PointsEntries.Where(e => e.OrderId == orderId && e.Kind == PointsKind.SpendRefunded).SumAsync(e => (int?)e.Amount, ct) ?? 0;
        var due = -spent.Amount - returned;
        if (due > 0) await PointsLedger.CreditAsync(db, spent.UserId, due, PointsKind.SpendRestored, $"restore:{orderId}", now, ct, orderId);
    }

    /// <summary>
    /// A line refund: the points spent on the line come back and the points earned on it are taken back, both pro rata
    /// to the line's refunded share so far (cumulative, so a sequence of partial refunds returns exactly the line's points).
    /// </summary>
    public static async Task OnLineRefundedAsync(SocialStoreDbContext db, long refundRequestId, long orderId, long orderLineId, DateTimeOffset now, CancellationToken ct)
    {
        var line = await db.OrderLines.AsNoTracking().Where(l => l.Id == orderLineId).Select(l => new { l.Payable, l.RefundedAmount }).FirstOrDefaultAsync(ct);
        if (line is null || line.Payable <= 0) return;

        var spend = await db.PointsEntries.AsNoTracking().Where(e => e.OrderId == orderId && e.Kind == PointsKind.Spend).Select(e => new { e.UserId, e.Amount }).FirstOrDefaultAsync(ct);
        if (spend is not null)
        {
            var linePoints = await SpentOnLineAsync(db, orderId, orderLineId, -spend.Amount, ct);
            var target = ReturnedFor(linePoints, line.RefundedAmount, line.Payable);
            var back = await db.PointsEntries.Where(e => e.OrderLineId == orderLineId && e.Kind == PointsKind.SpendRefunded).SumAsync(e => (int?)e.Amount, ct) ?? 0;
            if (target - back > 0)
                await PointsLedger.CreditAsync(db, spend.UserId, target - back, PointsKind.SpendRefunded, $"refund-spend:{refundRequestId}:{orderLineId}", now, ct, orderId, orderLineId);
        }

        var earned = await db.PointsEntries.AsNoTracking().Where(e => e.OrderLineId == orderLineId && e.Kind == PointsKind.Purchase).Select(e => new { e.UserId, e.Amount, e.Basis }).FirstOrDefaultAsync(ct);
        if (earned is { Basis: > 0 })
        {
            // The earning was on what was left to pay when the order completed; refunds after that are measured against it.
            var refundedBefore = line.Payable - earned.Basis.Value;
            var share = Math.Min(Math.Max(line.RefundedAmount - refundedBefore, 0m), earned.Basis.Value) / earned.Basis.Value;
            var target = (int)decimal.Ceiling(earned.Amount * share);
            var taken = -(await db.PointsEntries.Where(e => e.OrderLineId == orderLineId && e.Kind == PointsKind.PurchaseReversed).SumAsync(e => (int?)e.Amount, ct) ?? 0);
            if (target - taken > 0)
                await PointsLedger.ReverseAsync(db, earned.UserId, target - taken, PointsKind.PurchaseReversed, $"refund-earn:{refundRequestId}:{orderLineId}", now, ct, orderId, orderLineId);
        }
    }

    /// <summary>The points of the order's spend that fell on one line: spread like the money was (in proportion to the line's allocation).</summary>
    private static async Task<int> SpentOnLineAsync(SocialStoreDbContext db, long orderId, long orderLineId, int spentPoints, CancellationToken ct)
    {
        var allocations = await (from a in db.OrderAdjustments
                                 where a.OrderId == orderId && a.Kind == AdjustmentKind
                                 from s in a.Allocations
                                 orderby s.OrderLineId
                                 select new { s.OrderLineId, s.Amount }).ToListAsync(ct);
        if (allocations.Count == 0) return 0;
        var index = allocations.FindIndex(a => a.OrderLineId == orderLineId);
        return index < 0 ? 0 : LinePoints(spentPoints, [.. allocations.Select(a => a.Amount)])[index];
    }

    /// <summary>
    /// The points an order spent, per line, in proportion to each line's share of the points discount (negative
    /// amounts): whole points that add up to <paramref name="spentPoints"/> exactly (spread as if they were fen).
    /// </summary>
    public static int[] LinePoints(int spentPoints, IReadOnlyList<decimal> allocations) =>
        [.. PriceAllocation.Spread(spentPoints / 100m, [.. allocations.Select(a => Math.Max(-a, 0m))]).Select(s => (int)(s * 100))];

    /// <summary>How many of a line's points are due back once <paramref name="refunded"/> of its <paramref name="payable"/> is refunded (cumulative; all of them at a full refund).</summary>
    public static int ReturnedFor(int linePoints, decimal refunded, decimal payable) =>
        payable <= 0 ? 0 : (int)decimal.Floor(linePoints * Math.Min(refunded, payable) / payable);
}
