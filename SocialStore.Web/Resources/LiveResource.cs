namespace SocialStore.Web;

/// <summary>Marker for the live updates' UI strings in Resources/LiveResource(.zh-CN).resx (ADR-052).</summary>
public sealed class LiveResource;
