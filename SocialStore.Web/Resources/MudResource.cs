namespace SocialStore.Web;

/// <summary>Marker for MudBlazor's own UI texts in our languages (Resources/MudResource(.zh-CN).resx), read by <see cref="Services.MudResourceLocalizer"/>.</summary>
public sealed class MudResource;
