using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Coupons;

/// <summary>One coupon of the wallet against the lines being bought: what it would take off, or why it does not apply.</summary>
public sealed record CouponOption(
    long CouponId, string Name, CouponKind Kind, decimal Threshold, decimal Amount, int PercentOff, decimal Cap, CouponScope Scope,
    DateTimeOffset ValidUntil, decimal EligibleSubtotal, decimal Discount, IReadOnlyList<bool> Eligible, string? Reason)
{
    public bool Applicable => Reason is null;
}

/// <summary>
/// The coupons a buyer could use on a set of lines. Only coupons that are Available and inside their window are
/// offered; each is evaluated on the lines it covers. The best is the largest discount (then the one that expires first).
/// </summary>
public static class CouponCheckout
{
    public static async Task<IReadOnlyList<CouponOption>> OptionsAsync(
        SocialStoreDbContext db, string buyerId, IReadOnlyList<PricingLine> lines, DateTimeOffset now, CancellationToken ct)
    {
        var wallet = await db.Coupons.AsNoTracking().Include(c => c.Template!).ThenInclude(t => t.Products)
            .Where(c => c.UserId == buyerId && c.State == CouponState.Available && c.ValidUntil > now)
            .OrderBy(c => c.ValidUntil).ThenBy(c => c.Id)
            .ToListAsync(ct);
        if (wallet.Count == 0) return [];
        var productIds = lines.Select(l => l.ProductId).Distinct().ToList();
        var categories = await (from p in db.Products
                                where productIds.Contains(p.Id)
                                join c in db.Categories on p.CategoryId equals c.Id
                                select new { p.Id, p.CategoryId, c.ParentId }).ToListAsync(ct);
        var byProduct = categories.ToDictionary(x => x.Id);
        return [.. wallet.Select(c => Evaluate(c, lines, byProduct.ToDictionary(x => x.Key, x => (x.Value.CategoryId, x.Value.ParentId)), now))];
    }

    public static CouponOption Evaluate(Coupon coupon, IReadOnlyList<PricingLine> lines, IReadOnlyDictionary<long, (int CategoryId, int? ParentId)> categories, DateTimeOffset now)
    {
        var t = coupon.Template!;
        var listed = t.Products.Select(p => p.ProductId).ToHashSet();
        var eligible = lines.Select(l => categories.TryGetValue(l.ProductId, out var c) && CouponRules.Covers(t.Scope, t.CategoryId, listed, l.ProductId, c.CategoryId, c.ParentId)).ToArray();
        var eligibleSubtotal = lines.Where((_, i) => eligible[i]).Sum(l => l.Subtotal);
        var discount = CouponRules.Discount(t, eligibleSubtotal);
        string? reason =
            coupon.ValidFrom > now ? CouponErrors.NotYetValid
            : coupon.ValidUntil <= now ? CouponErrors.Expired
            : eligibleSubtotal == 0 ? CouponErrors.NotApplicable
            : eligibleSubtotal < t.Threshold ? CouponErrors.ThresholdNotMet
            : discount <= 0 ? CouponErrors.NoDiscount
            : null;
        return new CouponOption(coupon.Id, t.Name, t.Kind, t.Threshold, t.Amount, t.PercentOff, t.Cap, t.Scope, coupon.ValidUntil, eligibleSubtotal, discount, eligible, reason);
    }

    public static CouponOption? Best(IEnumerable<CouponOption> options) =>
        options.Where(o => o.Applicable).OrderByDescending(o => o.Discount).ThenBy(o => o.ValidUntil).ThenBy(o => o.CouponId).FirstOrDefault();

    /// <summary>
    /// Locks the coupon a quote used, in the transaction that places the order: one conditional update, so of two
    /// orders racing for one coupon exactly one locks it and the other rolls back with a clear message.
    /// </summary>
    public static async Task LockAsync(SocialStoreDbContext db, string buyerId, long orderId, PriceQuote quote, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var adjustment in quote.Adjustments.Where(a => a.Kind == CouponAdjuster.Kind && a.ReferenceId is not null))
        {
            var couponId = adjustment.ReferenceId!.Value;
            var discount = -adjustment.Amount;
            var locked = await db.Coupons
                .Where(c => c.Id == couponId && c.UserId == buyerId && c.State == CouponState.Available && c.ValidFrom <= now && c.ValidUntil > now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.State, CouponState.Locked)
                    .SetProperty(c => c.OrderId, orderId)
                    .SetProperty(c => c.Discount, discount)
                    .SetProperty(c => c.LockedAt, now), ct);
            if (locked == 0) throw new DomainException(await ReasonAsync(db, couponId, now, ct));
        }
    }

    private static async Task<string> ReasonAsync(SocialStoreDbContext db, long couponId, DateTimeOffset now, CancellationToken ct)
    {
        var state = await db.Coupons.Where(c => c.Id == couponId).Select(c => new { c.State, c.ValidUntil }).FirstOrDefaultAsync(ct);
        return state is null ? CouponErrors.NotFound : state.State != CouponState.Available ? CouponErrors.InUse : state.ValidUntil <= now ? CouponErrors.Expired : CouponErrors.NotYetValid;
    }

    /// <summary>
    /// Follows the order (called from <see cref="OrderHooks"/> in the move's transaction): paid → the coupon is used;
    /// cancelled (by the buyer, the unpaid timeout or a full refund) → it goes back to the wallet. Each is one
    /// conditional update keyed on the order and the state, so it happens exactly once.
    /// </summary>
    public static async Task OnOrderMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (to == OrderStatus.Paid)
            await db.Coupons.Where(c => c.OrderId == orderId && c.State == CouponState.Locked)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CouponState.Used).SetProperty(c => c.UsedAt, now), ct);
        else if (to == OrderStatus.Cancelled)
            await db.Coupons.Where(c => c.OrderId == orderId && (c.State == CouponState.Locked || c.State == CouponState.Used))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.State, CouponState.Available)
                    .SetProperty(c => c.OrderId, (long?)null)
                    .SetProperty(c => c.Discount, (decimal?)null)
                    .SetProperty(c => c.LockedAt, (DateTimeOffset?)null)
                    .SetProperty(c => c.UsedAt, (DateTimeOffset?)null), ct);
    }
}
