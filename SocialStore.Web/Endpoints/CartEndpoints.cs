using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using SocialStore.Domain.Common;
using SocialStore.Domain.Ordering;
using SocialStore.Web.Hosting;

namespace SocialStore.Web.Endpoints;

/// <summary>
/// The cart's and address book's form posts (they work without JavaScript): each does one service call
/// and redirects back (post/redirect/get). A broken rule travels back as a short problem name in the
/// query string, which the page turns into its localised message.
/// </summary>
public static class CartEndpoints
{
    /// <summary>Problem names the pages understand, by the domain's error code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Problems = new Dictionary<string, string>
    {
        [OrderErrors.QuantityInvalid] = "quantity",
        [CartErrors.NotEnoughStock] = "stock",
        [OrderErrors.SoldOut] = "soldout",
        [OrderErrors.SkuUnavailable] = "unavailable",
        [OrderErrors.CartFull] = "full",
        [CartErrors.AddressNotFound] = "address",
    };

    public static IEndpointRouteBuilder MapCartEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/cart/add", AddAsync).DisableAntiforgery();
        endpoints.MapPost("/cart/update", UpdateAsync).DisableAntiforgery();
        endpoints.MapPost("/cart/remove", RemoveAsync).DisableAntiforgery();
        endpoints.MapPost("/cart/confirm-prices", ConfirmPricesAsync).DisableAntiforgery();
        endpoints.MapPost("/me/addresses/{id:long}/default", SetDefaultAsync).DisableAntiforgery().RequireAuthorization();
        endpoints.MapPost("/me/addresses/{id:long}/delete", DeleteAddressAsync).DisableAntiforgery().RequireAuthorization();
        return endpoints;
    }

    /// <summary>
    /// Add to cart / buy now from the product page. The product page is output-cached for visitors, so it
    /// cannot carry a per-visitor anti-forgery token: a signed-in person's post is checked with the token,
    /// a visitor's post must come from this site (Sec-Fetch-Site / Origin) — at worst it fills an anonymous cart.
    /// </summary>
    private static async Task<IResult> AddAsync(HttpContext http, IAntiforgery antiforgery, CartService carts)
    {
        if (CartHosting.SignedInUserId(http) is not null ? !await IsValidAsync(http, antiforgery) : IsCrossSite(http.Request))
            return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = LocalUrl(form["returnUrl"], "/cart");
        if (!long.TryParse(form["sku"], NumberStyles.None, CultureInfo.InvariantCulture, out var skuId))
            return Results.LocalRedirect(With(back, "cartError", "options"));
        var buyNow = form["buy"] == "now";
        try
        {
            var quantity = ParseQuantity(form["quantity"]);
            await carts.AddAsync(CartHosting.OwnerKey(http, create: true)!, skuId, quantity, http.RequestAborted);
        }
        catch (DomainException ex) when (Problems.ContainsKey(ex.Code))
        {
            // Buying now what is already in the cart up to the limit still goes on to checkout with that line.
            if (!(buyNow && ex.Code is OrderErrors.QuantityInvalid or CartErrors.NotEnoughStock && await InCartAsync(http, carts, skuId)))
                return Results.LocalRedirect(With(back, "cartError", Problems[ex.Code]));
        }
        return Results.LocalRedirect(buyNow ? "/checkout?sku=" + skuId.ToString(CultureInfo.InvariantCulture) : With(back, "added", "1"));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, IAntiforgery antiforgery, CartService carts)
    {
        if (!await IsValidAsync(http, antiforgery)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!long.TryParse(form["sku"], NumberStyles.None, CultureInfo.InvariantCulture, out var skuId)) return Results.LocalRedirect("/cart");
        var owner = CartHosting.OwnerKey(http, create: false);
        if (owner is null) return Results.LocalRedirect("/cart");
        try
        {
            // The − / + buttons send "set"; the number field sends "quantity".
            var quantity = ParseQuantity(form.TryGetValue("set", out var set) && set.Count > 0 ? set : form["quantity"]);
            await carts.SetQuantityAsync(owner, skuId, quantity, http.RequestAborted);
        }
        catch (DomainException ex) when (Problems.ContainsKey(ex.Code))
        {
            return Results.LocalRedirect($"/cart?error={Problems[ex.Code]}&sku={skuId.ToString(CultureInfo.InvariantCulture)}");
        }
        return Results.LocalRedirect("/cart");
    }

    private static async Task<IResult> RemoveAsync(HttpContext http, IAntiforgery antiforgery, CartService carts)
    {
        if (!await IsValidAsync(http, antiforgery)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (long.TryParse(form["sku"], NumberStyles.None, CultureInfo.InvariantCulture, out var skuId) && CartHosting.OwnerKey(http, create: false) is { } owner)
            await carts.RemoveAsync(owner, skuId, http.RequestAborted);
        return Results.LocalRedirect(LocalUrl(form["returnUrl"], "/cart"));
    }

    /// <summary>The shopper saw the new prices and accepts them (the cart, and so the checkout, uses them from now on).</summary>
    private static async Task<IResult> ConfirmPricesAsync(HttpContext http, IAntiforgery antiforgery, CartService carts)
    {
        if (!await IsValidAsync(http, antiforgery)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var skuIds = form["sku"].Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
        if (skuIds.Count > 0 && CartHosting.OwnerKey(http, create: false) is { } owner)
            await carts.ConfirmPricesAsync(owner, skuIds, http.RequestAborted);
        return Results.LocalRedirect(LocalUrl(form["returnUrl"], "/cart"));
    }

    private static async Task<IResult> SetDefaultAsync(long id, HttpContext http, IAntiforgery antiforgery, AddressService addresses)
    {
        if (!await IsValidAsync(http, antiforgery)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = LocalUrl(form["returnUrl"], "/me/addresses");
        try
        {
            await addresses.SetDefaultAsync(CartHosting.SignedInUserId(http)!, id, http.RequestAborted);
        }
        catch (DomainException ex) when (ex.Code == CartErrors.AddressNotFound)
        {
            return Results.NotFound();
        }
        return Results.LocalRedirect(back);
    }

    private static async Task<IResult> DeleteAddressAsync(long id, HttpContext http, IAntiforgery antiforgery, AddressService addresses)
    {
        if (!await IsValidAsync(http, antiforgery)) return Results.BadRequest();
        try
        {
            await addresses.DeleteAsync(CartHosting.SignedInUserId(http)!, id, http.RequestAborted);
        }
        catch (DomainException ex) when (ex.Code == CartErrors.AddressNotFound)
        {
            return Results.NotFound();
        }
        return Results.LocalRedirect("/me/addresses?deleted=1");
    }

    /// <summary>Anything that is not a whole number 1..99 (empty, "−1", "999999", "1e3", overflow) is refused with the same message.</summary>
    public static int ParseQuantity(string? text)
    {
        if (!int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity))
            throw new DomainException(OrderErrors.QuantityInvalid, CartItem.MaxQuantity);
        CartService.EnsureQuantity(quantity);
        return quantity;
    }

    private static async Task<bool> InCartAsync(HttpContext http, CartService carts, long skuId) =>
        CartHosting.OwnerKey(http, create: false) is { } owner && (await carts.GetAsync(owner, http.RequestAborted)).Lines.Any(l => l.SkuId == skuId);

    private static async Task<bool> IsValidAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static bool IsCrossSite(HttpRequest request)
    {
        if (request.Headers.TryGetValue("Sec-Fetch-Site", out var site) && site == "cross-site") return true;
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && origin != "null"
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Only local paths: a form field must never become an open redirect.</summary>
    public static string LocalUrl(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : fallback;

    /// <summary>The URL with one query parameter set (replacing the cart's earlier notices).</summary>
    public static string With(string url, string name, string value)
    {
        var (path, query) = url.IndexOf('?') is var q and >= 0 ? (url[..q], url[(q + 1)..]) : (url, "");
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("added=", StringComparison.Ordinal) && !p.StartsWith("cartError=", StringComparison.Ordinal));
        return path + "?" + string.Join('&', kept.Append(name + "=" + Uri.EscapeDataString(value)));
    }
}
