namespace SocialStore.Web;

/// <summary>Marker for the dashboard and "also bought" strings in Resources/DashboardResource(.zh-CN).resx.</summary>
public sealed class DashboardResource;
