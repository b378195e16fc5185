namespace SocialStore.Web;

/// <summary>Marker for the "too many, try again in N minutes" messages of the action limits in Resources/LimitResource(.zh-CN).resx (ADR-064).</summary>
public sealed class LimitResource;
