namespace SocialStore.Web;

/// <summary>Marker for the profile UI strings in Resources/ProfileResource(.zh-CN).resx.</summary>
public sealed class ProfileResource;
