namespace SocialStore.Web;

/// <summary>Marker for the engagement findings strings (errors, the rings page) in Resources/EngagementResource(.zh-CN).resx.</summary>
public sealed class EngagementResource;
