using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Web.Hosting;

namespace SocialStore.Web.Endpoints;

/// <summary>
/// Claiming a coupon is a plain form post (it works without JavaScript): one service call, then back to the page it
/// came from with <c>couponClaimed</c> (the wallet row) or <c>couponError</c> (the domain's error code) in the query.
/// </summary>
public static class CouponEndpoints
{
    public static IEndpointRouteBuilder MapCouponEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/coupons/claim", ClaimAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ClaimAsync(HttpContext http, IAntiforgery antiforgery, CouponService coupons)
    {
        var userId = CartHosting.SignedInUserId(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = CartEndpoints.LocalUrl(form["returnUrl"], "/coupons");
        if (userId is null) return Results.LocalRedirect("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(back));
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.BadRequest();
        }
        back = Without(back);
        if (!long.TryParse(form["template"], NumberStyles.None, CultureInfo.InvariantCulture, out var templateId))
            return Results.LocalRedirect(CartEndpoints.With(back, "couponError", CouponErrors.NotFound));
        var source = form["source"] == "product" ? CouponSource.ProductPage : CouponSource.CouponCentre;
        try
        {
            var claim = await coupons.ClaimAsync(userId, templateId, source, http.RequestAborted);
            return Results.LocalRedirect(CartEndpoints.With(back, "couponClaimed", claim.CouponId.ToString(CultureInfo.InvariantCulture)) + "#coupons");
        }
        catch (DomainException ex)
        {
            return Results.LocalRedirect(CartEndpoints.With(back, "couponError", ex.Code) + "#coupons");
        }
    }

    /// <summary>The URL without the notices of an earlier claim.</summary>
    private static string Without(string url)
    {
        var q = url.IndexOf('?');
        if (q < 0) return url;
        var kept = url[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("couponClaimed=", StringComparison.Ordinal) && !p.StartsWith("couponError=", StringComparison.Ordinal)).ToList();
        return kept.Count == 0 ? url[..q] : url[..q] + "?" + string.Join('&', kept);
    }
}
