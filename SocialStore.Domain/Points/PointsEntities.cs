namespace SocialStore.Domain.Points;

/// <summary>Why a ledger entry exists. Credits are positive, debits negative.</summary>
public enum PointsKind
{
    CheckIn,
    Purchase,
    Review,
    Referral,
    Adjustment,
    /// <summary>Spent on an order at checkout (negative).</summary>
    Spend,
    /// <summary>What an order spent, given back when it is cancelled (positive).</summary>
    SpendRestored,
    /// <summary>What a line refund gives back of the points spent on that line (positive).</summary>
    SpendRefunded,
    /// <summary>Points earned on a line taken back when the line is refunded (negative, even below a zero balance).</summary>
    PurchaseReversed,
    /// <summary>Credits older than the expiry period that were not used (negative).</summary>
    Expired,
    /// <summary>A sharer red packet paid in points (ADR-054).</summary>
    ShareReward,
    /// <summary>A sharer red packet taken back because the first order it rewarded was fully refunded (negative).</summary>
    ShareRewardReversed,
}

/// <summary>
/// One row of the append-only points ledger. <see cref="SourceKey"/> is unique: crediting the same source twice
/// (a check-in day, an order line, a review, a refund request) inserts nothing the second time.
/// </summary>
public class PointsEntry
{
    public const int SourceKeyMaxLength = 80;

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>Positive for a credit, negative for a debit.</summary>
    public int Amount { get; set; }

    public PointsKind Kind { get; set; }

    public string SourceKey { get; set; } = "";

    /// <summary>The order the entry belongs to (earned on, spent on, restored from), if any.</summary>
    public long? OrderId { get; set; }

    /// <summary>The order line (earned on or refunded), if any.</summary>
    public long? OrderLineId { get; set; }

    /// <summary>The money the entry was computed from (the line's paid amount for an earning), so reversals are pro rata.</summary>
    public decimal? Basis { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When what is left of this credit expires; null for debits and credits that never expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}

/// <summary>
/// A person's points balance: always the sum of their ledger entries, because every entry is inserted in the same
/// transaction as the update of this row (and a spend is a conditional update <c>WHERE Balance &gt;= n</c>).
/// </summary>
public class PointsAccount
{
    public string UserId { get; set; } = "";

    public int Balance { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One daily check-in; unique per person and Asia/Shanghai calendar day, so fast clicks are rewarded once.</summary>
public class PointsCheckIn
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The Asia/Shanghai calendar day.</summary>
    public DateOnly Day { get; set; }

    /// <summary>Consecutive days up to and including this one.</summary>
    public int Streak { get; set; }

    public int Points { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>The points rules the back office sets (one row; the defaults apply until it exists).</summary>
public class PointsRules
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Points earned per whole yuan paid for goods, credited when the order completes.</summary>
    public int EarnPerYuan { get; set; } = 1;

    /// <summary>How many points make ¥1 at checkout (100 points = ¥1).</summary>
    public int PointsPerYuan { get; set; } = 100;

    /// <summary>The largest share of the goods (after the coupon) that points may pay, in percent.</summary>
    public int MaxSharePercent { get; set; } = 50;

    /// <summary>Months after which what is left of a credit expires.</summary>
    public int ExpiryMonths { get; set; } = 12;

    public int CheckInPoints { get; set; } = 5;

    /// <summary>Extra points per consecutive day after the first…</summary>
    public int StreakBonusPerDay { get; set; } = 1;

    /// <summary>…up to this much extra.</summary>
    public int StreakBonusMax { get; set; } = 5;

    /// <summary>Points for a review with photos.</summary>
    public int ReviewWithPhotosPoints { get; set; } = 20;

    public DateTimeOffset UpdatedAt { get; set; }

    public int CheckInAward(int streak) => CheckInPoints + Math.Min(Math.Max(streak - 1, 0) * StreakBonusPerDay, StreakBonusMax);
}
