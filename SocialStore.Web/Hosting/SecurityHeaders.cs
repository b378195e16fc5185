using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace SocialStore.Web.Hosting;

/// <summary>
/// Security headers on every response (ADR-029): a Content-Security-Policy whose scripts are the app's
/// own files plus inline scripts carrying this request's nonce (only the import map), and
/// <c>nosniff</c> and a referrer policy. The headers are set before the rest of the pipeline runs, so
/// the output cache stores them with a cached page and replays that page's policy, whose nonce matches
/// the nonce baked into its HTML; a fresh render gets a fresh nonce.
/// </summary>
public static partial class SecurityHeaders
{
    private const string NonceItem = "SocialStore.CspNonce";

    /// <summary>The nonce of the current request's policy, for <c>nonce="…"</c> on inline scripts; null outside a request.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceItem] as string;

    /// <summary>The policy for a nonce. <paramref name="host"/> adds the circuit's ws/wss address (older Safari does not count them as 'self').</summary>
    public static string Policy(string nonce, string? host, IReadOnlyList<string> formActions)
    {
        var socket = host is not null && SafeHost().IsMatch(host) ? $" ws://{host} wss://{host}" : "";
        var forms = formActions.Count == 0 ? "" : " " + string.Join(' ', formActions);
        return "default-src 'self'; "
               + $"script-src 'self' 'nonce-{nonce}'; "
               // Blazor and MudBlazor set style attributes and MudBlazor adds <style> elements: styles stay unsafe-inline.
               + "style-src 'self' 'unsafe-inline'; "
               // data: for small inline images, blob: for the composer's previews of picked photos.
               + "img-src 'self' data: blob:; "
               + "font-src 'self' data:; "
               + $"connect-src 'self'{socket}; "
               + "object-src 'none'; "
               + "base-uri 'self'; "
               + $"form-action 'self'{forms}; "
               + "frame-ancestors 'none'";
    }

    /// <summary>
    /// Middleware: sets the headers up front (so the output cache stores them with the page), and again
    /// just before the response starts when something cleared them (the exception handler clears the
    /// response). A cached page's replayed policy is left as it is.
    /// </summary>
    public static Func<HttpContext, Func<Task>, Task> Middleware(IConfiguration configuration)
    {
        // A real payment provider's hosted page may be reached by a form post that redirects (ADR-027):
        // the operator lists its origins here; the sandbox is same-origin and needs nothing.
        var formActions = (configuration["Security:FormActionSources"] ?? "")
            .Split([' ', ';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !s.Contains('\''))
            .ToArray();
        return (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            var policy = Policy(nonce, context.Request.Host.HasValue ? context.Request.Host.Value : null, formActions);
            Apply(context.Response.Headers, policy);
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey(HeaderNames.ContentSecurityPolicy)) Apply(context.Response.Headers, policy);
                return Task.CompletedTask;
            });
            return next();
        };
    }

    private static void Apply(IHeaderDictionary headers, string policy)
    {
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }

    // Host names, IPv4/IPv6 literals and a port; anything else (a forged Host header) gets no ws/wss source.
    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")]
    private static partial Regex SafeHost();
}
