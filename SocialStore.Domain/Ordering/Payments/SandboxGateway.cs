using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SocialStore.Domain.Ordering;

public sealed class SandboxOptions
{
    public const string Section = "Payments:Sandbox";

    /// <summary>The secret used when none is configured: public (it is in the source), so accepted in Development only.</summary>
    public const string DefaultSecret = "socialstore-sandbox-development-secret";

    /// <summary>A configured secret shorter than this is refused outside Development.</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>
    /// Whether the sandbox is the payment gateway. Unset means "only in Development"; outside Development it
    /// must be set to true explicitly (a demo), and then a real <see cref="Secret"/> and App:PublicOrigin are required.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The shared secret that signs sessions and callbacks (at least <see cref="MinimumSecretLength"/> characters outside Development).</summary>
    public string Secret { get; set; } = DefaultSecret;

    /// <summary>
    /// How long the sandbox takes to answer a refund, as a real gateway's network call does (0: at once). The group-buy
    /// crash test sets it so that a process killed with SIGKILL dies while refunds are in flight (ADR-059).
    /// </summary>
    public int RefundDelayMilliseconds { get; set; }

    /// <summary>Why <paramref name="secret"/> cannot sign real traffic, or null when it can.</summary>
    public static string? SecretProblem(string? secret) => secret switch
    {
        _ when string.IsNullOrWhiteSpace(secret) => "is not set",
        DefaultSecret => "is the public default from the source code",
        { Length: < MinimumSecretLength } => $"is shorter than {MinimumSecretLength} characters",
        _ => null,
    };
}

/// <summary>
/// The sandbox provider's signing and bookkeeping, without any storage of its own: a session id carries
/// the order number, amount and currency with an HMAC, so the hosted page (<c>/sandbox-pay/{session}</c>)
/// can show what is being paid and nobody can change the amount; a refund id is derived from the
/// idempotency key, so asking twice gives the same refund. Callbacks are signed with the same secret:
/// <c>X-Sandbox-Signature: hex(HMAC-SHA256(secret, body))</c>.
/// </summary>
public sealed class SandboxGateway(IOptions<SandboxOptions> options) : IPaymentGateway
{
    public const string Name = "sandbox";
    public const string SignatureHeader = "X-Sandbox-Signature";

    public string Provider => Name;

    public Task<PaymentSession> CreateSessionAsync(PaymentSessionRequest request, CancellationToken cancellationToken)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var body = string.Join('.', request.OrderNumber, request.Amount.ToString("0.00", CultureInfo.InvariantCulture), request.Currency, nonce);
        var sessionId = "ss_" + body + "." + Sign(body)[..16];
        return Task.FromResult(new PaymentSession(sessionId, HostedPageUrl(sessionId, request.ReturnUrl)));
    }

    /// <summary>A sandbox session never expires on the sandbox's side: its page can always be opened again.</summary>
    public string? ResumeUrl(string sessionId, string returnUrl) => ReadSession(sessionId) is null ? null : HostedPageUrl(sessionId, returnUrl);

    private static string HostedPageUrl(string sessionId, string returnUrl) =>
        "/sandbox-pay/" + Uri.EscapeDataString(sessionId) + "?return=" + Uri.EscapeDataString(returnUrl);

    /// <summary>Reads a session id back; null when it was not issued by this sandbox (forged or altered).</summary>
    public SandboxSession? ReadSession(string? sessionId)
    {
        if (sessionId is null || !sessionId.StartsWith("ss_", StringComparison.Ordinal) || sessionId.Length > Payment.ReferenceMaxLength) return null;
        var parts = sessionId[3..].Split('.');
        if (parts.Length != 6) return null;
        var body = string.Join('.', parts[..5]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body)[..16]), Encoding.ASCII.GetBytes(parts[5]))) return null;
        var amountText = parts[1] + "." + parts[2];
        if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return null;
        return new SandboxSession(sessionId, parts[0], amount, parts[3]);
    }

    public async Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        if (request.Amount <= 0) throw new ArgumentOutOfRangeException(nameof(request), "A refund must be positive.");
        if (options.Value.RefundDelayMilliseconds > 0) await Task.Delay(options.Value.RefundDelayMilliseconds, cancellationToken);
        var refundId = "rf_" + Sign("refund:" + request.TransactionId + ":" + request.IdempotencyKey)[..24];
        return new GatewayRefund(refundId, request.Amount);
    }

    /// <summary>The transaction id the sandbox reports for a paid session (stable, so a repeated callback names the same transaction).</summary>
    public string TransactionIdFor(string sessionId) => "tx_" + Sign("tx:" + sessionId)[..24];

    /// <summary>hex(HMAC-SHA256(secret, text)), lower case.</summary>
    public string Sign(string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Secret), Encoding.UTF8.GetBytes(text)));

    /// <summary>Checks a callback signature in constant time.</summary>
    public bool Verify(string body, string? signature) =>
        signature is { Length: 64 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
}

public sealed record SandboxSession(string SessionId, string OrderNumber, decimal Amount, string Currency);
