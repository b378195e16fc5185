using Microsoft.AspNetCore.Antiforgery;
using SocialStore.Domain.Common;
using SocialStore.Domain.Points;
using SocialStore.Web.Hosting;

namespace SocialStore.Web.Endpoints;

/// <summary>The daily check-in is a plain form post (it works without JavaScript): one service call, then back to /me/points.</summary>
public static class PointsEndpoints
{
    public static IEndpointRouteBuilder MapPointsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/me/points/check-in", CheckInAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> CheckInAsync(HttpContext http, IAntiforgery antiforgery, PointsService points)
    {
        var userId = CartHosting.SignedInUserId(http);
        if (userId is null) return Results.LocalRedirect("/Account/Login?ReturnUrl=%2Fme%2Fpoints");
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
            var result = await points.CheckInAsync(userId, http.RequestAborted);
            return Results.LocalRedirect($"/me/points?checkedIn={result.Points}");
        }
        catch (DomainException ex)
        {
            return Results.LocalRedirect("/me/points?pointsError=" + Uri.EscapeDataString(ex.Code));
        }
    }
}
