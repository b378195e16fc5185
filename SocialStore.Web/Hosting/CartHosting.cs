using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Web.Hosting;

/// <summary>
/// Who owns the cart of this request: the signed-in person (<c>u:{id}</c>) or the anonymous visitor
/// whose random token sits in an HttpOnly cookie (<c>a:{token}</c>). Signing in merges the anonymous
/// cart into the account (ADR-016).
/// </summary>
public static class CartHosting
{
    public const string CookieName = "ss_cart";

    public static IServiceCollection AddCartHosting(this IServiceCollection services) => services.OnSignedIn(MergeOnSignInAsync);

    private static async Task MergeOnSignInAsync(CookieSignedInContext context)
    {
        var http = context.HttpContext;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !http.Request.Cookies.TryGetValue(CookieName, out var token)) return;
        if (CartService.IsWellFormedToken(token))
        {
            var carts = http.RequestServices.GetRequiredService<CartService>();
            try
            {
                await carts.MergeAsync(token, userId, http.RequestAborted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Signing in must not fail because of the cart; the anonymous lines stay for the next sign-in.
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CartHosting)).LogError(ex, "Merging the anonymous cart failed");
                return;
            }
        }
        http.Response.Cookies.Delete(CookieName, FirstPartyCookies.Options(http));
    }

    public static string? SignedInUserId(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The cart owner of this request; a visitor without a cart cookie has none unless <paramref name="create"/>, which issues one.</summary>
    public static string? OwnerKey(HttpContext http, bool create)
    {
        if (SignedInUserId(http) is { } userId) return CartItem.UserOwner(userId);
        if (http.Request.Cookies.TryGetValue(CookieName, out var token) && CartService.IsWellFormedToken(token)) return CartItem.AnonymousOwner(token);
        if (!create) return null;
        token = CartService.NewToken();
        FirstPartyCookies.Issue(http, CookieName, token, TimeSpan.FromDays(30));
        return CartItem.AnonymousOwner(token);
    }
}
