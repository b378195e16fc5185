namespace SocialStore.Web;

/// <summary>Marker for the bargains' UI strings and error messages in Resources/BargainResource(.zh-CN).resx.</summary>
public sealed class BargainResource;
