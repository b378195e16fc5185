namespace SocialStore.Web;

/// <summary>Marker for the creator centre's views, charts and creator-level strings in Resources/CreatorStatsResource(.zh-CN).resx (ADR-066).</summary>
public sealed class CreatorStatsResource;
