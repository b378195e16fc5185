using Microsoft.AspNetCore.Antiforgery;
using SocialStore.Domain.Common;
using SocialStore.Domain.RedPackets;
using SocialStore.Web.Hosting;

namespace SocialStore.Web.Endpoints;

/// <summary>
/// Opening a red packet is a plain form post (it works without JavaScript): one service call, then back to the
/// packet's page with <c>rpClaimed</c> or <c>rpError</c> (the domain's error code) in the query.
/// </summary>
public static class RedPacketEndpoints
{
    public const string ErrorParameter = "rpError";
    public const string ClaimedParameter = "rpClaimed";

    public static string PacketPath(long id) => FormattableString.Invariant($"/red-packets/{id}");

    public static string ClaimPath(long id) => PacketPath(id) + "/claim";

    public static IEndpointRouteBuilder MapRedPacketEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/red-packets/{id:long}/claim", ClaimAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ClaimAsync(long id, HttpContext http, IAntiforgery antiforgery, RedPacketService packets)
    {
        var back = PacketPath(id);
        var userId = CartHosting.SignedInUserId(http);
        if (userId is null) return Results.LocalRedirect("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(back));
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.BadRequest();
        }
        try
        {
            await packets.ClaimAsync(userId, id, http.RequestAborted);
            return Results.LocalRedirect(CartEndpoints.With(back, ClaimedParameter, "1"));
        }
        catch (DomainException ex)
        {
            return Results.LocalRedirect(CartEndpoints.With(back, ErrorParameter, ex.Code));
        }
    }
}
