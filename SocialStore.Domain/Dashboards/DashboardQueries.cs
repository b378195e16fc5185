using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Recommendations;

namespace SocialStore.Domain.Dashboards;

/// <summary>One step of the conversion funnel: distinct users in the range; <see cref="Recorded"/> is false when no event of its kind was ever written.</summary>
public sealed record FunnelStep(string Key, int Users, bool Recorded);

/// <summary>One retention cohort figure: of <see cref="Eligible"/> users first seen in the range whose day N has come, <see cref="Retained"/> came back on day N.</summary>
public sealed record Retention(int Day, int Eligible, int Retained)
{
    public decimal? Rate => Eligible == 0 ? null : Math.Round((decimal)Retained / Eligible, 4);
}

public sealed record DashboardDay(DateOnly Day, int Orders, decimal Gmv, decimal NetGmv, int PayingUsers, int ActiveUsers);

/// <summary>The shop's figures for a range (ADR-049 gives each definition).</summary>
public sealed record DashboardFigures(
    DashboardRange Range,
    decimal Gmv, decimal NetGmv, int Orders, int PayingUsers,
    IReadOnlyList<FunnelStep> Funnel,
    int GroupsSucceeded, int GroupsFailed,
    decimal CouponCost,
    int Dau, int Wau, int Mau,
    IReadOnlyList<Retention> Retention,
    IReadOnlyList<DashboardDay> Daily)
{
    /// <summary>Succeeded ÷ (succeeded + failed) of the groups that closed in the range; null when none closed.</summary>
    public decimal? GroupBuySuccessRate => GroupsSucceeded + GroupsFailed == 0 ? null : Math.Round((decimal)GroupsSucceeded / (GroupsSucceeded + GroupsFailed), 4);
}

