using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.GroupBuys;

/// <summary>A paid member's order to refund in full because its group failed (or its seat was gone when the money landed).</summary>
public sealed record GroupBuyRefund(long OrderId, long GroupId);

/// <summary>
/// Refunds one member automatically through the gateway — no admin step. Runs from the outbox after the failure
/// committed and again after any error; the gateway refunds once per idempotency key, and the order's move
/// Paid → Cancelled (with the refunded amounts and the stock returned) is conditional, so a repeated run records once.
/// The move tells the buyer (the order status notification) and, through <see cref="OrderHooks"/>, takes the member
/// off the group's list.
/// </summary>
public sealed class GroupBuyRefundHandler(IDbContextFactory<SocialStoreDbContext> dbFactory, IPaymentGateway gateway, TimeProvider clock) : IOutboxHandler
{
    public const string MessageType = "groupbuy.refund";

    /// <summary>The order event's note (the order page shows it in the reader's language).</summary>
    public const string RefundedNote = "group-buy-failed";

    public string Type => MessageType;

    public static string IdempotencyKey(long orderId) => $"group-buy-refund:{orderId}";

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<GroupBuyRefund>(payload) ?? throw new FormatException("Empty group-buy refund payload.");
        Payment payment;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var status = await db.Orders.Where(o => o.Id == request.OrderId).Select(o => o.Status).SingleAsync(cancellationToken);
            if (status != OrderStatus.Paid) return;
            payment = await db.Payments.AsNoTracking()
                .Where(p => p.OrderId == request.OrderId && p.Status == PaymentStatus.Succeeded && p.TransactionId != null)
                .OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Order {request.OrderId} is paid but has no successful payment to refund.");
        }

        var refund = await gateway.RefundAsync(
            new GatewayRefundRequest(payment.TransactionId!, payment.Amount, payment.Currency, IdempotencyKey(request.OrderId)), cancellationToken);

        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            if (!await OrderTransitions.TryMoveAsync(db, request.OrderId, OrderStatus.Paid, OrderStatus.Cancelled, OrderActor.System, null, RefundedNote, now, ct))
                return false;
            await db.OrderLines.Where(l => l.OrderId == request.OrderId).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.RefundedAmount, l => l.Payable)
                .SetProperty(l => l.RefundState, RefundState.Refunded), ct);
            await db.Orders.Where(o => o.Id == request.OrderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.RefundedAmount, refund.Amount), ct);
            await OrderService.ReturnStockAsync(db, request.OrderId, ct);
            return true;
        }, cancellationToken);
    }
}
