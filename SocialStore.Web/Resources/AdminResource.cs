namespace SocialStore.Web;

/// <summary>Marker for the back office's shell, overview and staff pages in Resources/AdminResource(.zh-CN).resx.</summary>
public sealed class AdminResource;
