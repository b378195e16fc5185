namespace SocialStore.Domain.Ordering;

/// <summary>Thrown when money would have to move but no payment gateway is configured.</summary>
public sealed class PaymentUnavailableException()
    : InvalidOperationException("No payment gateway is configured: online payment is not available.");

/// <summary>
/// The gateway when none is configured (outside Development without an explicit sandbox opt-in, and no real
/// provider yet): paying is refused with a message instead of a sandbox nobody should trust; refunds fail
/// (an outbox refund is retried until a gateway is configured).
/// </summary>
public sealed class UnavailablePaymentGateway : IPaymentGateway
{
    public const string Name = "none";

    public string Provider => Name;

    public Task<PaymentSession> CreateSessionAsync(PaymentSessionRequest request, CancellationToken cancellationToken) =>
        throw new PaymentUnavailableException();

    public Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken) =>
        throw new PaymentUnavailableException();
}
