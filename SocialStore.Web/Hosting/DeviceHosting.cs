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

    public static IServiceCollection AddDeviceHosting(this IServiceCollection services) => services.OnSignedIn(RecordAsync);

    private static async Task RecordAsync(CookieSignedInContext context)
    {
        var http = context.HttpContext;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return;
        if (!http.Request.Cookies.TryGetValue(CookieName, out var deviceId) || !DeviceSignals.IsWellFormedId(deviceId))
        {
            deviceId = DeviceSignals.NewId();
            FirstPartyCookies.Issue(http, CookieName, deviceId, TimeSpan.FromDays(730));
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
