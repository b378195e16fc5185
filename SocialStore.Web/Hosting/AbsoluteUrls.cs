using Microsoft.AspNetCore.Components;

namespace SocialStore.Web.Hosting;

/// <summary>
/// The one home of absolute URLs that leave the page — links in emails, canonical and Open Graph tags, share
/// links. They are built on App:PublicOrigin when it is configured, so a forged <c>Host</c> header cannot put
/// another site's address into a password-reset mail; without it (Development, tests) on the address the page
/// was requested at, which outside Development <c>AllowedHosts</c> limits to the shop's own names.
/// </summary>
public sealed class AbsoluteUrls(NavigationManager navigation, Uri? configuredOrigin)
{
    /// <summary>The site's base address, ending in '/'.</summary>
    public string BaseUri => (configuredOrigin ?? new Uri(navigation.BaseUri)).AbsoluteUri;

    /// <summary>The absolute URL of a site path such as <c>/notes/12</c> or <c>Account/ConfirmEmail</c>.</summary>
    public string For(string path) => new Uri(new Uri(BaseUri), path.TrimStart('/')).AbsoluteUri;
}
