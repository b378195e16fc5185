using Microsoft.AspNetCore.Localization;
using SocialStore.Web.Hosting;

namespace SocialStore.Web.Endpoints;

public static class CultureEndpoints
{
    public const string Path = "/culture";

    /// <summary>One-click language switch: remembers the choice in the culture cookie for a year and goes back.</summary>
    public static void MapCultureEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (string? c, string? r, HttpContext http) =>
        {
            var culture = SocialStoreHosting.SupportedCultures.FirstOrDefault(s => string.Equals(s.Name, c, StringComparison.OrdinalIgnoreCase));
            if (culture is not null)
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }
            // Only local paths: the switch must never become an open redirect.
            var back = !string.IsNullOrEmpty(r) && r.StartsWith('/') && !r.StartsWith("//") && !r.StartsWith("/\\") ? r : "/";
            return Results.LocalRedirect(back);
        });

    public static string Url(string culture, string returnPath) =>
        $"{Path}?c={Uri.EscapeDataString(culture)}&r={Uri.EscapeDataString(returnPath)}";
}
