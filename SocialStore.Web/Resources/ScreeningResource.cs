namespace SocialStore.Web;

/// <summary>Marker for the word screening strings (errors, the word list page) in Resources/ScreeningResource(.zh-CN).resx.</summary>
public sealed class ScreeningResource;
