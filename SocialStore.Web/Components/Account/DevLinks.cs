using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SocialStore.Web.Components.Account;

/// <summary>
/// There is no mail server in Development (LoggingEmailSender), so the register and forgot-password
/// confirmation pages show the link that would have been emailed. They show it only to the browser that
/// just registered or asked — the POST hands it a short-lived, HttpOnly, data-protected cookie — and only
/// on a request from this machine in Development. Anyone else, or any other request, sees the ordinary
/// "check your email" text, so the pages never hand out a link for someone else's address.
/// </summary>
public static class DevLinks
{
    /// <summary>Holds the email address that just registered.</summary>
    public const string RegisteredCookie = "Identity.DevRegistered";

    /// <summary>Holds the reset link that would have been emailed.</summary>
    public const string ResetCookie = "Identity.DevResetLink";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Development, and the request comes from this machine (no proxy in between: the connection's own address).</summary>
    public static bool Allowed(HttpContext context) =>
        context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment()
        && context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    /// <summary>Hands <paramref name="value"/> to this browser only, when <see cref="Allowed"/>.</summary>
    public static void Hand(HttpContext context, string cookie, string value)
    {
        if (!Allowed(context)) return;
        var protectedValue = Protector(context, cookie).Protect(value, Lifetime);
        context.Response.Cookies.Append(cookie, protectedValue, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Path = "/Account",
            MaxAge = Lifetime,
        });
    }

    /// <summary>The value this browser was handed, once (the cookie is removed); null when not allowed, missing, forged or expired.</summary>
    public static string? Take(HttpContext context, string cookie)
    {
        if (!Allowed(context) || context.Request.Cookies[cookie] is not { Length: > 0 } value) return null;
        context.Response.Cookies.Delete(cookie, new CookieOptions { Path = "/Account" });
        try
        {
            return Protector(context, cookie).Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(HttpContext context, string cookie) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("SocialStore.DevLinks", cookie).ToTimeLimitedDataProtector();
}
