using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using SocialStore.Domain.Common;
using SocialStore.Domain.Sharing;

namespace SocialStore.Web.Endpoints;

/// <summary>
/// Short share links (ADR-012): <c>GET /s/{code}</c> records a visit and 302s to the canonical URL with the
/// attribution token in the first-party cookie <see cref="AttributionCookie"/>; <c>GET /s/{code}/qr.png</c>
/// is the link as a QR code; <c>POST /share</c> creates a link without JavaScript and shows it on <c>/share/{code}</c>.
/// </summary>
public static class ShareLinkEndpoints
{
    public const string AttributionCookie = "ss_attr";

    public static readonly TimeSpan AttributionLifetime = TimeSpan.FromDays(30);

    public const string CreatePath = "/share";

    public static string QrPath(string code) => $"/s/{code}/qr.png";

    public static string ResultPagePath(string code) => $"/share/{code}";

    /// <summary>The short link as an absolute URL on this site.</summary>
    public static string AbsoluteShortUrl(string baseUri, string code) => new Uri(new Uri(baseUri), ShareService.ShortPath(code)).ToString();

    public static void MapShareLinkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/s/{code}", FollowAsync).ExcludeFromDescription();
        endpoints.MapGet("/s/{code}/qr.png", QrCodeAsync).ExcludeFromDescription();
        // A form post (anti-forgery is checked for every form-bound endpoint) for browsers without JavaScript.
        endpoints.MapPost(CreatePath, CreateAsync).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> FollowAsync(string code, HttpContext http, ShareService shares, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Every visit must reach the server to be recorded: no cached redirects anywhere.
        http.Response.Headers.CacheControl = "no-store";
        if (IsLinkPreviewBot(http.Request.Headers.UserAgent))
        {
            // Chat apps fetch a pasted link to draw its preview: follow it (the target page carries the
            // Open Graph tags) but record no visit and hand out no token.
            var target = await shares.FindAsync(code, cancellationToken);
            return target is null ? Results.NotFound() : Results.Redirect(target.CanonicalPath);
        }

        var visit = await shares.RecordVisitAsync(
            code,
            http.Request.Headers.Referer,
            http.User.FindFirstValue(ClaimTypes.NameIdentifier),
            http.Request.Cookies[AttributionCookie],
            cancellationToken,
            http.Connection.RemoteIpAddress?.ToString());
        if (visit is null) return Results.NotFound();
        await ReferralEndpoints.TouchShareAsync(http, code, cancellationToken);

        http.Response.Cookies.Append(AttributionCookie, visit.AttributionToken, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/",
            MaxAge = AttributionLifetime,
            Expires = clock.GetUtcNow().Add(AttributionLifetime),
        });
        return Results.Redirect(visit.CanonicalPath);
    }

    private static async Task<IResult> QrCodeAsync(string code, HttpContext http, ShareService shares, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var link = await shares.FindAsync(code, cancellationToken);
        if (link is null) return Results.NotFound();
        var request = http.Request;
        // On the configured public origin (required outside Development, ADR-067), never a forged Host: the image
        // is publicly cacheable, so a Host-built one could be cached for everyone.
        var baseUri = SocialStore.Domain.Ordering.PublicOrigin.TryParse(configuration[SocialStore.Domain.Ordering.PublicOrigin.ConfigurationKey], out _)?.AbsoluteUri
            ?? $"{request.Scheme}://{request.Host}{request.PathBase}/";
        var url = AbsoluteShortUrl(baseUri, link.Code);
        // ~8 px per module with the quiet zone: about 300 px for a short URL, sharp on a phone, scannable from a screen.
        var png = PngByteQRCodeHelper.GetQRCode(url, QRCodeGenerator.ECCLevel.M, 8);
        // A code's image never changes.
        http.Response.Headers.CacheControl = "public, max-age=604800";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(png, "image/png");
    }

    private static async Task<IResult> CreateAsync(
        [FromForm] string? targetType, [FromForm] string? targetId, HttpContext http, ShareService shares, CancellationToken cancellationToken)
    {
        var sharerId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(sharerId)) return Results.Unauthorized();
        // Names only: Enum.TryParse would also take "7".
        if (!Enum.GetNames<ShareTargetType>().Contains(targetType, StringComparer.OrdinalIgnoreCase))
            return Results.NotFound();
        try
        {
            var link = await shares.GetOrCreateLinkAsync(sharerId, Enum.Parse<ShareTargetType>(targetType!, ignoreCase: true), targetId ?? "", cancellationToken);
            return Results.LocalRedirect(ResultPagePath(link.Code));
        }
        catch (DomainException)
        {
            // Only a target that is gone or never was public gets here: the friendly not-found page.
            return Results.NotFound();
        }
    }

    private static readonly string[] PreviewAgents =
        ["bot", "crawler", "spider", "facebookexternalhit", "embedly", "slurp", "whatsapp", "skypeuripreview", "vkshare"];

    /// <summary>Link-preview fetchers and crawlers by user agent (Slackbot, Discordbot, TelegramBot, Twitterbot, WhatsApp, …).</summary>
    public static bool IsLinkPreviewBot(string? userAgent) =>
        !string.IsNullOrEmpty(userAgent) && PreviewAgents.Any(a => userAgent.Contains(a, StringComparison.OrdinalIgnoreCase));
}
