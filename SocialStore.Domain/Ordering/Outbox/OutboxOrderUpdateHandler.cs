using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// Tells the buyer that their order moved ("你的订单 … 已支付"): one <see cref="NotificationKind.OrderUpdate"/>
/// per order and status — a message delivered again after a crash finds the notification already there —
/// and then the new unread count on the buyer's open pages. The actor is whoever made the move (an admin who
/// shipped), or the buyer for the gateway's and the system's moves.
/// </summary>
public sealed class OutboxOrderUpdateHandler(
    IDbContextFactory<SocialStoreDbContext> dbFactory, NotificationService notifications, TimeProvider clock, Live.ILiveBus? live = null) : IOutboxHandler
{
    public string Type => OrderTransitions.StatusChangedMessage;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var change = JsonSerializer.Deserialize<OrderStatusChanged>(payload) ?? throw new FormatException("Empty order status payload.");
        // Placing an order is not news to the person who just placed it.
        if (change.To == OrderStatus.PendingPayment) return;
        // The buyer's open order page shows the new status at once (ADR-052); the notification follows.
        if (live is not null) await live.PublishAsync(Live.LiveTopics.Order(change.OrderId), change.To.ToString());
        var recipient = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var buyerId = await db.Orders.Where(o => o.Id == change.OrderId).Select(o => o.BuyerId).FirstOrDefaultAsync(ct);
            if (buyerId is null) return null;
            var told = await db.Notifications.AnyAsync(
                n => n.RecipientId == buyerId && n.Kind == NotificationKind.OrderUpdate && n.OrderId == change.OrderId && n.OrderStatus == change.To, ct);
            if (told) return null;
            var actorId = await db.OrderEvents
                .Where(e => e.OrderId == change.OrderId && e.ToStatus == change.To && e.ActorId != null)
                .OrderByDescending(e => e.At).Select(e => e.ActorId).FirstOrDefaultAsync(ct);
            db.Notifications.Add(new Notification
            {
                RecipientId = buyerId,
                Kind = NotificationKind.OrderUpdate,
                ActorId = actorId ?? buyerId,
                OrderId = change.OrderId,
                OrderStatus = change.To,
                CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            return buyerId;
        }, cancellationToken);
        if (recipient is not null) await notifications.PublishUnreadAsync([recipient], cancellationToken);
    }
}
