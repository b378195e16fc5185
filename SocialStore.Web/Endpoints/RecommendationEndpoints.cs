using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using SocialStore.Domain.Common;
using SocialStore.Domain.Recommendations;
using SocialStore.Web.Hosting;

namespace SocialStore.Web.Endpoints;

/// <summary>
/// The view beacon (<c>POST /events/view</c>, sent by js/behaviour.js when a note or product page is left) and the plain
/// form posts of personalisation: "not interested", the switch and interest tags (ADR-045). The forms work without
/// JavaScript and go back to where they came from with <c>recsError</c> (a domain error code) or <c>recsDone</c>.
/// </summary>
public static class RecommendationEndpoints
{
    public static IEndpointRouteBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A beacon carries no anti-forgery token; it only appends to a de-duplicated log, so a forged one costs nothing.
        endpoints.MapPost("/events/view", ViewAsync).DisableAntiforgery();
        endpoints.MapPost("/recs/not-interested", NotInterestedAsync).DisableAntiforgery();
        endpoints.MapPost("/recs/personalisation", SwitchAsync).DisableAntiforgery();
        endpoints.MapPost("/recs/interests/remove", RemoveInterestAsync).DisableAntiforgery();
        endpoints.MapPost("/recs/undo", UndoAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ViewAsync(HttpContext http, BehaviourEventSink sink)
    {
        if (!http.Request.HasFormContentType) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!long.TryParse(form["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return Results.BadRequest();
        _ = int.TryParse(form["dwell"], NumberStyles.None, CultureInfo.InvariantCulture, out var dwell);
        var userId = CartHosting.SignedInUserId(http);
        var client = BehaviourEventSink.ClientKeyFor(userId, http.Connection.RemoteIpAddress?.ToString());
        if (form["kind"] == "product") sink.Record(BehaviourKind.ProductView, userId, client, productId: id, dwellMs: dwell);
        else sink.Record(BehaviourKind.View, userId, client, noteId: id, dwellMs: dwell);
        return Results.NoContent();
    }

    private static Task<IResult> NotInterestedAsync(HttpContext http, IAntiforgery antiforgery, PersonalisationService service) =>
        PostAsync(http, antiforgery, "/", async (userId, form) =>
        {
            var kind = form["kind"].ToString() switch
            {
                "topic" => FeedbackKind.Topic,
                "author" => FeedbackKind.Author,
                _ => FeedbackKind.Note,
            };
            await service.NotInterestedAsync(userId, kind, form["target"].ToString(), http.RequestAborted);
            return "not-interested";
        });

    private static Task<IResult> SwitchAsync(HttpContext http, IAntiforgery antiforgery, PersonalisationService service, SocialStore.Domain.PersonalData.ConsentService consents) =>
        PostAsync(http, antiforgery, "/me/settings", async (userId, form) =>
        {
            var on = form["enabled"] == "true";
            await service.SetEnabledAsync(userId, on, http.RequestAborted);
            await consents.RecordPersonalisationAsync(userId, on, http.RequestAborted);
            return on ? "on" : "off";
        });

    private static Task<IResult> RemoveInterestAsync(HttpContext http, IAntiforgery antiforgery, PersonalisationService service) =>
        PostAsync(http, antiforgery, "/me/settings", async (userId, form) =>
        {
            if (!int.TryParse(form["topic"], NumberStyles.None, CultureInfo.InvariantCulture, out var topicId)) throw new DomainException(RecommendationErrors.TopicNotFound);
            await service.RemoveInterestAsync(userId, topicId, http.RequestAborted);
            return "interest-removed";
        });

    private static Task<IResult> UndoAsync(HttpContext http, IAntiforgery antiforgery, PersonalisationService service) =>
        PostAsync(http, antiforgery, "/me/settings", async (userId, form) =>
        {
            if (!Enum.TryParse<FeedbackKind>(form["kind"], ignoreCase: false, out var kind) || !Enum.IsDefined(kind)) throw new DomainException(RecommendationErrors.TopicNotFound);
            await service.UndoAsync(userId, kind, form["target"].ToString(), http.RequestAborted);
            return "restored";
        });

    private static async Task<IResult> PostAsync(HttpContext http, IAntiforgery antiforgery, string fallback, Func<string, IFormCollection, Task<string>> action)
    {
        var userId = CartHosting.SignedInUserId(http);
        if (!http.Request.HasFormContentType) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = CartEndpoints.LocalUrl(form["returnUrl"], fallback);
        // The notice goes into the query, before any #fragment.
        var hash = back.IndexOf('#');
        var fragment = hash >= 0 ? back[hash..] : "";
        back = Without(hash >= 0 ? back[..hash] : back);
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
            var done = await action(userId, form);
            return Results.LocalRedirect(CartEndpoints.With(back, "recsDone", done) + fragment);
        }
        catch (DomainException ex)
        {
            return Results.LocalRedirect(CartEndpoints.With(back, "recsError", ex.Code) + fragment);
        }
    }

    /// <summary>The URL without the notices of an earlier post.</summary>
    private static string Without(string url)
    {
        var q = url.IndexOf('?');
        if (q < 0) return url;
        var kept = url[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("recsDone=", StringComparison.Ordinal) && !p.StartsWith("recsError=", StringComparison.Ordinal)).ToList();
        return kept.Count == 0 ? url[..q] : url[..q] + "?" + string.Join('&', kept);
    }
}
