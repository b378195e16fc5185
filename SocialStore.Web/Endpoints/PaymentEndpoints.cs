using System.Data.Common;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Ordering;

namespace SocialStore.Web.Endpoints;

/// <summary>
/// Paying (ADR-018): <c>GET /orders/{number}/pay</c> opens (or reopens) a hosted session and sends the buyer
/// there; <c>POST /sandbox-pay/{session}</c> is the sandbox's hosted page answering the shopper's choice;
/// <c>POST /payments/callback/sandbox</c> is where the provider reports, signed, possibly late, twice or out of order.
/// The two sandbox routes exist only while the sandbox gateway runs (ADR-027).
/// </summary>
public static class PaymentEndpoints
{
    public static string PayPath(string number) => $"/orders/{number}/pay";

    public static string HostedPagePath(string session) => "/sandbox-pay/" + Uri.EscapeDataString(session);

    public const string SandboxPagePrefix = "/sandbox-pay";

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder endpoints, bool sandbox)
    {
        endpoints.MapGet("/orders/{number}/pay", PayAsync).RequireAuthorization().ExcludeFromDescription();
        if (!sandbox) return endpoints;
        endpoints.MapPost(SandboxPagePrefix + "/{session}", ChooseAsync).ExcludeFromDescription();
        // A server-to-server call: no cookie, no anti-forgery token; the HMAC signature is the authentication.
        endpoints.MapPost(SandboxCallbackSender.CallbackPath, CallbackAsync).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Middleware for when the sandbox is off: its hosted page (a Razor page the component router would still match)
    /// and its callback answer 404 like any unknown page, not the 400 of a form post without an anti-forgery token.
    /// </summary>
    public static Task HideSandboxAsync(HttpContext http, Func<Task> next)
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments(SandboxPagePrefix, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments(SandboxCallbackSender.CallbackPath, StringComparison.OrdinalIgnoreCase)) return next();
        // A POST re-executed as the friendly 404 page would fail its anti-forgery check (400): a plain 404 instead.
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static async Task<IResult> PayAsync(string number, HttpContext http, PaymentService payments, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        var buyerId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var start = await payments.StartAsync(buyerId, number, cancellationToken);
        return start.Kind switch
        {
            PayStartKind.Redirect => Results.Redirect(start.RedirectUrl!),
            PayStartKind.NotPayable => Results.LocalRedirect($"/orders/{number}"),
            // The return page says that online payment is not available (PaymentService.IsAvailable).
            PayStartKind.Unavailable => Results.LocalRedirect(PaymentService.ReturnPath(number)),
            _ => Results.NotFound(),
        };
    }

    private static IResult ChooseAsync(
        string session, [FromForm] string? choice, [FromForm(Name = "return")] string? returnUrl,
        SandboxGateway sandbox, SandboxCallbackSender sender, IPublicOrigin origin)
    {
        var verified = sandbox.ReadSession(session);
        // Names only: Enum.TryParse would also take "1".
        if (verified is null || !Enum.GetNames<SandboxChoice>().Contains(choice, StringComparer.Ordinal)) return Results.NotFound();
        var picked = Enum.Parse<SandboxChoice>(choice!);
        // The callback goes to the public origin, whatever Host this request claimed.
        var delivery = sender.Build(verified, picked);
        var back = SafeReturn(returnUrl, verified, origin.Origin);
        if (sender.Enqueue(delivery) == SandboxQueueResult.Full)
            return Results.LocalRedirect(HostedPagePath(session) + "?busy=1&return=" + Uri.EscapeDataString(back));
        return Results.LocalRedirect(back);
    }

    /// <summary>
    /// Only a path on this site (never "//evil" or another site's URL; an absolute URL on the public origin is
    /// reduced to its path); otherwise the order's own return page.
    /// </summary>
    internal static string SafeReturn(string? returnUrl, SandboxSession session, Uri origin)
    {
        if (returnUrl is { Length: <= 300 } && Uri.TryCreate(returnUrl, UriKind.Absolute, out var absolute)
            && absolute.Scheme is "http" or "https" && PublicOrigin.IsOn(origin, absolute))
            returnUrl = absolute.PathAndQuery;
        return returnUrl is { Length: > 1 and <= 200 } && returnUrl[0] == '/' && returnUrl[1] is not ('/' or '\\')
            ? returnUrl
            : PaymentService.ReturnPath(session.OrderNumber);
    }

    private static async Task<IResult> CallbackAsync(HttpContext http, PaymentCallbackProcessor processor, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (request.ContentLength > PaymentCallbackProcessor.MaxBodyLength) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            var buffer = new char[PaymentCallbackProcessor.MaxBodyLength + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            if (read > PaymentCallbackProcessor.MaxBodyLength) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            body = new string(buffer, 0, read);
        }
        CallbackOutcome outcome;
        try
        {
            outcome = await processor.HandleSandboxAsync(body, request.Headers[SandboxGateway.SignatureHeader], http.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or TimeoutException or InvalidOperationException { InnerException: DbException })
        {
            // Transient database trouble: a 5xx makes the provider deliver again later.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PaymentEndpoints)).LogError(ex, "Payment callback could not be stored");
            return Results.Text("try again later", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return outcome switch
        {
            CallbackOutcome.Applied => Results.Text("ok"),
            CallbackOutcome.AlreadyProcessed => Results.Text("already processed"),
            CallbackOutcome.Ignored => Results.Text("nothing to change"),
            CallbackOutcome.Stale => Results.Text("stale, recorded"),
            CallbackOutcome.BadSignature => Results.Text("bad signature", statusCode: StatusCodes.Status400BadRequest),
            CallbackOutcome.Malformed => Results.Text("malformed", statusCode: StatusCodes.Status400BadRequest),
            // Signed by the provider but not applicable here: recorded for the admin; repeating it will not help.
            _ => Results.Text(outcome == CallbackOutcome.UnknownSession ? "unknown session" : "amount mismatch", statusCode: StatusCodes.Status422UnprocessableEntity),
        };
    }
}
