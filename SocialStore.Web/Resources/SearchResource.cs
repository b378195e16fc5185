namespace SocialStore.Web;

/// <summary>Marker for the search UI strings in Resources/SearchResource(.zh-CN).resx.</summary>
public sealed class SearchResource;
