using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Recommendations;

namespace SocialStore.Domain.Dashboards.Rollups;

/// <summary>One day's figures computed from raw rows: what the roll-up stores for a closed day, and what the dashboard adds live for today.</summary>
public sealed class DaySlice(int day)
{
    public int Day { get; } = day;

    public int Orders { get; set; }

    public decimal Gmv { get; set; }

    public decimal CouponCost { get; set; }

    public Dictionary<DashboardActivity, HashSet<string>> Users { get; } =
        Enum.GetValues<DashboardActivity>().ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));
}

/// <summary>Calendar days of a zone as <see cref="DateOnly.DayNumber"/>s, and the raw-row computation of days (ADR-061).</summary>
public static class DashboardDays
{
    /// <summary>The shop's zone, UTC+8 (the orders list's offset).</summary>
    public static readonly TimeZoneInfo ShopZone = TimeZoneInfo.CreateCustomTimeZone("UTC+8", OrderQueries.ShopOffset, "UTC+8", "UTC+8");

    public static int DayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime).DayNumber;

    public static DateTimeOffset StartOf(int day, TimeZoneInfo zone)
    {
        var local = DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// The days <paramref name="first"/>..<paramref name="last"/> from raw rows: signed-in behaviour events by kind, orders
    /// placed, orders paid with their totals and coupon adjustments. Four queries over the span.
    /// </summary>
    public static async Task<Dictionary<int, DaySlice>> ComputeAsync(SocialStoreDbContext db, int first, int last, TimeZoneInfo zone, CancellationToken ct)
    {
        var slices = new Dictionary<int, DaySlice>();
        if (last < first) return slices;
        for (var d = first; d <= last; d++) slices[d] = new DaySlice(d);
        var start = StartOf(first, zone);
        var end = StartOf(last + 1, zone);

        var events = await db.BehaviourEvents.AsNoTracking()
            .Where(e => e.UserId != null && e.OccurredAt >= start && e.OccurredAt < end)
            .Select(e => new { UserId = e.UserId!, e.Kind, e.OccurredAt }).ToListAsync(ct);
        foreach (var e in events)
        {
            var users = slices[DayOf(e.OccurredAt, zone)].Users;
            users[DashboardActivity.Active].Add(e.UserId);
            var kind = e.Kind switch
            {
                BehaviourKind.View => DashboardActivity.NoteView,
                BehaviourKind.ProductView => DashboardActivity.ProductView,
                BehaviourKind.AddToCart => DashboardActivity.Cart,
                _ => (DashboardActivity?)null,
            };
            if (kind is { } k) users[k].Add(e.UserId);
        }

        var placed = await db.Orders.AsNoTracking().Where(o => o.CreatedAt >= start && o.CreatedAt < end)
            .Select(o => new { o.BuyerId, o.CreatedAt }).ToListAsync(ct);
        foreach (var o in placed) slices[DayOf(o.CreatedAt, zone)].Users[DashboardActivity.Ordered].Add(o.BuyerId);

        var paid = await db.Orders.AsNoTracking().Where(o => o.PaidAt != null && o.PaidAt >= start && o.PaidAt < end)
            .Select(o => new { o.Id, o.BuyerId, PaidAt = o.PaidAt!.Value, o.Total }).ToListAsync(ct);
        var paidDay = new Dictionary<long, int>();
        foreach (var o in paid)
        {
            var slice = slices[paidDay[o.Id] = DayOf(o.PaidAt, zone)];
            slice.Orders++;
            slice.Gmv += o.Total;
            slice.Users[DashboardActivity.Paid].Add(o.BuyerId);
        }

        var coupons = await db.OrderAdjustments.AsNoTracking()
            .Where(a => a.Kind == CouponAdjuster.Kind && db.Orders.Any(o => o.Id == a.OrderId && o.PaidAt != null && o.PaidAt >= start && o.PaidAt < end))
            .Select(a => new { a.OrderId, a.Amount }).ToListAsync(ct);
        foreach (var a in coupons) slices[paidDay[a.OrderId]].CouponCost -= a.Amount;
        return slices;
    }
}
