namespace SocialStore.Domain.Sharing;

/// <summary>Codes of the <see cref="Common.DomainException"/>s that share links throw; each is a resource key in the web project.</summary>
public static class ShareErrors
{
    public const string SharerNotFound = "Share.SharerNotFound";
    public const string TargetNotFound = "Share.TargetNotFound";
}
