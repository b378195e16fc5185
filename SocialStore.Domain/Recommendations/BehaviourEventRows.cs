using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Recommendations;

/// <summary>Events written in a business transaction rather than through the queue: rare, and they must not be lost.</summary>
public static class BehaviourEventRows
{
    /// <summary>
    /// A placed order is one <see cref="BehaviourKind.Order"/> event per product, added to the order's own transaction by
    /// <see cref="OrderWriter.AddAsync"/> (saved with the order, rolled back with it). One query: the buyer's consent.
    /// </summary>
    public static async Task OnOrderPlacedAsync(SocialStoreDbContext db, Order order, DateTimeOffset now, CancellationToken ct)
    {
        var personalised = !await db.PersonalisationSettings.AnyAsync(s => s.UserId == order.BuyerId && !s.Enabled, ct);
        foreach (var productId in order.Lines.Select(l => l.ProductId).Distinct())
        {
            db.BehaviourEvents.Add(new BehaviourEvent
            {
                Kind = BehaviourKind.Order,
                UserId = order.BuyerId,
                ClientKey = BehaviourEventSink.ClientKeyFor(order.BuyerId, null),
                ProductId = productId,
                Personalised = personalised,
                OccurredAt = now,
            });
        }
    }

    /// <summary>A paid order is one <see cref="BehaviourKind.Pay"/> event per product line (called by <see cref="OrderHooks"/>; the move happens once).</summary>
    public static async Task OnOrderMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (to != OrderStatus.Paid) return;
        var buyerId = await db.Orders.Where(o => o.Id == orderId).Select(o => o.BuyerId).FirstOrDefaultAsync(ct);
        if (buyerId is null) return;
        var products = await db.OrderLines.Where(l => l.OrderId == orderId).Select(l => l.ProductId).Distinct().ToListAsync(ct);
        var personalised = !await db.PersonalisationSettings.AnyAsync(s => s.UserId == buyerId && !s.Enabled, ct);
        foreach (var productId in products)
        {
            db.BehaviourEvents.Add(new BehaviourEvent
            {
                Kind = BehaviourKind.Pay,
                UserId = buyerId,
                ClientKey = BehaviourEventSink.ClientKeyFor(buyerId, null),
                ProductId = productId,
                Personalised = personalised,
                OccurredAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
