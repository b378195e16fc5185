using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using SocialStore.Domain.Bargains;
using SocialStore.Domain.Common;
using SocialStore.Web.Hosting;

namespace SocialStore.Web.Endpoints;

/// <summary>
/// Starting, cutting and buying a bargain: plain form posts (they work without JavaScript), signed-in only, checked
/// with the anti-forgery token. A refusal returns to the page with <c>bgError</c> set to the error code, which the page
/// shows in the reader's language; a cut returns with <c>bgCut</c> set to the amount cut.
/// </summary>
public static class BargainEndpoints
{
    public const string StartPath = "/bargains/start";
    public const string ErrorParameter = "bgError";
    public const string ArgumentsParameter = "bgArgs";
    public const string CutParameter = "bgCut";

    public static string BargainPath(long id) => "/bargains/" + id.ToString(CultureInfo.InvariantCulture);

    public static string HelpPath(long id) => BargainPath(id) + "/help";

    public static string BuyPath(long id) => BargainPath(id) + "/buy";

    public static IEndpointRouteBuilder MapBargainEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(StartPath, StartAsync).DisableAntiforgery();
        endpoints.MapPost("/bargains/{id:long}/help", HelpAsync).DisableAntiforgery();
        endpoints.MapPost("/bargains/{id:long}/buy", BuyAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> StartAsync(HttpContext http, IAntiforgery antiforgery, BargainService bargains)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = CartEndpoints.LocalUrl(form["returnUrl"], "/shop");
        if (CartHosting.SignedInUserId(http) is not { } ownerId) return Results.LocalRedirect(SignIn(back));
        if (!await IsValidAsync(http, antiforgery)) return Results.BadRequest();
        if (!long.TryParse(form["campaign"], NumberStyles.None, CultureInfo.InvariantCulture, out var campaignId))
            return Results.LocalRedirect(CartEndpoints.With(back, ErrorParameter, BargainErrors.CampaignNotFound));
        return await RunAsync(back, async () => BargainPath(await bargains.StartAsync(ownerId, campaignId, http.RequestAborted)));
    }

    private static async Task<IResult> HelpAsync(long id, HttpContext http, IAntiforgery antiforgery, BargainService bargains)
    {
        var back = BargainPath(id);
        if (CartHosting.SignedInUserId(http) is not { } helperId) return Results.LocalRedirect(SignIn(back));
        if (!await IsValidAsync(http, antiforgery)) return Results.BadRequest();
        return await RunAsync(back, async () =>
        {
            var cut = await bargains.HelpAsync(helperId, id, http.RequestAborted);
            return CartEndpoints.With(back, CutParameter, Money.Plain(cut.Amount));
        });
    }

    private static async Task<IResult> BuyAsync(long id, HttpContext http, IAntiforgery antiforgery, BargainService bargains)
    {
        var back = BargainPath(id);
        if (CartHosting.SignedInUserId(http) is not { } ownerId) return Results.LocalRedirect(SignIn(back));
        if (!await IsValidAsync(http, antiforgery)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        return await RunAsync(back, async () =>
            PaymentEndpoints.PayPath((await bargains.BuyAsync(ownerId, id, form["key"].ToString(), http.RequestAborted)).OrderNumber));
    }

    private static async Task<IResult> RunAsync(string back, Func<Task<string>> work)
    {
        try
        {
            return Results.LocalRedirect(await work());
        }
        catch (DomainException ex) when (ex.Code.StartsWith("Bargain.", StringComparison.Ordinal))
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
