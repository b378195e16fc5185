using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.BackOffice;

/// <summary>What needs doing today, for the back office's landing page. Counts of real rows only.</summary>
public sealed record BackOfficeFigures(
    int OrdersToShip, int OpenRefunds, int LowStockSkus, int PaymentIncidents24h,
    int PaidOrdersToday, decimal RevenueToday, IReadOnlyList<DailyOrders> Last14Days);

public sealed record DailyOrders(DateOnly Day, int Orders, decimal Revenue);

public sealed class BackOfficeQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public const int ChartDays = 14;

    private const int ToShip = 0, OpenRefunds = 1, LowStock = 2, Incidents = 3;

    /// <summary>The shop's figures (admins only). Days are calendar days in <paramref name="zone"/>.</summary>
    public async Task<BackOfficeFigures> FiguresAsync(ClaimsPrincipal actor, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        Roles.RequireAdmin(actor, BackOfficeErrors.AdminOnly);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var firstDay = today.AddDays(-(ChartDays - 1));
        var since = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(firstDay.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        var dayAgo = now.AddDays(-1);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The four to-do counts in one round trip: one tagged row per counted row, grouped by tag.
        var counts = await db.Orders.Where(o => o.Status == OrderStatus.Paid).Select(_ => ToShip)
            .Concat(db.RefundRequests.Where(r => r.Status == RefundRequestStatus.Requested).Select(_ => OpenRefunds))
            .Concat(db.Skus.Where(s => s.IsActive && s.Stock <= Sku.LowStock
                && db.Products.Any(p => p.Id == s.ProductId && p.Status == ProductStatus.OnSale)).Select(_ => LowStock))
            .Concat(db.PaymentIncidents.Where(i => i.ReceivedAt >= dayAgo).Select(_ => Incidents))
            .GroupBy(tag => tag).Select(g => new { Tag = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.Tag, c => c.Count, cancellationToken);
        int Count(int tag) => counts.GetValueOrDefault(tag);
        // Money is summed here, not in SQL: SQLite stores it as minor units through a converter.
        var paid = await db.Orders.AsNoTracking().Where(o => o.PaidAt != null && o.PaidAt >= since)
            .Select(o => new { PaidAt = o.PaidAt!.Value, o.Total }).ToListAsync(cancellationToken);

        var byDay = paid.GroupBy(o => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.PaidAt, zone).DateTime))
            .ToDictionary(g => g.Key, g => (Orders: g.Count(), Revenue: g.Sum(o => o.Total)));
        var series = Enumerable.Range(0, ChartDays).Select(i => firstDay.AddDays(i))
            .Select(d => byDay.TryGetValue(d, out var v) ? new DailyOrders(d, v.Orders, v.Revenue) : new DailyOrders(d, 0, 0m))
            .ToList();
        var todays = series[^1];
        return new BackOfficeFigures(Count(ToShip), Count(OpenRefunds), Count(LowStock), Count(Incidents),
            todays.Orders, todays.Revenue, series);
    }
}
