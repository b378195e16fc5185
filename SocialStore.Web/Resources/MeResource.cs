namespace SocialStore.Web;

/// <summary>Marker for the "Me" area's UI strings (profile settings) in Resources/MeResource(.zh-CN).resx.</summary>
public sealed class MeResource;
