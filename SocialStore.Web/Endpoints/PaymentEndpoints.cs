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
/// </summary>
public static class PaymentEndpoints
{
    public static string PayPath(string number) => $"/orders/{number}/pay";

    public static string HostedPagePath(string session) => "/sandbox-pay/" + Uri.EscapeDataString(session);

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/orders/{number}/pay", PayAsync).RequireAuthorization().ExcludeFromDescription();
        endpoints.MapPost("/sandbox-pay/{session}", ChooseAsync).ExcludeFromDescription();
        // A server-to-server call: no cookie, no anti-forgery token; the HMAC signature is the authentication.
        endpoints.MapPost(SandboxCallbackSender.CallbackPath, CallbackAsync).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
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
            _ => Results.NotFound(),
        };
    }

    private static IResult ChooseAsync(
        string session, [FromForm] string? choice, [FromForm(Name = "return")] string? returnUrl,
        HttpContext http, SandboxGateway sandbox, SandboxCallbackSender sender)
    {
        var verified = sandbox.ReadSession(session);
        // Names only: Enum.TryParse would also take "1".
        if (verified is null || !Enum.GetNames<SandboxChoice>().Contains(choice, StringComparer.Ordinal)) return Results.NotFound();
        var picked = Enum.Parse<SandboxChoice>(choice!);
        var request = http.Request;
        var delivery = sender.Build(verified, picked, new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"));
        if (sender.Enqueue(delivery) == SandboxQueueResult.Full)
            return Results.LocalRedirect(HostedPagePath(session) + "?busy=1&return=" + Uri.EscapeDataString(SafeReturn(returnUrl, verified)));
        return Results.LocalRedirect(SafeReturn(returnUrl, verified));
    }

    /// <summary>Only a path on this site (never "//evil" or an absolute URL); otherwise the order's own return page.</summary>
    internal static string SafeReturn(string? returnUrl, SandboxSession session) =>
        returnUrl is { Length: > 1 and <= 200 } && returnUrl[0] == '/' && returnUrl[1] is not ('/' or '\\')
            ? returnUrl
            : PaymentService.ReturnPath(session.OrderNumber);

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
