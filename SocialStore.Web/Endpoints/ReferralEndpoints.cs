using System.Security.Claims;
using SocialStore.Domain.Referrals;

namespace SocialStore.Web.Endpoints;

/// <summary>
/// Attribution touches (ADR-042): <c>GET /n/{note}/p/{product}</c> is a note's product tag — it records the touch
/// and redirects to the product; <see cref="TouchShareAsync"/> records the touch of a followed share link. Shoppers
/// who are not signed in get the first-party cookie <see cref="TouchCookie"/>; <see cref="CarryOverMiddleware"/>
/// gives its touches to the account at the first signed-in request and drops it.
/// </summary>
public static class ReferralEndpoints
{
    public const string TouchCookie = "ss_touch";

    public static readonly TimeSpan TouchLifetime = TimeSpan.FromDays(30);

    public static string TagPath(long noteId, long productId) => $"/n/{noteId}/p/{productId}";

    public static void MapReferralEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/n/{noteId:long}/p/{productId:long}", FollowTagAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> FollowTagAsync(long noteId, long productId, HttpContext http, AttributionService attribution, TimeProvider clock,
        SocialStore.Domain.Recommendations.BehaviourEventSink events, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (noteId <= 0 || productId <= 0) return Results.NotFound();
        if (!ShareLinkEndpoints.IsLinkPreviewBot(http.Request.Headers.UserAgent))
        {
            // The product-tag click (ADR-053): queued, de-duplicated per client, note and product like a view.
            events.Record(SocialStore.Domain.Recommendations.BehaviourKind.ProductClick, UserId(http),
                SocialStore.Domain.Recommendations.BehaviourEventSink.ClientKeyFor(UserId(http), Address(http)), noteId: noteId, productId: productId);
            await TouchAsync(http, attribution, clock, new TouchInput(UserId(http), http.Request.Cookies[TouchCookie], Address(http), noteId, productId, null), cancellationToken);
        }
        return Results.Redirect($"/products/{productId}");
    }

    /// <summary>Called by the share-link redirect after its visit was recorded.</summary>
    public static Task TouchShareAsync(HttpContext http, string code, CancellationToken cancellationToken)
    {
        var attribution = http.RequestServices.GetRequiredService<AttributionService>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        return TouchAsync(http, attribution, clock, new TouchInput(UserId(http), http.Request.Cookies[TouchCookie], Address(http), 0, 0, code), cancellationToken);
    }

    private static async Task TouchAsync(HttpContext http, AttributionService attribution, TimeProvider clock, TouchInput input, CancellationToken cancellationToken)
    {
        var result = await attribution.RecordAsync(input, cancellationToken);
        if (input.UserId is null && result.BrowserToken is { } token && token != input.BrowserToken)
            http.Response.Cookies.Append(TouchCookie, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Path = "/",
                MaxAge = TouchLifetime,
                Expires = clock.GetUtcNow().Add(TouchLifetime),
            });
    }

    /// <summary>A signed-in request with the touch cookie: the touches become the account's, once, and the cookie goes.</summary>
    public static async Task CarryOverMiddleware(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Cookies.TryGetValue(TouchCookie, out var token) && UserId(http) is { } userId)
        {
            await http.RequestServices.GetRequiredService<AttributionService>().CarryOverAsync(userId, token, http.RequestAborted);
            http.Response.Cookies.Delete(TouchCookie, new CookieOptions { Path = "/" });
        }
        await next(http);
    }

    private static string? UserId(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private static string? Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
