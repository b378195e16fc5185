namespace SocialStore.Domain.Moderation.Engagement;

public enum FindingKind
{
    Ring,
    Burst,
    DuplicateReview,
}

public enum FindingStatus
{
    Open,
    Confirmed,
    Cleared,
}

/// <summary>
/// Something the engagement detectors found (ADR-047): a ring of accounts, a burst of likes from new
/// accounts on one note, or one review text posted by several accounts. A moderator confirms it (the
/// members' engagement is discounted from ranking) or clears it (nothing changes). (Kind, Key) is unique,
/// so a finding is stored once however many scans see it.
/// </summary>
public class EngagementFinding
{
    public const int KeyMaxLength = 64;
    public const int EvidenceMaxLength = 4000;
    public const int NoteMaxLength = 500;

    public long Id { get; set; }

    public FindingKind Kind { get; set; }

    public string Key { get; set; } = "";

    /// <summary>The note a burst hit (null for rings and duplicate reviews).</summary>
    public long? NoteId { get; set; }

    public int MemberCount { get; set; }

    /// <summary>JSON <see cref="FindingEvidence"/>: what the detector saw.</summary>
    public string Evidence { get; set; } = "";

    public FindingStatus Status { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public string? DecidedById { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string DecisionNote { get; set; } = "";
}

/// <summary>One account of a finding.</summary>
public class EngagementFindingMember
{
    public long FindingId { get; set; }

    public string UserId { get; set; } = "";
}

public sealed record MemberEvidence(string UserId, int Internal, int Total);

/// <summary>The evidence kept with a finding (serialised as JSON).</summary>
public sealed record FindingEvidence(
    IReadOnlyList<MemberEvidence> Members,
    int WindowDays,
    int? Likes = null,
    DateTimeOffset? WindowStart = null,
    string? Text = null,
    IReadOnlyList<long>? ReviewIds = null);
