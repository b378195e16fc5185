using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SocialStore.Domain.Media;
using SocialStore.Domain.Ordering;
using SocialStore.Web.Endpoints;

namespace SocialStore.Web.Hosting;

/// <summary>One fixed-window limit: <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));
}

/// <summary>
/// The <c>RateLimits</c> configuration section (ADR-031). Every request counts against <see cref="Pages"/> (GET, HEAD)
/// or <see cref="Posts"/> (everything else); a request in one of the named groups also counts against that group's
/// tighter limit. The defaults are far above what a person browsing (or the test suite) does.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    public RateLimitRule Pages { get; set; } = new() { PermitLimit = 3000 };

    public RateLimitRule Posts { get; set; } = new() { PermitLimit = 1000 };

    /// <summary>POSTs under <c>/Account/</c>: sign-in, registration, password reset, two-factor codes.</summary>
    public RateLimitRule Account { get; set; } = new() { PermitLimit = 200 };

    /// <summary>The search page and its suggestions.</summary>
    public RateLimitRule Search { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Share-link visits <c>/s/{code}</c> and their QR codes.</summary>
    public RateLimitRule ShareLinks { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Cart changes: <c>POST /cart/*</c>.</summary>
    public RateLimitRule Cart { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Paying: <c>/orders/{number}/pay</c>, the sandbox's hosted page and its callback.</summary>
    public RateLimitRule Payments { get; set; } = new() { PermitLimit = 200 };

    /// <summary>Media: <c>GET /media/*</c> (uploads themselves travel inside the circuit, see ADR-031).</summary>
    public RateLimitRule Media { get; set; } = new() { PermitLimit = 3000 };
}

/// <summary>
/// ASP.NET Core's rate limiter over every request (ADR-031): a global limiter partitioned by the signed-in user
/// (NameIdentifier) or, for anonymous requests, the client address. The circuit (<c>/_blazor</c>), the framework
/// scripts (<c>/_framework</c>), static assets and <c>/health</c> are never limited.
/// </summary>
public static class RateLimits
{
    private static readonly string[] ExemptPrefixes = ["/_blazor", "/_framework", "/_content", "/health"];

    public static IServiceCollection AddSocialStoreRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancellationToken) => RejectAsync(context, options, cancellationToken);
            if (!options.Enabled) return;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    if (IsExempt(http)) return RateLimitPartition.GetNoLimiter("exempt");
                    var (name, rule) = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                        ? ("pages", options.Pages)
                        : ("posts", options.Posts);
                    return Partition(http, name, rule);
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    if (IsExempt(http)) return RateLimitPartition.GetNoLimiter("exempt");
                    return Group(http, options) is var (name, rule) ? Partition(http, name, rule) : RateLimitPartition.GetNoLimiter("none");
                }));
        });
        return services;
    }

    /// <summary>Who a request counts for: the signed-in user, else the client address.</summary>
    public static string ClientKey(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? "user:" + id
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static RateLimitPartition<string> Partition(HttpContext http, string name, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(name + "|" + ClientKey(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, rule.PermitLimit),
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static bool IsExempt(HttpContext http)
    {
        // A status-code or error page re-executed for a request that was already counted.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null) return true;
        var path = http.Request.Path;
        foreach (var prefix in ExemptPrefixes)
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The named group a request belongs to, if any.</summary>
    private static (string Name, RateLimitRule Rule)? Group(HttpContext http, RateLimitOptions options)
    {
        var path = http.Request.Path;
        var isGet = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if (!isGet && path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)) return ("account", options.Account);
        if (path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase)) return ("search", options.Search);
        if (path.StartsWithSegments("/s", StringComparison.OrdinalIgnoreCase)) return ("share", options.ShareLinks);
        if (!isGet && path.StartsWithSegments("/cart", StringComparison.OrdinalIgnoreCase)) return ("cart", options.Cart);
        if (path.StartsWithSegments(PaymentEndpoints.SandboxPagePrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(SandboxCallbackSender.CallbackPath, StringComparison.OrdinalIgnoreCase)
            || (path.StartsWithSegments("/orders", StringComparison.OrdinalIgnoreCase) && path.Value!.EndsWith("/pay", StringComparison.OrdinalIgnoreCase)))
            return ("payments", options.Payments);
        if (path.StartsWithSegments(MediaUrls.Prefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) return ("media", options.Media);
        return null;
    }

    /// <summary>429 with Retry-After; a page request gets a short page in the request's language, anything else one line of text.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitOptions options, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Pages.Window;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var message = text["RateLimit.Message"].Value;
        if (http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            var title = WebUtility.HtmlEncode(text["RateLimit.Title"].Value);
            var lang = CultureInfo.CurrentUICulture.Name;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + $"<title>{title}</title></head><body><main style=\"max-width:32rem;margin:4rem auto;font-family:sans-serif;text-align:center\">"
                + $"<h1>{title}</h1><p data-testid=\"rate-limited\">{WebUtility.HtmlEncode(message)}</p></main></body></html>",
                cancellationToken);
        }
        else
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(message, cancellationToken);
        }
    }
}
