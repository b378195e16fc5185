using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// What else follows an order's status, in the same transaction as the move (<see cref="OrderTransitions"/> calls
/// this after every successful move). Features that hold something for an order — a group-buy seat, flash-sale
/// stock, a locked coupon — add one line here: take it for good when the order is paid, give it back when the
/// order is cancelled (by the buyer, the unpaid timeout, or a full refund). Each call must be idempotent per
/// order (a conditional update), because the move itself already happened exactly once.
/// </summary>
public static class OrderHooks
{
    public static async Task OnMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus from, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        await GroupBuys.GroupBuyOrders.OnMovedAsync(db, orderId, from, to, now, ct);
        await Coupons.CouponCheckout.OnOrderMovedAsync(db, orderId, to, now, ct);
        await FlashSales.FlashSaleService.OnOrderMovedAsync(db, orderId, from, to, now, ct);
        await Bargains.BargainService.OnOrderMovedAsync(db, orderId, to, ct);
        await Points.PointsOrders.OnMovedAsync(db, orderId, to, now, ct);
        await Levels.GrowthLedger.OnOrderMovedAsync(db, orderId, to, now, ct);
        await Referrals.CommissionLedger.OnOrderMovedAsync(db, orderId, to, now, ct);
        await Referrals.Invites.InviteService.OnOrderMovedAsync(db, orderId, to, now, ct);
        await Rewards.RewardGrants.OnOrderMovedAsync(db, orderId, to, now, ct);
        await Recommendations.BehaviourEventRows.OnOrderMovedAsync(db, orderId, to, now, ct);
        await Moderation.Devices.DeviceSignals.OnOrderMovedAsync(db, orderId, to, now, ct);
    }

    /// <summary>
    /// What else follows an approved line refund (partial or whole), in the refund's transaction, after the line's
    /// refunded amount is recorded and before any move to Cancelled. Features that credited something for the line
    /// (points, growth value, a commission) add one line here to reverse their share pro rata; idempotent per refund
    /// request (a unique source per entry).
    /// </summary>
    public static async Task OnLineRefundedAsync(SocialStoreDbContext db, long refundRequestId, long orderId, long orderLineId, decimal amount, DateTimeOffset now, CancellationToken ct)
    {
        await Points.PointsOrders.OnLineRefundedAsync(db, refundRequestId, orderId, orderLineId, now, ct);
        await Levels.GrowthLedger.OnLineRefundedAsync(db, refundRequestId, orderLineId, now, ct);
        await Referrals.CommissionLedger.OnLineRefundedAsync(db, refundRequestId, orderLineId, amount, now, ct);
        await Referrals.Invites.InviteService.OnLineRefundedAsync(db, orderId, now, ct);
    }
}
