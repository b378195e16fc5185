namespace SocialStore.Domain.Moderation;

public enum QueueStateFilter { Open, Pending, Appealed, Decided }

/// <summary>Where the open round came from: automatic flags (screening, device signals) or people's reports; a target can have both.</summary>
public enum QueueSourceFilter { Any, Automatic, Reported }

public sealed record QueueQuery(
    ReportTargetType? Type = null, ReportReason? Reason = null, int? MaxAgeDays = null,
    QueueStateFilter State = QueueStateFilter.Open, int Skip = 0, int Take = 20, QueueSourceFilter Source = QueueSourceFilter.Any);

/// <param name="Automatic">The open round has an automatic flag (screening, device signals).</param>
/// <param name="Reported">The open round has a person's report.</param>
public sealed record QueueRow(
    long Id, ReportTargetType TargetType, string TargetKey, ReviewableState State, double Score, int ReportCount,
    ReportReason LatestReason, bool AutoHidden, DateTimeOffset QueuedAt, string AuthorHandle, string AuthorName, string Excerpt,
    bool Automatic = false, bool Reported = false);

public sealed record QueuePage(IReadOnlyList<QueueRow> Items, int Total);

public sealed record ReportRow(string ReporterHandle, ReportReason Reason, string Text, double Weight, DateTimeOffset At, int Round, bool? Upheld);

public sealed record DecisionRow(
    long Id, int Round, ModerationAction Action, string? ModeratorHandle, string Reason, int? MuteDays, double Score,
    double HideThreshold, bool IsAppealDecision, DateTimeOffset DecidedAt, DateTimeOffset? AppealedAt, string AppealText);

/// <summary>Something in context: the note with its images, a comment with the thread around it, a user's recent content.</summary>
public sealed record ContextItem(string Kind, long? Id, string? Title, string Body, IReadOnlyList<string> ImageKeys, DateTimeOffset At, bool Highlight, bool Gone, string? Link);

public sealed record ReviewableDetail(
    QueueRow Row, string AuthorId, string? TargetStatus, DateTimeOffset? AuthorMutedUntil, bool AuthorBanned,
    IReadOnlyList<ContextItem> Context, IReadOnlyList<ReportRow> Reports, IReadOnlyList<DecisionRow> Decisions,
    string? AppealedDecisionModeratorId);

public sealed record DecisionInput(long ReviewableId, ModerationAction Action, string? Reason, int? MuteDays = null);

/// <param name="HeldByBan">The decision would bring content back, but its author is banned: it stays hidden and comes back when the ban is lifted.</param>
public sealed record DecisionResult(long DecisionId, ModerationAction Action, bool TargetChanged, bool HeldByBan = false);

/// <summary>What a moderation notification says: the decision, the kind of target, whether the recipient wrote it, whether they may appeal.</summary>
public sealed record ModerationNotice(
    long DecisionId, ModerationAction Action, ReportTargetType TargetType, string TargetKey, string Reason, int? MuteDays,
    DateTimeOffset DecidedAt, bool ToAuthor, bool CanAppeal, bool Appealed, bool IsAppealDecision);

public sealed record AuditQuery(string? Text = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Skip = 0, int Take = 50);

public sealed record AuditRow(long Id, DateTimeOffset At, string ActorHandle, string Action, string TargetType, string TargetId, string Reason, string Before, string After);

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int Total);
