using Microsoft.Net.Http.Headers;
using SocialStore.Domain.Media;

namespace SocialStore.Web.Endpoints;

public static class MediaEndpoints
{
    /// <summary>Serves stored images by key: never from an executable path, with a fixed content type and a year of caching (keys never change content).</summary>
    public static void MapMediaEndpoints(this IEndpointRouteBuilder endpoints) =>
        // Nullable: "/media/" with no path must be a 404, not a parameter-binding 400.
        endpoints.MapGet(MediaUrls.Prefix + "{**path}", async (string? path, IMediaStore store, HttpContext http, CancellationToken ct) =>
        {
            // The store refuses unsafe paths too; checking here keeps the rule visible at the edge.
            var stream = MediaPaths.IsSafe(path) ? await store.OpenReadAsync(path!, ct) : null;
            if (stream is null) return Results.NotFound();
            var headers = http.Response.Headers;
            headers.CacheControl = "public, max-age=31536000, immutable";
            headers.XContentTypeOptions = "nosniff";
            // An SVG opened directly must not run script.
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
            if (stream.CanSeek) http.Response.ContentLength = stream.Length;
            return Results.Stream(stream, MediaPaths.ContentType(path!), enableRangeProcessing: false);
        }).ExcludeFromDescription();
}
