namespace SocialStore.Web;

/// <summary>Marker for the red packets' UI strings and error messages in Resources/RedPacketResource(.zh-CN).resx.</summary>
public sealed class RedPacketResource;
