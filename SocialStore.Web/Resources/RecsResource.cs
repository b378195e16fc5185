namespace SocialStore.Web;

/// <summary>Marker for the recommendation strings in Resources/RecsResource(.zh-CN).resx.</summary>
public sealed class RecsResource;
