namespace SocialStore.Web;

/// <summary>Marker for the privacy UI strings (account deletion, consent records) in Resources/PrivacyResource(.zh-CN).resx.</summary>
public sealed class PrivacyResource;
