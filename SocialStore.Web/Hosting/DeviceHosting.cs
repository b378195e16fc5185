using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using SocialStore.Domain.Moderation.Devices;

namespace SocialStore.Web.Hosting;

/// <summary>
/// The device cookie (ADR-055): a random first-party id in an HttpOnly cookie, issued at the first sign-in
/// or sign-up in a browser and kept across sign-outs for two years, so that two accounts used in one browser
/// share it. Each sign-in records (device, account); the signals it feeds only flag accounts for a moderator.
/// </summary>
public static class DeviceHosting
{
    public const string CookieName = "ss_device";

    public static IServiceCollection AddDeviceHosting(this IServiceCollection services)
    {
        // Every way of signing in (password, two-factor, registration) ends in the application cookie's OnSignedIn.
        services.ConfigureApplicationCookie(o =>
        {
            var previous = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await previous(context);
                await RecordAsync(context);
            };
        });
        return services;
    }

    private static async Task RecordAsync(CookieSignedInContext context)
    {
        var http = context.HttpContext;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return;
        if (!http.Request.Cookies.TryGetValue(CookieName, out var deviceId) || !DeviceSignals.IsWellFormedId(deviceId))
        {
            deviceId = DeviceSignals.NewId();
            http.Response.Cookies.Append(CookieName, deviceId, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Path = "/",
                Expires = DateTimeOffset.UtcNow.AddYears(2),
            });
        }
        try
        {
            await http.RequestServices.GetRequiredService<DeviceSignalService>().RecordSignInAsync(deviceId, userId, http.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Signing in must not fail because of a fraud signal.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeviceHosting)).LogError(ex, "Recording the device sign-in failed");
        }
    }
}
