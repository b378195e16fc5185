namespace SocialStore.Web;

/// <summary>Marker for the referral invites' UI strings and error messages in Resources/InviteResource(.zh-CN).resx.</summary>
public sealed class InviteResource;
