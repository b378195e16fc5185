using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using SocialStore.Domain.Common;
using SocialStore.Domain.GroupBuys;
using SocialStore.Web.Hosting;

namespace SocialStore.Web.Endpoints;

/// <summary>
/// Starting and joining a group buy: plain form posts (they work without JavaScript), signed-in only, checked with
/// the anti-forgery token. The order is placed at the group price and the buyer goes straight to paying it; a refusal
/// returns to the page with <c>gbError</c> set to the error code, which the page shows in the reader's language.
/// </summary>
public static class GroupBuyEndpoints
{
    public const string StartPath = "/group-buys/start";
    public const string ErrorParameter = "gbError";
    public const string ArgumentsParameter = "gbArgs";

    public static string GroupPath(long id) => "/group-buys/" + id.ToString(CultureInfo.InvariantCulture);

    public static string JoinPath(long id) => GroupPath(id) + "/join";

    public static IEndpointRouteBuilder MapGroupBuyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(StartPath, StartAsync).DisableAntiforgery();
        endpoints.MapPost("/group-buys/{id:long}/join", JoinAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> StartAsync(HttpContext http, IAntiforgery antiforgery, GroupBuyService groupBuys)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = CartEndpoints.LocalUrl(form["returnUrl"], "/shop");
        if (CartHosting.SignedInUserId(http) is not { } buyerId) return Results.LocalRedirect(SignIn(back));
        if (!await IsValidAsync(http, antiforgery)) return Results.BadRequest();
        if (!long.TryParse(form["campaign"], NumberStyles.None, CultureInfo.InvariantCulture, out var campaignId))
            return Results.LocalRedirect(CartEndpoints.With(back, ErrorParameter, GroupBuyErrors.CampaignNotFound));
        return await PlaceAsync(back, () => groupBuys.StartAsync(buyerId, campaignId, form["key"].ToString(), http.RequestAborted));
    }

    private static async Task<IResult> JoinAsync(long id, HttpContext http, IAntiforgery antiforgery, GroupBuyService groupBuys)
    {
        var back = GroupPath(id);
        if (CartHosting.SignedInUserId(http) is not { } buyerId) return Results.LocalRedirect(SignIn(back));
        if (!await IsValidAsync(http, antiforgery)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        return await PlaceAsync(back, () => groupBuys.JoinAsync(buyerId, id, form["key"].ToString(), http.RequestAborted));
    }

    private static async Task<IResult> PlaceAsync(string back, Func<Task<GroupBuyOrder>> place)
    {
        try
        {
            var order = await place();
            return Results.LocalRedirect(PaymentEndpoints.PayPath(order.OrderNumber));
        }
        catch (DomainException ex) when (ex.Code.StartsWith("GroupBuy.", StringComparison.Ordinal))
        {
            var url = CartEndpoints.With(back, ErrorParameter, ex.Code);
            if (ex.Arguments.Length > 0)
                url += "&" + ArgumentsParameter + "=" + Uri.EscapeDataString(string.Join('|', ex.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture))));
            return Results.LocalRedirect(url);
        }
    }

    private static string SignIn(string back) => "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(back);

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
}
