using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// The one place an order's status changes: a conditional UPDATE from the expected status (so two
/// concurrent moves cannot both win), the matching timestamp, a timeline event, and an outbox message
/// that tells the buyer, then <see cref="OrderHooks"/> — all in the caller's transaction.
/// </summary>
public static class OrderTransitions
{
    /// <summary>The outbox type written for every status change; its payload is <see cref="OrderStatusChanged"/>.</summary>
    public const string StatusChangedMessage = "order.status-changed";

    /// <summary>
    /// Moves the order from <paramref name="from"/> to <paramref name="to"/> if it is still in <paramref name="from"/>.
    /// Returns false (and changes nothing) when it is not. Throws when the state machine forbids the move for this actor.
    /// Call inside a transaction; the event and outbox row are saved with <c>SaveChanges</c> here.
    /// </summary>
    public static async Task<bool> TryMoveAsync(
        SocialStoreDbContext db, long orderId, OrderStatus from, OrderStatus to, OrderActor actor, string? actorId, string? note,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        OrderStateMachine.EnsureCanMove(from, to, actor);
        var moved = await db.Orders.Where(o => o.Id == orderId && o.Status == from).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(o => o.Status, to);
            switch (to)
            {
                case OrderStatus.Paid: s.SetProperty(o => o.PaidAt, now); break;
                case OrderStatus.Shipped: s.SetProperty(o => o.ShippedAt, now); break;
                case OrderStatus.Delivered: s.SetProperty(o => o.DeliveredAt, now); break;
                case OrderStatus.Completed: s.SetProperty(o => o.CompletedAt, now); break;
                case OrderStatus.Cancelled: s.SetProperty(o => o.CancelledAt, now); break;
            }
        }, cancellationToken);
        if (moved == 0) return false;

        if (note is { Length: > OrderEvent.NoteMaxLength }) note = note[..OrderEvent.NoteMaxLength];
        db.OrderEvents.Add(new OrderEvent { OrderId = orderId, FromStatus = from, ToStatus = to, Actor = actor, ActorId = actorId, Note = note, At = now });
        Outbox.Enqueue(db, StatusChangedMessage, new OrderStatusChanged(orderId, from, to), now);
        await db.SaveChangesAsync(cancellationToken);
        await OrderHooks.OnMovedAsync(db, orderId, from, to, now, cancellationToken);
        return true;
    }
}

public sealed record OrderStatusChanged(long OrderId, OrderStatus? From, OrderStatus To);
