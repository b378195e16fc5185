namespace SocialStore.Domain.Ordering;

/// <summary>
/// A hosted payment provider (Alipay, WeChat Pay, Stripe Checkout, or the sandbox): the shopper is sent
/// to the provider's page, the provider reports the outcome later with a signed callback, and refunds
/// are asked for by transaction id with an idempotency key. No card data ever reaches the app.
/// </summary>
public interface IPaymentGateway
{
    string Provider { get; }

    /// <summary>Opens a hosted payment session for an order; the shopper is redirected to <see cref="PaymentSession.RedirectUrl"/>.</summary>
    Task<PaymentSession> CreateSessionAsync(PaymentSessionRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds part or all of a paid transaction. Asking again with the same idempotency key refunds once and returns the same refund.</summary>
    Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The hosted page of a session opened earlier, so a refreshed "pay" click goes back to it instead of opening
    /// another; null when the provider cannot resume it (then a new session is opened).
    /// </summary>
    string? ResumeUrl(string sessionId, string returnUrl) => null;
}

public sealed record PaymentSessionRequest(string OrderNumber, decimal Amount, string Currency, string ReturnUrl);

public sealed record PaymentSession(string SessionId, string RedirectUrl);

public sealed record GatewayRefundRequest(string TransactionId, decimal Amount, string Currency, string IdempotencyKey);

public sealed record GatewayRefund(string RefundId, decimal Amount);
