using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// Writes a new order awaiting payment from a price quote: the order with its lines (each with its payable
/// amount), the adjustments with their per-line allocations, the first timeline event and the outbox message.
/// The one place an order is created: the cart checkout and every campaign (group buy, flash sale) call it
/// inside their own transaction and reserve what they hold (stock, seats) in that same transaction.
/// </summary>
public static class OrderWriter
{
    public static async Task<Order> AddAsync(
        SocialStoreDbContext db, string buyerId, string checkoutKey, Address address, PriceQuote quote, string currency,
        DateTimeOffset now, TimeSpan unpaidTimeout, CancellationToken ct, Action<Order>? alongside = null)
    {
        var order = new Order
        {
            Number = OrderNumbers.New(now),
            BuyerId = buyerId,
            CheckoutKey = checkoutKey,
            Status = OrderStatus.PendingPayment,
            Currency = currency,
            Subtotal = quote.Subtotal,
            AdjustmentTotal = quote.AdjustmentTotal,
            Total = quote.Total,
            Recipient = address.Recipient,
            Mobile = address.Mobile,
            Province = address.Province,
            City = address.City,
            District = address.District,
            AddressDetail = address.Detail,
            CreatedAt = now,
            PayBy = now + unpaidTimeout,
        };
        foreach (var q in quote.Lines)
        {
            order.Lines.Add(new OrderLine
            {
                ProductId = q.Line.ProductId,
                SkuId = q.Line.SkuId,
                ProductTitle = q.Line.ProductTitle,
                SkuLabel = q.Line.SkuLabel,
                CoverKey = q.Line.CoverKey,
                UnitPrice = q.Line.UnitPrice,
                Quantity = q.Line.Quantity,
                Subtotal = q.Line.Subtotal,
                AdjustmentTotal = q.AdjustmentTotal,
                Payable = q.Payable,
                RefundState = RefundState.None,
            });
        }
        order.Events.Add(new OrderEvent { FromStatus = null, ToStatus = OrderStatus.PendingPayment, Actor = OrderActor.Buyer, ActorId = buyerId, At = now });
        db.Orders.Add(order);
        await db.SaveChangesAsync(ct);

        // The allocations and attributions point at line ids, which exist now.
        await Referrals.AttributionService.AttributeOrderAsync(db, order, now, ct);
        for (var a = 0; a < quote.Adjustments.Count; a++)
        {
            var adjustment = quote.Adjustments[a];
            var row = new OrderAdjustment { OrderId = order.Id, Position = a, Kind = adjustment.Kind, Label = adjustment.Label, Amount = adjustment.Amount };
            for (var i = 0; i < order.Lines.Count; i++)
                row.Allocations.Add(new OrderLineAdjustment { OrderLineId = order.Lines[i].Id, Amount = adjustment.LineShares[i] });
            db.OrderAdjustments.Add(row);
        }
        await Recommendations.BehaviourEventRows.OnOrderPlacedAsync(db, order, now, ct);
        Outbox.Enqueue(db, OrderTransitions.StatusChangedMessage, new OrderStatusChanged(order.Id, null, OrderStatus.PendingPayment), now);
        // A campaign's own rows that point at the order (a flash-sale reservation) ride in the same batch.
        alongside?.Invoke(order);
        await db.SaveChangesAsync(ct);
        return order;
    }
}
