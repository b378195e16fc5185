namespace SocialStore.Domain.Referrals;

/// <summary>
/// A shopper's touch of a note or a share link that may later sell a product (ADR-042): who (a signed-in user, a
/// browser token or, for cookie-less visitors, a keyed hash of the client address), through what (note, share link,
/// product), to whose credit (the sharer, or the note's author), when. One row per subject, earner, target and day:
/// a repeat only moves <see cref="TouchedAt"/>, so a script cannot inflate the count.
/// </summary>
public class AttributionTouch
{
    public const int SubjectKeyMaxLength = 64;

    public long Id { get; set; }

    /// <summary>"u:" + user id, "b:" + browser token, or "a:" + HMAC of the client address.</summary>
    public string SubjectKey { get; set; } = "";

    /// <summary>The signed-in shopper, or the one who signed in later in the browser that made the touch.</summary>
    public string? UserId { get; set; }

    /// <summary>The browser's touch cookie when the shopper was not signed in; it carries the touch over on sign-in.</summary>
    public string? BrowserToken { get; set; }

    /// <summary>The person a sale through this touch credits: the sharer of the link, or the note's author.</summary>
    public string EarnerId { get; set; } = "";

    /// <summary>The note touched (0 when the touch is a share link of a product).</summary>
    public long NoteId { get; set; }

    /// <summary>The product touched (0 when the touch is a note, which credits every product tagged in it).</summary>
    public long ProductId { get; set; }

    public long? ShareLinkId { get; set; }

    /// <summary>The day (UTC, since the epoch) the touch was first made; part of the unique key.</summary>
    public long Day { get; set; }

    public DateTimeOffset FirstTouchedAt { get; set; }

    public DateTimeOffset TouchedAt { get; set; }
}

/// <summary>Which touch sold an order line: written with the order (<see cref="Ordering.OrderWriter"/>), never changed.</summary>
public class OrderLineAttribution
{
    public long OrderLineId { get; set; }

    public long OrderId { get; set; }

    public string BuyerId { get; set; } = "";

    public string EarnerId { get; set; } = "";

    public long NoteId { get; set; }

    public long? ShareLinkId { get; set; }

    public long TouchId { get; set; }

    public DateTimeOffset TouchedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A user the admin enabled to earn commissions.</summary>
public class Creator
{
    public string UserId { get; set; } = "";

    public bool Enabled { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string? ChangedBy { get; set; }
}

/// <summary>A product's own commission rate, overriding the global one.</summary>
public class CommissionProductRate
{
    public long ProductId { get; set; }

    /// <summary>Basis points: 500 = 5 %.</summary>
    public int RateBasisPoints { get; set; }
}

/// <summary>The one settings row (Id = 1) of attribution and commissions, editable by an admin.</summary>
public class ReferralSettings
{
    public const int SingletonId = 1;
    public const int DefaultRateBasisPoints = 500;
    public const int DefaultAttributionDays = 7;
    public const int DefaultAfterSalesDays = 7;

    public int Id { get; set; }

    public int CommissionRateBasisPoints { get; set; } = DefaultRateBasisPoints;

    public int AttributionDays { get; set; } = DefaultAttributionDays;

    /// <summary>Days after delivery during which a commission stays frozen (never less than 7).</summary>
    public int AfterSalesDays { get; set; } = DefaultAfterSalesDays;

    /// <summary>Members at this level (<c>MemberLevel.Rank</c>) or above are creators without enablement; null: enablement only (ADR-066).</summary>
    public int? CreatorMinLevelRank { get; set; }
}

public enum CommissionState
{
    Pending,
    Frozen,
    Available,
    Withdrawn,
}

public enum CommissionKind
{
    Earned,
    Clawback,
}

/// <summary>
/// One entry of a creator's commission ledger. An earning is positive; a clawback (a refund of the line) is negative
/// and shares the earning's state while that is pending or frozen, or is Available (a negative balance that blocks
/// payouts until recovered) once the earning was available or withdrawn. Entries are never deleted; only the state
/// moves forward, by conditional updates.
/// </summary>
public class CommissionEntry
{
    public const int SourceMaxLength = 64;

    public long Id { get; set; }

    public string CreatorId { get; set; } = "";

    public CommissionKind Kind { get; set; }

    public CommissionState State { get; set; }

    public decimal Amount { get; set; }

    /// <summary>What the amount was computed from: the line's paid goods amount, or the refunded amount.</summary>
    public decimal BaseAmount { get; set; }

    public int RateBasisPoints { get; set; }

    public long OrderId { get; set; }

    public long OrderLineId { get; set; }

    public long NoteId { get; set; }

    /// <summary>Unique: "earn:{line}" or "claw:{refund request}"; makes every hook idempotent.</summary>
    public string Source { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a frozen entry becomes available (set when the order completes).</summary>
    public DateTimeOffset? AvailableAt { get; set; }

    public long? PayoutId { get; set; }
}

public enum PayoutStatus
{
    Requested,
    Paid,
}

/// <summary>A creator's request to withdraw the whole available balance; the admin marks it paid (no real payout rail).</summary>
public class PayoutRequest
{
    public long Id { get; set; }

    public string CreatorId { get; set; } = "";

    public decimal Amount { get; set; }

    public PayoutStatus Status { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public string? PaidBy { get; set; }
}
