namespace SocialStore.Domain.Rewards;

/// <summary>What sets off a reward grant. Sharer red packets: a share link brought a new sign-up or that person's first paid order; invites: the coupon half of an invite reward (ADR-054).</summary>
public enum RewardTrigger
{
    ShareSignUp,
    ShareFirstOrder,
    InviteInviter,
    InviteInvitee,
}

/// <summary>What a sharer red packet gives.</summary>
public enum RewardKind
{
    None,
    Coupon,
    Points,
}

/// <summary>
/// Granted → Reversed (points taken back) / Revoked (an unused coupon withdrawn) / Kept (a used coupon stays);
/// Unavailable: the campaign could not issue one — retried while the campaign can still become available (ADR-062),
/// then Granted; Cancelled: what it rewarded was refunded before it could be given, so it never will be.
/// </summary>
public enum RewardGrantState
{
    Granted,
    Reversed,
    Revoked,
    Kept,
    Unavailable,
    Cancelled,
}

/// <summary>Why a coupon reward was not given (ADR-062); shown on <c>/admin/rewards</c>.</summary>
public enum RewardUnavailableReason
{
    /// <summary>The campaign no longer exists.</summary>
    Missing,
    Paused,
    NotStarted,
    /// <summary>The campaign's window closed: final, it is not retried.</summary>
    Ended,
    /// <summary>Its total was given out.</summary>
    SoldOut,
}

/// <summary>
/// The back office's one settings row for sharer red packets and invite coupons (ADR-054). Until it is saved nothing
/// is granted (every kind is <see cref="RewardKind.None"/>, no campaign is chosen).
/// </summary>
public class RewardSettings
{
    public const int SingletonId = 1;
    public const int MaxPoints = 100_000;

    public int Id { get; set; } = SingletonId;

    public RewardKind SignUpKind { get; set; }

    public long? SignUpTemplateId { get; set; }

    public int SignUpPoints { get; set; }

    public RewardKind FirstOrderKind { get; set; }

    public long? FirstOrderTemplateId { get; set; }

    public int FirstOrderPoints { get; set; }

    /// <summary>A grant-only coupon campaign given to the inviter with the invite points (null: points only, ADR-046).</summary>
    public long? InviterTemplateId { get; set; }

    /// <summary>A grant-only coupon campaign given to the invitee with the invite points.</summary>
    public long? InviteeTemplateId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}

/// <summary>
/// One reward given (or that could not be given) for a new person and a trigger. UNIQUE(NewUserId, Trigger) makes
/// "once per new person" a property of the database: of two parallel attempts only one row is inserted, and only
/// the attempt that inserted it gives the coupon or the points.
/// </summary>
public class RewardGrant
{
    public long Id { get; set; }

    public RewardTrigger Trigger { get; set; }

    /// <summary>Who gets it: the sharer, the inviter or the invitee.</summary>
    public string BeneficiaryId { get; set; } = "";

    /// <summary>The new person (the signed-up visitor, the invitee).</summary>
    public string NewUserId { get; set; } = "";

    public RewardKind Kind { get; set; }

    public long? CouponTemplateId { get; set; }

    public long? CouponId { get; set; }

    public int Points { get; set; }

    /// <summary>The share link that brought the new person (sharer red packets).</summary>
    public long? ShareLinkId { get; set; }

    /// <summary>The first paid order (first-order and invite grants), whose full refund reverses the grant.</summary>
    public long? OrderId { get; set; }

    public RewardGrantState State { get; set; }

    /// <summary>Why it is (or last was) not given, while <see cref="State"/> is Unavailable.</summary>
    public RewardUnavailableReason? UnavailableReason { get; set; }

    /// <summary>Attempts to give it after the first (the retries of an unavailable grant).</summary>
    public int Retries { get; set; }

    public DateTimeOffset? LastTriedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SettledAt { get; set; }
}

/// <summary>
/// How far a periodic expiry sweep has got (ADR-054): a worker claims the window (<see cref="Through"/>, now] with one
/// conditional update, so two nodes never sweep the same window.
/// </summary>
public class ExpirySweep
{
    public const string Points = "points";

    public string Name { get; set; } = "";

    public DateTimeOffset Through { get; set; }
}
