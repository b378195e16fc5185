namespace SocialStore.Web;

/// <summary>Marker for member levels' and badges' UI strings and error messages in Resources/LevelsResource(.zh-CN).resx.</summary>
public sealed class LevelsResource;
