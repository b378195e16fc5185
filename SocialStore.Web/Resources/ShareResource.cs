namespace SocialStore.Web;

/// <summary>Marker for the sharing UI strings in Resources/ShareResource(.zh-CN).resx.</summary>
public sealed class ShareResource;
