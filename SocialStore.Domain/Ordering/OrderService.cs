using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Reviews;

namespace SocialStore.Domain.Ordering;

/// <summary>Resource keys of the order-management rules (OrderResource in the Web project has the messages).</summary>
public static class OrderManagementErrors
{
    public const string AdminOnly = "Orders.AdminOnly";
    public const string StateChanged = "Orders.StateChanged";
    public const string CarrierInvalid = "Orders.CarrierInvalid";
    public const string TrackingInvalid = "Orders.TrackingInvalid";
    public const string RefundPending = "Orders.RefundPending";
    public const string RefundReasonInvalid = "Refund.ReasonInvalid";
    public const string RefundAmountInvalid = "Refund.AmountInvalid";
    public const string RefundTooManyPhotos = "Refund.TooManyPhotos";
    public const string RefundRequestNotFound = "Refund.RequestNotFound";
    public const string RefundDecided = "Refund.AlreadyDecided";
    public const string RejectReasonInvalid = "Refund.RejectReasonInvalid";
    public const string PaymentMissing = "Refund.PaymentMissing";
}

public sealed class OrderTimerOptions
{
    public const string Section = "Ordering";

    /// <summary>A shipped order counts as delivered after this many days.</summary>
    public int AutoDeliverAfterDays { get; set; } = 10;

    /// <summary>A delivered order completes after this many days unless an after-sales request is open.</summary>
    public int AutoCompleteAfterDays { get; set; } = 7;

    /// <summary>How often the timer looks for due orders.</summary>
    public int TimerIntervalSeconds { get; set; } = 60;
}

/// <summary>
/// What buyers and admins do with an existing order: cancel while unpaid, ship, mark delivered,
/// confirm receipt. Every move goes through <see cref="OrderTransitions"/> (conditional update +
/// timeline event + outbox); side effects (stock back, purchase records) happen only for the winner.
/// </summary>
public sealed partial class OrderService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public const int CarrierMaxLength = 40;
    public const int TrackingMaxLength = 40;

    [GeneratedRegex("^[A-Za-z0-9-]{6,40}$")]
    private static partial Regex TrackingPattern();

    /// <summary>The buyer cancels an unpaid order; its stock goes back. Refused once it was paid (or cancelled already).</summary>
    public async Task CancelAsync(string buyerId, string number, CancellationToken cancellationToken)
    {
        var orderId = await FindBuyersOrderAsync(buyerId, number, cancellationToken);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            if (!await OrderTransitions.TryMoveAsync(db, orderId, OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderActor.Buyer, buyerId, null, now, ct))
                throw new DomainException(OrderManagementErrors.StateChanged);
            await ReturnStockAsync(db, orderId, ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The buyer confirms receipt of a delivered order (确认收货).</summary>
    public async Task ConfirmReceiptAsync(string buyerId, string number, CancellationToken cancellationToken)
    {
        var orderId = await FindBuyersOrderAsync(buyerId, number, cancellationToken);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            if (await db.OrderLines.AnyAsync(l => l.OrderId == orderId && l.RefundState == RefundState.Requested, ct))
                throw new DomainException(OrderManagementErrors.RefundPending);
            if (!await OrderTransitions.TryMoveAsync(db, orderId, OrderStatus.Delivered, OrderStatus.Completed, OrderActor.Buyer, buyerId, null, clock.GetUtcNow(), ct))
                throw new DomainException(OrderManagementErrors.StateChanged);
            return true;
        }, cancellationToken);
    }

    /// <summary>An admin ships a paid order with a carrier and tracking number.</summary>
    public async Task ShipAsync(ClaimsPrincipal actor, long orderId, string? carrier, string? trackingNumber, CancellationToken cancellationToken)
    {
        var adminId = EnsureAdmin(actor);
        var c = (carrier ?? "").Trim();
        var t = (trackingNumber ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (c.Length is 0 or > CarrierMaxLength) throw new DomainException(OrderManagementErrors.CarrierInvalid, CarrierMaxLength);
        if (!TrackingPattern().IsMatch(t)) throw new DomainException(OrderManagementErrors.TrackingInvalid);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            if (!await OrderTransitions.TryMoveAsync(db, orderId, OrderStatus.Paid, OrderStatus.Shipped, OrderActor.Admin, adminId, c + " " + t, clock.GetUtcNow(), ct))
                throw new DomainException(OrderManagementErrors.StateChanged);
            await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Carrier, c).SetProperty(o => o.TrackingNumber, t), ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>An admin marks a shipped order delivered.</summary>
    public async Task MarkDeliveredAsync(ClaimsPrincipal actor, long orderId, CancellationToken cancellationToken)
    {
        var adminId = EnsureAdmin(actor);
        await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            if (!await DeliverAsync(db, orderId, OrderActor.Admin, adminId, clock.GetUtcNow(), ct))
                throw new DomainException(OrderManagementErrors.StateChanged);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Shipped → Delivered, and the proof of purchase that lets the buyer review each line that was not
    /// refunded in full (ADR-020). Only the winner of the conditional move writes the records, so they
    /// are written exactly once per order however many admins or timers try at the same moment.
    /// </summary>
    internal static async Task<bool> DeliverAsync(SocialStoreDbContext db, long orderId, OrderActor actor, string? actorId, DateTimeOffset now, CancellationToken ct)
    {
        if (!await OrderTransitions.TryMoveAsync(db, orderId, OrderStatus.Shipped, OrderStatus.Delivered, actor, actorId, null, now, ct)) return false;
        var buyerId = await db.Orders.Where(o => o.Id == orderId).Select(o => o.BuyerId).SingleAsync(ct);
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).OrderBy(l => l.Id).ToListAsync(ct);
        foreach (var line in lines.Where(l => l.RefundedAmount < l.Payable || l.Payable == 0))
            db.PurchaseRecords.Add(new PurchaseRecord { UserId = buyerId, ProductId = line.ProductId, SkuId = line.SkuId, Source = PurchaseSource.Order, PurchasedAt = now });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Gives every line's quantity back to its SKU, in ascending SKU order (the lock order of checkout).</summary>
    internal static async Task ReturnStockAsync(SocialStoreDbContext db, long orderId, CancellationToken ct)
    {
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).Select(l => new { l.ProductId, l.SkuId, l.Quantity }).ToListAsync(ct);
        foreach (var line in lines.OrderBy(l => l.SkuId)) await StockLedger.ReturnAsync(db, line.ProductId, line.SkuId, line.Quantity, ct);
    }

    private async Task<long> FindBuyersOrderAsync(string buyerId, string number, CancellationToken cancellationToken)
    {
        if (!OrderNumbers.IsWellFormed(number)) throw new DomainException(OrderErrors.NotFound);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Orders.Where(o => o.Number == number && o.BuyerId == buyerId).Select(o => (long?)o.Id).FirstOrDefaultAsync(cancellationToken);
        return id ?? throw new DomainException(OrderErrors.NotFound);
    }

    internal static string EnsureAdmin(ClaimsPrincipal actor) => Roles.RequireAdmin(actor, OrderManagementErrors.AdminOnly);
}
