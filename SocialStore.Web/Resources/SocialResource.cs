namespace SocialStore.Web;

/// <summary>Marker for the strings of likes, collects, comments, follows and notifications in Resources/SocialResource(.zh-CN).resx.</summary>
public sealed class SocialResource;
