namespace SocialStore.Web;

/// <summary>Marker for the group buys' UI strings and error messages in Resources/GroupBuyResource(.zh-CN).resx.</summary>
public sealed class GroupBuyResource;
