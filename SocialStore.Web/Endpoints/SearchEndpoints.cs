using SocialStore.Domain.Search;

namespace SocialStore.Web.Endpoints;

/// <summary><c>GET /search/suggest?q=</c>: up to 8 suggestions (topics, users, note titles) as JSON, for search.js.</summary>
public static class SearchEndpoints
{
    public const string SuggestPath = "/search/suggest";

    public static void MapSearchEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(SuggestPath, SuggestAsync).ExcludeFromDescription();

    private static async Task<IResult> SuggestAsync(string? q, HttpContext http, ISearchService search, CancellationToken cancellationToken)
    {
        // Public data only, the same for everyone: a short shared cache absorbs fast typists.
        http.Response.Headers.CacheControl = "public, max-age=30";
        var query = q is { Length: > 100 } ? q[..100] : q;
        var items = await search.SuggestAsync(query, cancellationToken);
        return Results.Json(items.Select(s => new { kind = s.Kind, text = s.Text, url = s.Url }));
    }
}
