using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SocialStore.Domain.Identity;

namespace SocialStore.Web.Hosting;

/// <summary>
/// Staff (Admin, Moderator) open no back-office page without two-factor sign-in (ADR-039): a request under
/// /admin from a staff member whose session was not signed in with a second factor is sent to
/// <c>/Account/StaffTwoFactor</c>, which says why and leads to setting up an authenticator or to signing in
/// again with it. Non-staff requests are left to the pages' own [Authorize] (they get the usual refusal).
/// </summary>
public static class StaffTwoFactorGate
{
    public const string Path = "/Account/StaffTwoFactor";

    /// <summary>The "amr" values a sign-in with a second factor (authenticator or recovery code) or a passkey carries.</summary>
    private static readonly string[] StrongMethods = ["mfa", "pk", "hwk"];

    public static bool IsStaff(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Roles.All.Any(user.IsInRole);

    public static bool SignedInWithSecondFactor(ClaimsPrincipal user) =>
        user.FindAll("amr").Any(c => StrongMethods.Contains(c.Value, StringComparer.OrdinalIgnoreCase));

    public static Task Middleware(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path;
        if ((path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
            && IsStaff(context.User) && !SignedInWithSecondFactor(context.User))
        {
            var returnUrl = path + context.Request.QueryString;
            context.Response.Redirect(Path + QueryString.Create("ReturnUrl", returnUrl.ToString()));
            return Task.CompletedTask;
        }
        return next();
    }

    /// <summary>Whether the signed-in user has an authenticator set up (the page offers "sign in again" then, else "set up").</summary>
    public static async Task<bool> HasTwoFactorAsync(UserManager<ApplicationUser> users, ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) is { } user && await users.GetTwoFactorEnabledAsync(user);
}