/// <summary>
/// The back office's dashboard (issue 16 §6): money, orders, the funnel, group buys, coupons, active users and
/// retention for a date range. Every figure is computed from real rows; money is summed here, not in SQL, because
/// SQLite stores it as minor units through a converter. Days are calendar days in the given zone.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public static readonly int[] RetentionDays = [1, 7, 30];

    public const string StepNoteView = "NoteView", StepProductView = "ProductView", StepCart = "Cart", StepOrder = "Order", StepPaid = "Paid";

    public async Task<DashboardFigures> FiguresAsync(ClaimsPrincipal actor, DashboardRange range, TimeZoneInfo zone, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, DashboardErrors.AdminOnly);
        var start = StartOf(range.From, zone);
        var end = StartOf(range.To.AddDays(1), zone);
        var today = DayOf(clock.GetUtcNow(), zone);
        DateOnly Day(DateTimeOffset at) => DayOf(at, zone);

        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var paid = await db.Orders.AsNoTracking().Where(o => o.PaidAt != null && o.PaidAt >= start && o.PaidAt < end)
            .Select(o => new { o.Id, o.BuyerId, PaidAt = o.PaidAt!.Value, o.Total, o.RefundedAmount }).ToListAsync(ct);
        var couponAmounts = await db.OrderAdjustments.AsNoTracking()
            .Where(a => a.Kind == CouponAdjuster.Kind
                && db.Orders.Any(o => o.Id == a.OrderId && o.PaidAt != null && o.PaidAt >= start && o.PaidAt < end))
            .Select(a => a.Amount).ToListAsync(ct);
        var ordering = await db.Orders.AsNoTracking().Where(o => o.CreatedAt >= start && o.CreatedAt < end)
            .Select(o => o.BuyerId).Distinct().CountAsync(ct);
        var groups = await db.GroupBuyGroups.AsNoTracking()
            .Where(g => g.ClosedAt != null && g.ClosedAt >= start && g.ClosedAt < end
                && (g.Status == GroupBuyStatus.Succeeded || g.Status == GroupBuyStatus.Failed || g.Status == GroupBuyStatus.Refunded))
            .GroupBy(g => g.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);

        // Events: the range, the 29 days before its end (WAU/MAU) and the 30 days after it (retention).
        var eventsFrom = StartOf(range.To.AddDays(-29) < range.From ? range.To.AddDays(-29) : range.From, zone);
        var eventsTo = StartOf(range.To.AddDays(RetentionDays.Max() + 1), zone);
        var events = await db.BehaviourEvents.AsNoTracking()
            .Where(e => e.UserId != null && e.OccurredAt >= eventsFrom && e.OccurredAt < eventsTo)
            .Select(e => new { UserId = e.UserId!, e.Kind, e.OccurredAt }).ToListAsync(ct);
        var seenBefore = (await db.BehaviourEvents.AsNoTracking()
            .Where(e => e.UserId != null && e.OccurredAt < start).Select(e => e.UserId!).Distinct().ToListAsync(ct)).ToHashSet();
        var recordedKinds = (await db.BehaviourEvents.AsNoTracking().Select(e => e.Kind).Distinct().ToListAsync(ct)).ToHashSet();

        var activity = events.Select(e => (e.UserId, e.Kind, Day: Day(e.OccurredAt))).ToList();
        var inRange = activity.Where(a => a.Day >= range.From && a.Day <= range.To).ToList();
        int Distinct(BehaviourKind kind) => inRange.Where(a => a.Kind == kind).Select(a => a.UserId).Distinct().Count();
        int ActiveBetween(DateOnly first, DateOnly last) =>
            activity.Where(a => a.Day >= first && a.Day <= last).Select(a => a.UserId).Distinct().Count();

        var funnel = new List<FunnelStep>
        {
            new(StepNoteView, Distinct(BehaviourKind.View), recordedKinds.Contains(BehaviourKind.View)),
            new(StepProductView, Distinct(BehaviourKind.ProductView), recordedKinds.Contains(BehaviourKind.ProductView)),
            new(StepCart, Distinct(BehaviourKind.AddToCart), recordedKinds.Contains(BehaviourKind.AddToCart)),
            new(StepOrder, ordering, true),
            new(StepPaid, paid.Select(o => o.BuyerId).Distinct().Count(), true),
        };

        // Cohort: users whose first event ever falls in the range; day N counts only once it has fully passed.
        var userDays = activity.GroupBy(a => a.UserId).ToDictionary(g => g.Key, g => g.Select(a => a.Day).ToHashSet());
        var cohort = inRange.Where(a => !seenBefore.Contains(a.UserId)).GroupBy(a => a.UserId)
            .Select(g => (User: g.Key, First: g.Min(a => a.Day))).ToList();
        var retention = RetentionDays.Select(n =>
        {
            var eligible = cohort.Where(c => c.First.AddDays(n) < today).ToList();
            return new Retention(n, eligible.Count, eligible.Count(c => userDays[c.User].Contains(c.First.AddDays(n))));
        }).ToList();

        var paidByDay = paid.GroupBy(o => Day(o.PaidAt)).ToDictionary(g => g.Key, g => g.ToList());
        var activeByDay = inRange.GroupBy(a => a.Day).ToDictionary(g => g.Key, g => g.Select(a => a.UserId).Distinct().Count());
        var daily = range.EachDay().Select(d =>
        {
            var orders = paidByDay.GetValueOrDefault(d) ?? [];
            var gmv = orders.Sum(o => o.Total);
            return new DashboardDay(d, orders.Count, gmv, gmv - orders.Sum(o => o.RefundedAmount),
                orders.Select(o => o.BuyerId).Distinct().Count(), activeByDay.GetValueOrDefault(d));
        }).ToList();

        var totalGmv = paid.Sum(o => o.Total);
        int GroupCount(GroupBuyStatus s) => groups.Where(g => g.Status == s).Sum(g => g.Count);
        return new DashboardFigures(range,
            totalGmv, totalGmv - paid.Sum(o => o.RefundedAmount), paid.Count, paid.Select(o => o.BuyerId).Distinct().Count(),
            funnel,
            GroupCount(GroupBuyStatus.Succeeded), GroupCount(GroupBuyStatus.Failed) + GroupCount(GroupBuyStatus.Refunded),
            -couponAmounts.Sum(),
            ActiveBetween(range.To, range.To), ActiveBetween(range.To.AddDays(-6), range.To), ActiveBetween(range.To.AddDays(-29), range.To),
            retention, daily);
    }

    /// <summary>The daily series as CSV (invariant culture, money with two decimals).</summary>
    public static string DailyCsv(DashboardFigures figures)
    {
        var csv = new StringBuilder("day,orders,gmv,net_gmv,paying_users,active_users\n");
        foreach (var d in figures.Daily)
        {
            csv.Append(d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(d.Orders.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Money.Plain(d.Gmv)).Append(',')
                .Append(Money.Plain(d.NetGmv)).Append(',')
                .Append(d.PayingUsers.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(d.ActiveUsers.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return csv.ToString();
    }

    private static DateOnly DayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
