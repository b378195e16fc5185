using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using SocialStore.Domain.Common;
using SocialStore.Domain.FlashSales;
using SocialStore.Web.Hosting;

namespace SocialStore.Web.Endpoints;

/// <summary>
/// The flash-sale buy button's form post: reserve (the order is created unpaid at the flash price) and go on to the
/// order page, where the existing pay button takes over. A refusal travels back to the product page as one of four
/// short names (sold out, limit reached, not started, ended), which the panel shows localised.
/// </summary>
public static class FlashSaleEndpoints
{
    public const string BuyPath = "/flash-sales/buy";

    /// <summary>The only answers a buyer gets, by the domain's error code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Problems = new Dictionary<string, string>
    {
        [FlashSaleErrors.SoldOut] = "soldout",
        [FlashSaleErrors.LimitReached] = "limit",
        [FlashSaleErrors.NotStarted] = "notstarted",
        [FlashSaleErrors.Ended] = "ended",
    };

    public static IEndpointRouteBuilder MapFlashSaleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(BuyPath, BuyAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> BuyAsync(HttpContext http, IAntiforgery antiforgery, FlashSaleService flash)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = WithoutProblem(CartEndpoints.LocalUrl(form["returnUrl"], "/flash-sales"));
        var buyerId = CartHosting.SignedInUserId(http);
        if (buyerId is null) return Results.LocalRedirect("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(back));
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.BadRequest();
        }
        if (!long.TryParse(form["item"], NumberStyles.None, CultureInfo.InvariantCulture, out var itemId))
            return Results.LocalRedirect(CartEndpoints.With(back, "flash", "ended"));
        var key = form["key"].ToString();
        if (!Domain.Ordering.CheckoutService.IsWellFormedKey(key)) key = Guid.NewGuid().ToString();
        try
        {
            var result = await flash.ReserveAsync(new FlashReservationRequest(buyerId, itemId, 1, key), http.RequestAborted);
            return Results.LocalRedirect("/orders/" + Uri.EscapeDataString(result.Number));
        }
        catch (DomainException ex) when (ex.Code == FlashSaleErrors.AddressRequired)
        {
            return Results.LocalRedirect("/me/addresses/new?returnUrl=" + Uri.EscapeDataString(back));
        }
        catch (DomainException ex) when (Problems.ContainsKey(ex.Code))
        {
            return Results.LocalRedirect(CartEndpoints.With(back, "flash", Problems[ex.Code]) + "#flash-sale");
        }
    }

    /// <summary>The URL without an earlier "flash=" notice (and fragment), so notices do not pile up.</summary>
    private static string WithoutProblem(string url)
    {
        if (url.IndexOf('#') is var hash and >= 0) url = url[..hash];
        var q = url.IndexOf('?');
        if (q < 0) return url;
        var kept = url[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("flash=", StringComparison.Ordinal)).ToList();
        return kept.Count == 0 ? url[..q] : url[..q] + "?" + string.Join('&', kept);
    }
}
