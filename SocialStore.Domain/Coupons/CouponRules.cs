namespace SocialStore.Domain.Coupons;

/// <summary>What a coupon takes off, as pure functions (the checkout, the pages and the property tests share them).</summary>
public static class CouponRules
{
    /// <summary>
    /// The discount on an eligible subtotal: 0 below the threshold; a percent-off coupon rounds down to the fen
    /// and stops at its cap; never more than the eligible subtotal (so a ¥0.01 order never goes negative).
    /// </summary>
    public static decimal Discount(CouponKind kind, decimal threshold, decimal amount, int percentOff, decimal cap, decimal eligibleSubtotal)
    {
        if (eligibleSubtotal <= 0 || eligibleSubtotal < threshold) return 0m;
        var computed = kind switch
        {
            CouponKind.PercentOff => Math.Min(decimal.Floor(eligibleSubtotal * percentOff) / 100m, cap),
            _ => amount,
        };
        return Math.Max(0m, Math.Min(computed, eligibleSubtotal));
    }

    public static decimal Discount(CouponTemplate t, decimal eligibleSubtotal) =>
        Discount(t.Kind, t.Threshold, t.Amount, t.PercentOff, t.Cap, eligibleSubtotal);

    /// <summary>Whether a line of this product (in this category, whose parent is <paramref name="parentCategoryId"/>) counts for the coupon.</summary>
    public static bool Covers(CouponScope scope, int? categoryId, IReadOnlyCollection<long> productIds, long productId, int productCategoryId, int? parentCategoryId) => scope switch
    {
        CouponScope.AllProducts => true,
        CouponScope.Category => categoryId is { } c && (productCategoryId == c || parentCategoryId == c),
        CouponScope.Products => productIds.Contains(productId),
        _ => false,
    };

    /// <summary>When a coupon claimed now can be used.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Validity(CouponTemplate t, DateTimeOffset claimedAt) =>
        t.ValidDays is { } days ? (claimedAt, claimedAt.AddDays(days)) : (t.StartsAt, t.EndsAt);
}
