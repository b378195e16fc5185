namespace SocialStore.Web;

/// <summary>Marker for the composer's UI strings (compose, drafts, delete, restore) in Resources/ComposeResource(.zh-CN).resx.</summary>
public sealed class ComposeResource;
