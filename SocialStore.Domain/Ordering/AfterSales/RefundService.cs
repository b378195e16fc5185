using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;

namespace SocialStore.Domain.Ordering;

public sealed record RefundDecision(long RequestId, decimal Amount, string GatewayRefundId, bool Restocked, bool OrderCancelled, bool AlreadyDone);

/// <summary>
/// After-sales (售后): a buyer asks for one line of a paid or delivered order back; an admin approves
/// (the gateway refunds, exactly once, by the request's idempotency key) or rejects with a reason.
/// One open or completed request per line is enforced by a conditional update of the line's
/// <see cref="OrderLine.RefundState"/>; amounts are capped by what the line cost (its share of shipping
/// and discounts included), so partial refunds add up to the fen.
/// </summary>
public sealed class RefundService(IDbContextFactory<SocialStoreDbContext> dbFactory, IPaymentGateway gateway, ImagePipeline images, TimeProvider clock)
{
    /// <summary>Timeline note prefixes (the page turns them into localised text).</summary>
    public const string RequestedNote = "refund-requested";
    public const string ApprovedNote = "refund-approved";
    public const string RejectedNote = "refund-rejected";

    public async Task<long> RequestAsync(
        string buyerId, string number, long lineId, decimal? amount, string? reason, IReadOnlyList<Stream> photos, CancellationToken cancellationToken)
    {
        var text = (reason ?? "").Trim();
        if (text.Length is 0 or > RefundRequest.ReasonMaxLength) throw new DomainException(OrderManagementErrors.RefundReasonInvalid, RefundRequest.ReasonMaxLength);
        if (photos.Count > RefundRequest.MaxPhotos) throw new DomainException(OrderManagementErrors.RefundTooManyPhotos, RefundRequest.MaxPhotos);
        if (amount is { } a && (a <= 0 || decimal.Round(a, 2) != a)) throw new DomainException(OrderManagementErrors.RefundAmountInvalid);
        if (!OrderNumbers.IsWellFormed(number)) throw new DomainException(OrderErrors.NotFound);

        long orderId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var order = await db.Orders.AsNoTracking().Where(o => o.Number == number && o.BuyerId == buyerId)
                .Select(o => new { o.Id, o.Status }).FirstOrDefaultAsync(cancellationToken) ?? throw new DomainException(OrderErrors.NotFound);
            var line = await db.OrderLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lineId && l.OrderId == order.Id, cancellationToken)
                ?? throw new DomainException(OrderErrors.NotFound);
            if (!OrderStateMachine.AcceptsRefunds(order.Status)) throw new DomainException(OrderErrors.RefundNotAllowed);
            if (line.RefundState is RefundState.Requested or RefundState.Refunded) throw new DomainException(OrderErrors.RefundExists);
            if ((amount ?? line.RefundableLeft) > line.RefundableLeft) throw new DomainException(OrderErrors.RefundTooLarge, line.RefundableLeft);
            orderId = order.Id;
        }

        var keys = new List<string>(photos.Count);
        foreach (var photo in photos) keys.Add((await images.SaveAsync(photo, cancellationToken)).Key);

        return await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            // The claim: only one request per line can move it out of None/Rejected, and only while the order is refundable.
            var claimed = await db.OrderLines
                .Where(l => l.Id == lineId && l.OrderId == orderId && (l.RefundState == RefundState.None || l.RefundState == RefundState.Rejected)
                    && db.Orders.Any(o => o.Id == orderId && OrderStateMachine.RefundableStatuses.Contains(o.Status)))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.RefundState, RefundState.Requested), ct);
            if (claimed == 0)
            {
                var state = await db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync(ct);
                throw new DomainException(OrderStateMachine.AcceptsRefunds(state) ? OrderErrors.RefundExists : OrderErrors.RefundNotAllowed);
            }
            var line = await db.OrderLines.AsNoTracking().SingleAsync(l => l.Id == lineId, ct);
            var left = line.RefundableLeft;
            var value = amount ?? left;
            // Throwing rolls the claim back.
            if (value > left || value <= 0) throw new DomainException(OrderErrors.RefundTooLarge, left);
            var status = await db.Orders.Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync(ct);
            var now = clock.GetUtcNow();
            var request = new RefundRequest
            {
                OrderId = orderId,
                OrderLineId = lineId,
                RequesterId = buyerId,
                Amount = value,
                Reason = text,
                PhotoKeys = string.Join('|', keys),
                Status = RefundRequestStatus.Requested,
                IdempotencyKey = "rfq_" + Guid.NewGuid().ToString("N"),
                CreatedAt = now,
            };
            db.RefundRequests.Add(request);
            db.OrderEvents.Add(new OrderEvent
            {
                OrderId = orderId,
                FromStatus = status,
                ToStatus = status,
                Actor = OrderActor.Buyer,
                ActorId = buyerId,
                At = now,
                Note = Note(RequestedNote, value, line.ProductTitle),
            });
            await db.SaveChangesAsync(ct);
            return request.Id;
        }, cancellationToken);
    }

    /// <summary>
    /// Approves a request: claim it (Requested, marked by the deciding admin, so a reject can no longer win),
    /// refund through the gateway with the request's idempotency key, then record the refund with a
    /// conditional update. A retried or concurrent approval refunds once and records once.
    /// </summary>
    public async Task<RefundDecision> ApproveAsync(ClaimsPrincipal actor, long requestId, bool goodsReturned, CancellationToken cancellationToken)
    {
        var adminId = OrderService.EnsureAdmin(actor);
        RefundRequest request;
        string transactionId, currency;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            request = await db.RefundRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
                ?? throw new DomainException(OrderManagementErrors.RefundRequestNotFound);
            if (request.Status == RefundRequestStatus.Refunded)
                return new RefundDecision(request.Id, request.Amount, request.GatewayRefundId ?? "", request.Restocked, false, AlreadyDone: true);
            if (request.Status != RefundRequestStatus.Requested) throw new DomainException(OrderManagementErrors.RefundDecided);
            var payment = await db.Payments.AsNoTracking().Where(p => p.OrderId == request.OrderId && p.Status == PaymentStatus.Succeeded && p.TransactionId != null)
                .OrderBy(p => p.Id).Select(p => new { p.TransactionId, p.Currency }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException(OrderManagementErrors.PaymentMissing);
            (transactionId, currency) = (payment.TransactionId!, payment.Currency);
            var claimed = await db.RefundRequests.Where(r => r.Id == requestId && r.Status == RefundRequestStatus.Requested)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DecidedById, r => r.DecidedById ?? adminId), cancellationToken);
            if (claimed == 0)
            {
                // Another approval finished in between: the same outcome, nothing more to do.
                var now = await db.RefundRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, cancellationToken);
                if (now.Status == RefundRequestStatus.Refunded)
                    return new RefundDecision(now.Id, now.Amount, now.GatewayRefundId ?? "", now.Restocked, false, AlreadyDone: true);
                throw new DomainException(OrderManagementErrors.RefundDecided);
            }
        }

        var refund = await gateway.RefundAsync(new GatewayRefundRequest(transactionId, request.Amount, currency, request.IdempotencyKey), cancellationToken);

        return await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var order = await db.Orders.AsNoTracking().Where(o => o.Id == request.OrderId).Select(o => new { o.Status }).SingleAsync(ct);
            // Goods that never left (order still Paid) or came back go back on the shelf.
            var restock = OrderStateMachine.GoodsNeverLeft(order.Status) || goodsReturned;
            var recorded = await db.RefundRequests.Where(r => r.Id == requestId && r.Status == RefundRequestStatus.Requested)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RefundRequestStatus.Refunded)
                    .SetProperty(r => r.GatewayRefundId, refund.RefundId)
                    .SetProperty(r => r.DecidedById, adminId)
                    .SetProperty(r => r.DecidedAt, now)
                    .SetProperty(r => r.Restocked, restock), ct);
            if (recorded == 0) return new RefundDecision(request.Id, request.Amount, refund.RefundId, false, false, AlreadyDone: true);

            var amount = request.Amount;
            await db.OrderLines.Where(l => l.Id == request.OrderLineId).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.RefundedAmount, l => l.RefundedAmount + amount)
                .SetProperty(l => l.RefundState, RefundState.Refunded), ct);
            await db.Orders.Where(o => o.Id == request.OrderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.RefundedAmount, o => o.RefundedAmount + amount), ct);
            var line = await db.OrderLines.AsNoTracking().SingleAsync(l => l.Id == request.OrderLineId, ct);
            if (restock) await StockLedger.ReturnAsync(db, line.ProductId, line.SkuId, line.Quantity, ct);
            db.OrderEvents.Add(new OrderEvent
            {
                OrderId = request.OrderId,
                FromStatus = order.Status,
                ToStatus = order.Status,
                Actor = OrderActor.Admin,
                ActorId = adminId,
                At = now,
                Note = Note(ApprovedNote, amount, line.ProductTitle),
            });
            await db.SaveChangesAsync(ct);
            await OrderHooks.OnLineRefundedAsync(db, request.Id, request.OrderId, request.OrderLineId, amount, now, ct);

            // Every line refunded in full: the order is over.
            var cancelled = false;
            var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == request.OrderId).Select(l => new { l.Payable, l.RefundedAmount }).ToListAsync(ct);
            if (lines.All(l => l.RefundedAmount >= l.Payable) && order.Status is OrderStatus.Paid or OrderStatus.Delivered)
                cancelled = await OrderTransitions.TryMoveAsync(db, request.OrderId, order.Status, OrderStatus.Cancelled, OrderActor.System, null, "refunded", now, ct);
            return new RefundDecision(request.Id, amount, refund.RefundId, restock, cancelled, AlreadyDone: false);
        }, cancellationToken);
    }

    public async Task RejectAsync(ClaimsPrincipal actor, long requestId, string? reason, CancellationToken cancellationToken)
    {
        var adminId = OrderService.EnsureAdmin(actor);
        var text = (reason ?? "").Trim();
        if (text.Length is 0 or > RefundRequest.ReasonMaxLength) throw new DomainException(OrderManagementErrors.RejectReasonInvalid, RefundRequest.ReasonMaxLength);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            var request = await db.RefundRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct)
                ?? throw new DomainException(OrderManagementErrors.RefundRequestNotFound);
            // Not once an approval has claimed it (DecidedById set while still Requested).
            var rejected = await db.RefundRequests.Where(r => r.Id == requestId && r.Status == RefundRequestStatus.Requested && r.DecidedById == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RefundRequestStatus.Rejected)
                    .SetProperty(r => r.DecisionReason, text)
                    .SetProperty(r => r.DecidedById, adminId)
                    .SetProperty(r => r.DecidedAt, now), ct);
            if (rejected == 0) throw new DomainException(OrderManagementErrors.RefundDecided);
            await db.OrderLines.Where(l => l.Id == request.OrderLineId && l.RefundState == RefundState.Requested)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.RefundState, RefundState.Rejected), ct);
            var status = await db.Orders.Where(o => o.Id == request.OrderId).Select(o => o.Status).SingleAsync(ct);
            var title = await db.OrderLines.Where(l => l.Id == request.OrderLineId).Select(l => l.ProductTitle).SingleAsync(ct);
            db.OrderEvents.Add(new OrderEvent
            {
                OrderId = request.OrderId,
                FromStatus = status,
                ToStatus = status,
                Actor = OrderActor.Admin,
                ActorId = adminId,
                At = now,
                Note = Note(RejectedNote, request.Amount, title + " — " + text),
            });
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>"kind|amount|detail": the timeline shows it in the reader's language.</summary>
    private static string Note(string kind, decimal amount, string detail)
    {
        var note = kind + "|" + Money.Plain(amount) + "|" + detail;
        return note.Length > OrderEvent.NoteMaxLength ? note[..OrderEvent.NoteMaxLength] : note;
    }
}
