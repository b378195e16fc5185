using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>The status tabs of "my orders" (全部 / 待付款 / 待发货 / 待收货 / 待评价 / 售后 / 已取消).</summary>
public enum OrderTab
{
    All,
    ToPay,
    ToShip,
    Shipped,
    ToReview,
    AfterSales,
    Cancelled,
}

public sealed record OrderLinePreview(string ProductTitle, string SkuLabel, string CoverKey, int Quantity);

public sealed record OrderSummary(
    long Id, string Number, OrderStatus Status, string Currency, decimal Total, decimal RefundedAmount, DateTimeOffset CreatedAt,
    int LineCount, int ItemCount, IReadOnlyList<OrderLinePreview> Lines, bool HasOpenRefund);

public sealed record OrderPage(IReadOnlyList<OrderSummary> Items, long? NextBefore);

public sealed record RefundView(
    long Id, long LineId, decimal Amount, string Reason, IReadOnlyList<string> PhotoKeys, RefundRequestStatus Status, string? DecisionReason,
    bool Restocked, bool Claimed, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

public sealed record OrderEventView(OrderStatus? From, OrderStatus To, OrderActor Actor, string? ActorName, string? Note, DateTimeOffset At);

public sealed record OrderDetail(
    Order Order, IReadOnlyList<OrderLine> Lines, IReadOnlyList<OrderAdjustment> Adjustments, IReadOnlyList<OrderEventView> Timeline,
    IReadOnlyList<RefundView> Refunds, string BuyerName, string BuyerEmail);

public sealed record AdminOrderFilter(OrderStatus? Status = null, DateOnly? From = null, DateOnly? To = null, string? Search = null, int Page = 1, bool OpenRefunds = false)
{
    public const int PageSize = 20;
}

public sealed record AdminOrderRow(
    long Id, string Number, OrderStatus Status, decimal Total, decimal RefundedAmount, string Currency, string Recipient, string Mobile,
    string Province, string City, string District, string AddressDetail, string? Carrier, string? TrackingNumber, DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt, int ItemCount, string Items, bool HasOpenRefund);

public sealed record AdminOrderPage(IReadOnlyList<AdminOrderRow> Items, int Total, int Page, int Pages);

/// <summary>Read models of orders: the buyer's list and detail (only their own), the admin desk and its CSV export.</summary>
public sealed class OrderQueries(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    public const int PageSize = 10;
    public const int ExportLimit = 10_000;

    /// <summary>Shoppers see dates in China time; the admin's date filter means these days.</summary>
    public static readonly TimeSpan ShopOffset = TimeSpan.FromHours(8);

    /// <summary>The buyer's orders, newest first, keyset-paged on the id (<paramref name="before"/> = the last id seen).</summary>
    public async Task<OrderPage> ListMineAsync(string buyerId, OrderTab tab, long? before, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Orders.AsNoTracking().Where(o => o.BuyerId == buyerId);
        query = tab switch
        {
            OrderTab.ToPay => query.Where(o => o.Status == OrderStatus.PendingPayment),
            OrderTab.ToShip => query.Where(o => o.Status == OrderStatus.Paid),
            OrderTab.Shipped => query.Where(o => o.Status == OrderStatus.Shipped),
            OrderTab.ToReview => query.Where(o => o.Status == OrderStatus.Delivered),
            OrderTab.AfterSales => query.Where(o => db.OrderLines.Any(l => l.OrderId == o.Id && l.RefundState != RefundState.None)),
            OrderTab.Cancelled => query.Where(o => o.Status == OrderStatus.Cancelled),
            _ => query,
        };
        if (before is { } b) query = query.Where(o => o.Id < b);
        var orders = await query.OrderByDescending(o => o.Id).Take(PageSize + 1)
            .Select(o => new { o.Id, o.Number, o.Status, o.Currency, o.Total, o.RefundedAmount, o.CreatedAt })
            .ToListAsync(cancellationToken);
        var page = orders.Take(PageSize).ToList();
        var ids = page.Select(o => o.Id).ToList();
        var lines = await db.OrderLines.AsNoTracking().Where(l => ids.Contains(l.OrderId)).OrderBy(l => l.Id)
            .Select(l => new { l.OrderId, l.ProductTitle, l.SkuLabel, l.CoverKey, l.Quantity, l.RefundState })
            .ToListAsync(cancellationToken);
        var byOrder = lines.ToLookup(l => l.OrderId);
        var items = page.Select(o =>
        {
            var mine = byOrder[o.Id].ToList();
            return new OrderSummary(o.Id, o.Number, o.Status, o.Currency, o.Total, o.RefundedAmount, o.CreatedAt, mine.Count, mine.Sum(l => l.Quantity),
                [.. mine.Take(3).Select(l => new OrderLinePreview(l.ProductTitle, l.SkuLabel, l.CoverKey, l.Quantity))],
                mine.Any(l => l.RefundState == RefundState.Requested));
        }).ToList();
        return new OrderPage(items, orders.Count > PageSize ? page[^1].Id : null);
    }

    /// <summary>The buyer's own order; null for a malformed number, an unknown one, or someone else's (the page answers 404 for all three).</summary>
    public async Task<OrderDetail?> GetForBuyerAsync(string buyerId, string? number, CancellationToken cancellationToken)
    {
        if (!OrderNumbers.IsWellFormed(number)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await WithLines(db).FirstOrDefaultAsync(o => o.Number == number && o.BuyerId == buyerId, cancellationToken);
        return order is null ? null : await DetailAsync(db, order, withBuyer: false, cancellationToken);
    }

    public async Task<OrderDetail?> AdminGetAsync(ClaimsPrincipal actor, string? number, CancellationToken cancellationToken)
    {
        OrderService.EnsureAdmin(actor);
        if (!OrderNumbers.IsWellFormed(number)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await WithLines(db).FirstOrDefaultAsync(o => o.Number == number, cancellationToken);
        return order is null ? null : await DetailAsync(db, order, withBuyer: true, cancellationToken);
    }

    /// <summary>The order with its lines and adjustments in one round trip (a handful of rows each).</summary>
    private static IQueryable<Order> WithLines(SocialStoreDbContext db) =>
        db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Adjustments).AsSingleQuery();

    /// <summary>The rest of an order's page: the timeline and the refund requests (and, for the admin, who the buyer is).</summary>
    private static async Task<OrderDetail> DetailAsync(SocialStoreDbContext db, Order order, bool withBuyer, CancellationToken cancellationToken)
    {
        var id = order.Id;
        var lines = order.Lines.OrderBy(l => l.Id).ToList();
        var adjustments = order.Adjustments.OrderBy(a => a.Position).ToList();
        var events = await db.OrderEvents.AsNoTracking().Where(e => e.OrderId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new OrderEventView(e.FromStatus, e.ToStatus, e.Actor, db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault(), e.Note, e.At))
            .ToListAsync(cancellationToken);
        var refunds = await db.RefundRequests.AsNoTracking().Where(r => r.OrderId == id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var buyer = withBuyer
            ? await db.Users.Where(u => u.Id == order.BuyerId).Select(u => new { u.DisplayName, u.Email }).FirstAsync(cancellationToken)
            : null;
        return new OrderDetail(order, lines, adjustments, events,
            [.. refunds.Select(r => new RefundView(r.Id, r.OrderLineId, r.Amount, r.Reason, r.PhotoKeys.Split('|', StringSplitOptions.RemoveEmptyEntries), r.Status,
                r.DecisionReason, r.Restocked, r.DecidedById is not null, r.CreatedAt, r.DecidedAt))],
            buyer?.DisplayName ?? "", buyer?.Email ?? "");
    }

    public async Task<AdminOrderPage> AdminListAsync(ClaimsPrincipal actor, AdminOrderFilter filter, CancellationToken cancellationToken)
    {
        OrderService.EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + AdminOrderFilter.PageSize - 1) / AdminOrderFilter.PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var rows = await RowsAsync(db, query.OrderByDescending(o => o.Id).Skip((page - 1) * AdminOrderFilter.PageSize).Take(AdminOrderFilter.PageSize), cancellationToken);
        return new AdminOrderPage(rows, total, page, pages);
    }

    /// <summary>The same filter as the list, every matching order (up to <see cref="ExportLimit"/>), for the CSV export.</summary>
    public async Task<IReadOnlyList<AdminOrderRow>> AdminExportAsync(ClaimsPrincipal actor, AdminOrderFilter filter, CancellationToken cancellationToken)
    {
        OrderService.EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RowsAsync(db, Filter(db, filter).OrderByDescending(o => o.Id).Take(ExportLimit), cancellationToken);
    }

    private static IQueryable<Order> Filter(SocialStoreDbContext db, AdminOrderFilter filter)
    {
        var query = db.Orders.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(o => o.Status == status);
        if (filter.OpenRefunds) query = query.Where(o => db.OrderLines.Any(l => l.OrderId == o.Id && l.RefundState == RefundState.Requested));
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ShopOffset);
            query = query.Where(o => o.CreatedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ShopOffset);
            query = query.Where(o => o.CreatedAt < end);
        }
        var search = new string((filter.Search ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (search.Length > 0)
        {
            if (!search.All(char.IsAsciiDigit) || search.Length > Order.NumberLength) return query.Where(o => false);
            // A whole mobile number, or an order number (or its beginning, e.g. the date part).
            query = search.Length == Address.MobileLength
                ? query.Where(o => o.Mobile == search || o.Number.StartsWith(search))
                : query.Where(o => o.Number.StartsWith(search));
        }
        return query;
    }

    private static async Task<IReadOnlyList<AdminOrderRow>> RowsAsync(SocialStoreDbContext db, IQueryable<Order> query, CancellationToken cancellationToken)
    {
        var orders = await query.ToListAsync(cancellationToken);
        var ids = orders.Select(o => o.Id).ToList();
        var lines = await db.OrderLines.AsNoTracking().Where(l => ids.Contains(l.OrderId)).OrderBy(l => l.Id)
            .Select(l => new { l.OrderId, l.ProductTitle, l.SkuLabel, l.Quantity, l.RefundState }).ToListAsync(cancellationToken);
        var byOrder = lines.ToLookup(l => l.OrderId);
        return orders.Select(o =>
        {
            var mine = byOrder[o.Id].ToList();
            var items = string.Join("; ", mine.Select(l => l.ProductTitle + (l.SkuLabel.Length > 0 ? " (" + l.SkuLabel + ")" : "") + " ×" + l.Quantity));
            return new AdminOrderRow(o.Id, o.Number, o.Status, o.Total, o.RefundedAmount, o.Currency, o.Recipient, o.Mobile, o.Province, o.City, o.District,
                o.AddressDetail, o.Carrier, o.TrackingNumber, o.CreatedAt, o.PaidAt, mine.Sum(l => l.Quantity), items, mine.Any(l => l.RefundState == RefundState.Requested));
        }).ToList();
    }
}
