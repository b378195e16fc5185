using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// The per-buyer caps every new order obeys, whatever makes it (the cart checkout, a campaign): orders per minute,
/// open unpaid orders (each holds stock for the unpaid time limit), and units of one SKU in one order. Call inside
/// the order's transaction, before writing it: the buyer's user row is locked first (a no-op UPDATE), so two
/// checkouts of one buyer queue here and each counts what the other committed — the caps hold on PostgreSQL at
/// READ COMMITTED too, not only on SQLite, where a write transaction is already exclusive.
/// </summary>
public static class BuyerLimits
{
    public static async Task EnsureCanOrderAsync(
        SocialStoreDbContext db, string buyerId, IEnumerable<(string ProductTitle, int Quantity)> lines, CheckoutOptions options,
        DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (title, quantity) in lines)
            if (quantity > options.MaxUnitsPerSku) throw new DomainException(CartErrors.TooManyUnits, title, options.MaxUnitsPerSku);

        await db.Users.Where(u => u.Id == buyerId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, u => u.ConcurrencyStamp), ct);
        var since = now.AddMinutes(-1);
        // Both counts in one round trip (campaign orders and the flash-sale hot path go through here too).
        var counts = await db.Users.Where(u => u.Id == buyerId).Select(u => new
        {
            Recent = db.Orders.Count(o => o.BuyerId == buyerId && o.CreatedAt > since),
            Unpaid = db.Orders.Count(o => o.BuyerId == buyerId && o.Status == OrderStatus.PendingPayment),
        }).FirstOrDefaultAsync(ct);
        if (counts is null) return;
        if (counts.Recent >= options.MaxOrdersPerMinute)
            throw new DomainException(CartErrors.RateLimited, options.MaxOrdersPerMinute);
        if (counts.Unpaid >= options.MaxOpenUnpaidOrders)
            throw new DomainException(CartErrors.TooManyUnpaid, options.MaxOpenUnpaidOrders);
    }
}
