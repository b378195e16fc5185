using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>A success that arrived after its order stopped waiting for money; <see cref="OrderStatus"/> is what the order was then.</summary>
public sealed record AutomaticRefund(long PaymentId, long IncidentId, OrderStatus OrderStatus);

/// <summary>
/// Gives back money the shop must not keep (ADR-018): a payment that succeeded after the unpaid-order timeout
/// cancelled its order, or a second payment of an order that was already paid. Runs from the outbox, so the
/// gateway is called after the callback committed and again after a failure; the idempotency key makes a
/// repeated run refund once. The incident's detail then names the refund for the admin.
/// </summary>
public sealed class PaymentAutoRefundHandler(IDbContextFactory<SocialStoreDbContext> dbFactory, IPaymentGateway gateway) : IOutboxHandler
{
    public const string MessageType = "payment.auto-refund";

    public string Type => MessageType;

    public static string IdempotencyKey(long paymentId) => $"auto-refund:{paymentId}";

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<AutomaticRefund>(payload) ?? throw new FormatException("Empty automatic refund payload.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == request.PaymentId, cancellationToken);
        if (payment.Status != PaymentStatus.Succeeded || string.IsNullOrEmpty(payment.TransactionId))
            throw new InvalidOperationException($"Payment {payment.Id} has no successful transaction to refund.");
        var refund = await gateway.RefundAsync(
            new GatewayRefundRequest(payment.TransactionId, payment.Amount, payment.Currency, IdempotencyKey(payment.Id)), cancellationToken);
        var detail = $"succeeded after the order was {request.OrderStatus}: refunded automatically, {refund.RefundId} ({Money.Plain(refund.Amount)} {payment.Currency})";
        if (detail.Length > PaymentIncident.DetailMaxLength) detail = detail[..PaymentIncident.DetailMaxLength];
        await db.PaymentIncidents.Where(i => i.Id == request.IncidentId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Detail, detail), cancellationToken);
    }
}
