namespace SocialStore.Domain.Coupons;

/// <summary>满减 (spend X save Y), percent-off with a cap, or no threshold (无门槛).</summary>
public enum CouponKind
{
    SpendAndSave,
    PercentOff,
    NoThreshold,
}

/// <summary>Which lines of an order a coupon counts and discounts.</summary>
public enum CouponScope
{
    AllProducts,
    Category,
    Products,
}

/// <summary>Where a claimed coupon came from (shown in "my coupons").</summary>
public enum CouponSource
{
    ProductPage,
    CouponCentre,
    Campaign,

    /// <summary>A slot of a group red packet (ADR-050).</summary>
    RedPacket,

    /// <summary>A sharer red packet: one's share link brought a new sign-up or first order (ADR-054).</summary>
    ShareReward,

    /// <summary>The coupon half of an invite reward (ADR-054).</summary>
    InviteReward,
}

/// <summary>Available → Locked (order placed) → Used (order paid); Locked or Used → Available when the order is cancelled.</summary>
public enum CouponState
{
    Available,
    Locked,
    Used,

    /// <summary>Withdrawn unused because what it rewarded was refunded (ADR-054); listed under "expired".</summary>
    Revoked,
}

/// <summary>
/// A coupon campaign: what it takes off, on which products, when it can be claimed and used, how many exist
/// (<see cref="TotalLimit"/>, counted by <see cref="Issued"/> with one conditional update per claim) and how many
/// one person may hold (<see cref="PerUserLimit"/>, guarded by a unique index on the claim's sequence number).
/// </summary>
public class CouponTemplate
{
    public const int NameMaxLength = 40;
    public const int MaxProducts = 50;
    public const int MaxTotal = 1_000_000;
    public const int MaxPerUser = 10;
    public const int MaxValidDays = 365;

    public long Id { get; set; }

    public string Name { get; set; } = "";

    public CouponKind Kind { get; set; }

    /// <summary>What the eligible lines must add up to (0 for no threshold).</summary>
    public decimal Threshold { get; set; }

    /// <summary>The amount taken off (spend-and-save, no threshold).</summary>
    public decimal Amount { get; set; }

    /// <summary>Percent taken off, 1–99 (percent-off only): 20 takes 20% off (八折).</summary>
    public int PercentOff { get; set; }

    /// <summary>The most a percent-off coupon takes off.</summary>
    public decimal Cap { get; set; }

    public CouponScope Scope { get; set; }

    public int? CategoryId { get; set; }

    public List<CouponTemplateProduct> Products { get; set; } = [];

    /// <summary>Claiming opens.</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>Claiming closes; for a fixed window this is also when claimed coupons expire.</summary>
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>null: usable from <see cref="StartsAt"/> to <see cref="EndsAt"/>; N: usable for N days after the claim.</summary>
    public int? ValidDays { get; set; }

    public int TotalLimit { get; set; }

    public int Issued { get; set; }

    public int PerUserLimit { get; set; } = 1;

    public bool Paused { get; set; }

    /// <summary>Only campaigns grant it (not listed on the product page or in the coupon centre).</summary>
    public bool GrantOnly { get; set; }

    /// <summary>
    /// Member-only (issue 13 §4, ADR-062): the rank of the lowest member level that may claim it (1 = the second level
    /// of the table, …); null for everyone. A rank the level table no longer has admits no one.
    /// </summary>
    public int? MinLevelRank { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public class CouponTemplateProduct
{
    public long TemplateId { get; set; }

    public long ProductId { get; set; }
}

/// <summary>A claimed coupon: one row of a person's wallet.</summary>
public class Coupon
{
    public long Id { get; set; }

    public long TemplateId { get; set; }

    public CouponTemplate? Template { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>1 for the person's first coupon of this template, 2 for the second…; unique per template and person, so parallel claims cannot exceed the per-person limit.</summary>
    public int ClaimSeq { get; set; }

    public CouponSource Source { get; set; }

    public CouponState State { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset ValidUntil { get; set; }

    /// <summary>The order holding (Locked) or having used (Used) it.</summary>
    public long? OrderId { get; set; }

    /// <summary>What it took off that order.</summary>
    public decimal? Discount { get; set; }

    public DateTimeOffset? LockedAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
