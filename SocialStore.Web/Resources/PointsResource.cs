namespace SocialStore.Web;

/// <summary>Marker for the points' UI strings and error messages in Resources/PointsResource(.zh-CN).resx.</summary>
public sealed class PointsResource;
