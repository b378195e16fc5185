namespace SocialStore.Domain.Moderation.Engagement;

/// <summary>Codes of the <see cref="Common.DomainException"/>s of the engagement findings; each is a resource key in the web project.</summary>
public static class EngagementErrors
{
    public const string FindingNotFound = "Engagement.FindingNotFound";
    public const string AlreadyDecided = "Engagement.AlreadyDecided";
    public const string NoteTooLong = "Engagement.NoteTooLong";
}
