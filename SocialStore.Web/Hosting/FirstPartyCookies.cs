using Microsoft.AspNetCore.Authentication.Cookies;

namespace SocialStore.Web.Hosting;

/// <summary>
/// What the cart cookie (<see cref="CartHosting"/>) and the device cookie (<see cref="DeviceHosting"/>) share: an
/// HttpOnly, first-party, Lax cookie for the whole site (Secure on HTTPS), and a hook on the application cookie's
/// OnSignedIn, which every way of signing in (password, two-factor, registration) ends in.
/// </summary>
public static class FirstPartyCookies
{
    public static CookieOptions Options(HttpContext http, TimeSpan? lifetime = null) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        Path = "/",
        Expires = lifetime is { } keep ? DateTimeOffset.UtcNow + keep : null,
    };

    /// <summary>Sets the cookie <paramref name="name"/> for <paramref name="lifetime"/>.</summary>
    public static void Issue(HttpContext http, string name, string value, TimeSpan lifetime) =>
        http.Response.Cookies.Append(name, value, Options(http, lifetime));

    /// <summary>Runs <paramref name="hook"/> after every sign-in, after the hooks added before it.</summary>
    public static IServiceCollection OnSignedIn(this IServiceCollection services, Func<CookieSignedInContext, Task> hook) =>
        services.ConfigureApplicationCookie(o =>
        {
            var previous = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await previous(context);
                await hook(context);
            };
        });
}
