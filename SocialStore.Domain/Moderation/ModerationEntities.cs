namespace SocialStore.Domain.Moderation;

/// <summary>What can be reported.</summary>
public enum ReportTargetType
{
    Note,
    Comment,
    Review,
    Question,
    Answer,
    User,
}

public enum ReportReason
{
    Spam,
    Fraud,
    Harassment,
    Illegal,
    Infringement,
    Misinformation,
    Other,
}

/// <summary>Where a reviewable is: waiting in the queue, decided, or back in the queue on the author's appeal.</summary>
public enum ReviewableState
{
    Pending,
    Decided,
    Appealed,
}

public enum ModerationAction
{
    /// <summary>Nothing wrong: the reports are dismissed (an automatically hidden target comes back).</summary>
    Approve,
    Hide,
    Restore,
    Delete,
    Warn,
    Mute,
    Ban,

    /// <summary>Not a moderator's action: the score reached the hide threshold and the target was hidden pending review.</summary>
    AutoHide,
}

/// <summary>
/// One person's report of one target. Reports on the same target merge into one <see cref="Reviewable"/>;
/// the unique index on (reviewable, reporter, round) makes a second open report by the same person impossible.
/// </summary>
public class Report
{
    public const int TextMaxLength = 500;

    public long Id { get; set; }

    public long ReviewableId { get; set; }

    /// <summary>The reviewable's round when the report was made; a decided target reported again opens a new round.</summary>
    public int Round { get; set; }

    public string ReporterId { get; set; } = "";

    public ReportReason Reason { get; set; }

    public string Text { get; set; } = "";

    /// <summary>What this report added to the score: 1 + the reporter's trust + their accuracy bonus.</summary>
    public double Weight { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null while open; then whether the moderator agreed (anything but approve).</summary>
    public bool? Upheld { get; set; }
}

/// <summary>Everything reported about one target, scored, and the state of its review.</summary>
public class Reviewable
{
    public const int TargetKeyMaxLength = 64;

    public long Id { get; set; }

    public ReportTargetType TargetType { get; set; }

    /// <summary>The target's id as text (notes and comments have numbers, users string ids).</summary>
    public string TargetKey { get; set; } = "";

    public string TargetAuthorId { get; set; } = "";

    public ReviewableState State { get; set; }

    public int Round { get; set; }

    /// <summary>The sum of the open round's report weights.</summary>
    public double Score { get; set; }

    public int ReportCount { get; set; }

    /// <summary>The reason most recently given, for the queue's filter.</summary>
    public ReportReason LatestReason { get; set; }

    /// <summary>The score reached the hide threshold in this round and the target was hidden pending review.</summary>
    public bool AutoHidden { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the open round started (its first report or the appeal); the queue's age filter.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    public long? LastDecisionId { get; set; }
}

/// <summary>A moderator's decision (or the automatic hide) with the thresholds in force, the score and the reason told to the author.</summary>
public class ModerationDecision
{
    public const int ReasonMaxLength = 500;
    public const int AppealMaxLength = 500;

    public long Id { get; set; }

    public long ReviewableId { get; set; }

    public int Round { get; set; }

    /// <summary>Null for the automatic hide.</summary>
    public string? ModeratorId { get; set; }

    public ModerationAction Action { get; set; }

    public string Reason { get; set; } = "";

    public int? MuteDays { get; set; }

    public double Score { get; set; }

    public double HideThreshold { get; set; }

    /// <summary>The decision settles an appeal; an appeal of it is refused.</summary>
    public bool IsAppealDecision { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public DateTimeOffset? AppealedAt { get; set; }

    public string AppealText { get; set; } = "";
}

/// <summary>A user's mute (until a time) or ban; one row per sanctioned user.</summary>
public class UserSanction
{
    public string UserId { get; set; } = "";

    public DateTimeOffset? MutedUntil { get; set; }

    public DateTimeOffset? BannedAt { get; set; }
}

/// <summary>
/// One piece of content (note, comment, review, question or answer) that a ban hid because it was visible
/// then. Lifting the ban brings back exactly these rows — not what the author deleted, nor what a moderator
/// hid on its own — and deletes them.
/// </summary>
public class BanHiddenItem
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public ReportTargetType TargetType { get; set; }

    public long TargetId { get; set; }

    public DateTimeOffset HiddenAt { get; set; }
}
