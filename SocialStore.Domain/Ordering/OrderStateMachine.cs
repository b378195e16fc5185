using SocialStore.Domain.Common;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// The order lifecycle in one table: which status may follow which, and who may make the move.
/// PendingPayment → Paid → Shipped → Delivered → Completed, and Cancelled from PendingPayment
/// (buyer, admin, unpaid timeout), from Paid (admin, or every line refunded) and from Delivered
/// (every line refunded after a return).
/// </summary>
public static class OrderStateMachine
{
    private static readonly Dictionary<(OrderStatus From, OrderStatus To), OrderActor[]> Allowed = new()
    {
        [(OrderStatus.PendingPayment, OrderStatus.Paid)] = [OrderActor.Gateway],
        [(OrderStatus.PendingPayment, OrderStatus.Cancelled)] = [OrderActor.Buyer, OrderActor.Admin, OrderActor.System],
        [(OrderStatus.Paid, OrderStatus.Shipped)] = [OrderActor.Admin],
        [(OrderStatus.Paid, OrderStatus.Cancelled)] = [OrderActor.Admin, OrderActor.System],
        [(OrderStatus.Shipped, OrderStatus.Delivered)] = [OrderActor.Admin, OrderActor.System],
        [(OrderStatus.Delivered, OrderStatus.Completed)] = [OrderActor.Buyer, OrderActor.System],
        [(OrderStatus.Delivered, OrderStatus.Cancelled)] = [OrderActor.System],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to, OrderActor actor) =>
        Allowed.TryGetValue((from, to), out var actors) && actors.Contains(actor);

    /// <summary>Statuses that <paramref name="actor"/> may move an order in <paramref name="from"/> to.</summary>
    public static IReadOnlyList<OrderStatus> Next(OrderStatus from, OrderActor actor) =>
        [.. Allowed.Where(p => p.Key.From == from && p.Value.Contains(actor)).Select(p => p.Key.To)];

    public static void EnsureCanMove(OrderStatus from, OrderStatus to, OrderActor actor)
    {
        if (!CanMove(from, to, actor)) throw new DomainException(OrderErrors.TransitionNotAllowed, from, to);
    }

    /// <summary>The statuses in which a buyer may ask for a line's refund: paid (not yet shipped) or delivered.</summary>
    public static readonly OrderStatus[] RefundableStatuses = [OrderStatus.Paid, OrderStatus.Delivered];

    public static bool AcceptsRefunds(OrderStatus status) => RefundableStatuses.Contains(status);

    /// <summary>Whether the order waits for its payment (the gateway's move to Paid is still possible).</summary>
    public static bool AwaitsPayment(OrderStatus status) => CanMove(status, OrderStatus.Paid, OrderActor.Gateway);

    /// <summary>Whether the goods reached the buyer (delivered, or confirmed and completed): reviews open then.</summary>
    public static bool GoodsReceived(OrderStatus status) => status is OrderStatus.Delivered or OrderStatus.Completed;

    /// <summary>Whether the goods are still in the warehouse: paid, never shipped; a refund puts them back on the shelf.</summary>
    public static bool GoodsNeverLeft(OrderStatus status) => status == OrderStatus.Paid;

    public static bool IsFinal(OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Cancelled;
}
