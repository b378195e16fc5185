namespace SocialStore.Domain.Moderation;

/// <summary>Codes of the <see cref="Common.DomainException"/>s of moderation; each is a resource key in the web project.</summary>
public static class ModerationErrors
{
    public const string StaffOnly = "Moderation.StaffOnly";
    public const string TargetNotFound = "Moderation.TargetNotFound";
    public const string OwnContent = "Moderation.OwnContent";
    public const string AlreadyReported = "Moderation.AlreadyReported";
    public const string TextTooLong = "Moderation.TextTooLong";
    public const string TextRequired = "Moderation.TextRequired";
    public const string ReasonInvalid = "Moderation.ReasonInvalid";
    public const string DecisionReasonRequired = "Moderation.DecisionReasonRequired";
    public const string DecisionReasonTooLong = "Moderation.DecisionReasonTooLong";
    public const string MuteDaysInvalid = "Moderation.MuteDaysInvalid";
    public const string ActionNotForTarget = "Moderation.ActionNotForTarget";
    public const string AlreadyDecided = "Moderation.AlreadyDecided";
    public const string ReviewableNotFound = "Moderation.ReviewableNotFound";
    public const string OtherModeratorRequired = "Moderation.OtherModeratorRequired";
    public const string AppealNotAllowed = "Moderation.AppealNotAllowed";
    public const string AlreadyAppealed = "Moderation.AlreadyAppealed";
    public const string AppealOfAppeal = "Moderation.AppealOfAppeal";
    public const string AppealTooLong = "Moderation.AppealTooLong";
    public const string Muted = "Moderation.Muted";
    public const string Banned = "Moderation.Banned";
}
