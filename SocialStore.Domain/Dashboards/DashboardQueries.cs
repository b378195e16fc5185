using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Dashboards.Rollups;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Referrals.Invites;

namespace SocialStore.Domain.Dashboards;

/// <summary>One step of the conversion funnel: distinct users in the range; <see cref="Recorded"/> is false when no event of its kind was ever written.</summary>
public sealed record FunnelStep(string Key, int Users, bool Recorded);

/// <summary>One retention cohort figure: of <see cref="Eligible"/> users first seen in the range whose day N has come, <see cref="Retained"/> came back on day N.</summary>
public sealed record Retention(int Day, int Eligible, int Retained)
{
    public decimal? Rate => Eligible == 0 ? null : Math.Round((decimal)Retained / Eligible, 4);
}

public sealed record DashboardDay(DateOnly Day, int Orders, decimal Gmv, decimal NetGmv, int PayingUsers, int ActiveUsers);

/// <summary>A note's attributed sales in the range: order lines attributed to it (ADR-042) of orders paid in the range.</summary>
public sealed record TopNote(long NoteId, string Title, string AuthorName, int Orders, decimal Gmv, decimal NetGmv);

/// <summary>An earner's attributed sales in the range (their notes and share links).</summary>
public sealed record TopCreator(string UserId, string Handle, string DisplayName, int Orders, decimal Gmv, decimal NetGmv);

/// <summary>The shop's figures for a range (ADR-049, ADR-061 give each definition).</summary>
public sealed record DashboardFigures(
    DashboardRange Range,
    decimal Gmv, decimal NetGmv, int Orders, int PayingUsers,
    IReadOnlyList<FunnelStep> Funnel,
    int GroupsSucceeded, int GroupsFailed,
    decimal CouponCost,
    int Dau, int Wau, int Mau,
    IReadOnlyList<Retention> Retention,
    IReadOnlyList<DashboardDay> Daily,
    IReadOnlyList<KFactorWeek> KFactor,
    IReadOnlyList<TopNote> TopNotes,
    IReadOnlyList<TopCreator> TopCreators,
    bool FromRollups)
{
    /// <summary>Succeeded ÷ (succeeded + failed) of the groups that closed in the range; null when none closed.</summary>
    public decimal? GroupBuySuccessRate => GroupsSucceeded + GroupsFailed == 0 ? null : Math.Round((decimal)GroupsSucceeded / (GroupsSucceeded + GroupsFailed), 4);

    /// <summary>K over all the range's weekly cohorts: invites ÷ inviters × converted ÷ invites (the same rule as each week).</summary>
    public KFactorWeek KFactorTotal => new(Range.From, KFactor.Sum(w => w.Inviters), KFactor.Sum(w => w.Invites), KFactor.Sum(w => w.Converted), KFactor.Any(w => w.Open));
}

/// <summary>
/// The back office's dashboard (issue 16 §6): money, orders, the funnel, group buys, coupons, active users, retention,
/// the referral K-factor and the top notes and creators for a date range. Every figure is a count or sum of real rows.
/// Closed days come from the daily roll-ups (<see cref="DashboardRollup"/>) once they are caught up, today is computed
/// live and added; until then everything is computed directly from raw rows (<see cref="DirectAsync"/>), and a test
/// proves both give the same figures. Money is summed here, not in SQL, because SQLite stores it as minor units.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, DashboardRollup rollup)
{
    public static readonly int[] RetentionDays = [1, 7, 30];

    public const int TopCount = 10;

    public const string StepNoteView = "NoteView", StepProductView = "ProductView", StepCart = "Cart", StepOrder = "Order", StepPaid = "Paid";

    private static readonly (string Key, DashboardActivity Kind)[] Steps =
    [
        (StepNoteView, DashboardActivity.NoteView), (StepProductView, DashboardActivity.ProductView), (StepCart, DashboardActivity.Cart),
        (StepOrder, DashboardActivity.Ordered), (StepPaid, DashboardActivity.Paid),
    ];

    public TimeZoneInfo Zone => rollup.Zone;

    /// <summary>The figures, from the roll-ups when they are caught up (else directly from raw rows).</summary>
    public async Task<DashboardFigures> FiguresAsync(ClaimsPrincipal actor, DashboardRange range, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, DashboardErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = DashboardDays.DayOf(clock.GetUtcNow(), Zone);
        var activity = await rollup.CaughtUpAsync(db, today - 1, ct)
            ? await RolledAsync(db, range, today, ct)
            : await DirectActivityAsync(db, range, today, ct);
        return await AssembleAsync(db, range, activity, ct);
    }

    /// <summary>The figures computed from raw rows only, whatever the roll-ups hold (the reference the roll-ups are tested against).</summary>
    public async Task<DashboardFigures> DirectAsync(ClaimsPrincipal actor, DashboardRange range, CancellationToken ct)
    {
        Roles.RequireAdmin(actor, DashboardErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = DashboardDays.DayOf(clock.GetUtcNow(), Zone);
        return await AssembleAsync(db, range, await DirectActivityAsync(db, range, today, ct), ct);
    }

    /// <summary>The figures that come from the roll-ups or from raw rows: distinct users, the order family by day, retention.</summary>
    private sealed record Activity(
        Dictionary<DashboardActivity, int> RangeUsers, int Dau, int Wau, int Mau,
        IReadOnlyList<Retention> Retention,
        Dictionary<int, (int Orders, decimal Gmv, decimal CouponCost, int Paying, int Active)> Days,
        bool FromRollups);

    private async Task<Activity> DirectActivityAsync(SocialStoreDbContext db, DashboardRange range, int today, CancellationToken ct)
    {
        int from = range.From.DayNumber, to = range.To.DayNumber, windowFrom = Math.Min(from, to - 29);
        // The range, the 29 days before its end (WAU/MAU) and the 30 days after it (retention), up to today.
        var slices = await DashboardDays.ComputeAsync(db, windowFrom, Math.Max(to, Math.Min(to + RetentionDays.Max(), today)), Zone, ct);
        int Distinct(DashboardActivity kind, int a, int b) =>
            slices.Values.Where(s => s.Day >= a && s.Day <= b).SelectMany(s => s.Users[kind]).Distinct().Count();

        var start = DashboardDays.StartOf(from, Zone);
        var seenBefore = (await db.BehaviourEvents.AsNoTracking()
            .Where(e => e.UserId != null && e.OccurredAt < start).Select(e => e.UserId!).Distinct().ToListAsync(ct)).ToHashSet();
        var cohort = new Dictionary<string, int>();
        foreach (var s in slices.Values.Where(s => s.Day >= from && s.Day <= to).OrderBy(s => s.Day))
            foreach (var user in s.Users[DashboardActivity.Active])
                if (!seenBefore.Contains(user)) cohort.TryAdd(user, s.Day);
        var retention = RetentionDays.Select(n =>
        {
            var eligible = cohort.Where(c => c.Value + n < today).ToList();
            return new Retention(n, eligible.Count, eligible.Count(c => slices[c.Value + n].Users[DashboardActivity.Active].Contains(c.Key)));
        }).ToList();

        return new Activity(
            Steps.ToDictionary(s => s.Kind, s => Distinct(s.Kind, from, to)),
            Distinct(DashboardActivity.Active, to, to), Distinct(DashboardActivity.Active, to - 6, to), Distinct(DashboardActivity.Active, to - 29, to),
            retention,
            slices.Values.Where(s => s.Day >= from && s.Day <= to).ToDictionary(s => s.Day,
                s => (s.Orders, s.Gmv, s.CouponCost, s.Users[DashboardActivity.Paid].Count, s.Users[DashboardActivity.Active].Count)),
            false);
    }

    /// <summary>Closed days from the roll-up tables (distinct counts in SQL over their keys), today computed live and added.</summary>
    private async Task<Activity> RolledAsync(SocialStoreDbContext db, DashboardRange range, int today, CancellationToken ct)
    {
        int from = range.From.DayNumber, to = range.To.DayNumber, windowFrom = Math.Min(from, to - 29), closed = today - 1;
        var live = windowFrom <= today && today <= to ? (await DashboardDays.ComputeAsync(db, today, today, Zone, ct))[today] : null;

        async Task<int> DistinctAsync(DashboardActivity kind, int a, int b)
        {
            var last = Math.Min(b, closed);
            var rolled = a > last ? 0 : await db.DashboardUserDays.Where(u => u.Kind == kind && u.Day >= a && u.Day <= last).Select(u => u.UserId).Distinct().CountAsync(ct);
            if (live is null || today < a || today > b || live.Users[kind].Count == 0) return rolled;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (a <= last)
                foreach (var chunk in live.Users[kind].Chunk(500))
                    seen.UnionWith(await db.DashboardUserDays.Where(u => u.Kind == kind && u.Day >= a && u.Day <= last && chunk.Contains(u.UserId)).Select(u => u.UserId).Distinct().ToListAsync(ct));
            return rolled + live.Users[kind].Count(u => !seen.Contains(u));
        }

        var rangeUsers = new Dictionary<DashboardActivity, int>();
        foreach (var (_, kind) in Steps) rangeUsers[kind] = await DistinctAsync(kind, from, to);
        var dau = await DistinctAsync(DashboardActivity.Active, to, to);
        var wau = await DistinctAsync(DashboardActivity.Active, to - 6, to);
        var mau = await DistinctAsync(DashboardActivity.Active, to - 29, to);

        var retention = new List<Retention>();
        foreach (var n in RetentionDays)
        {
            var lastFirst = Math.Min(to, today - 1 - n);
            var cohort = db.DashboardFirstSeen.Where(f => f.Day >= from && f.Day <= lastFirst);
            var eligible = lastFirst < from ? 0 : await cohort.CountAsync(ct);
            var retained = lastFirst < from ? 0 : await cohort.CountAsync(f => db.DashboardUserDays.Any(u => u.Kind == DashboardActivity.Active && u.Day == f.Day + n && u.UserId == f.UserId), ct);
            retention.Add(new Retention(n, eligible, retained));
        }

        var lastClosed = Math.Min(to, closed);
        var orderDays = await db.DashboardOrderDays.AsNoTracking().Where(o => o.Day >= from && o.Day <= lastClosed).ToDictionaryAsync(o => o.Day, ct);
        var counts = (await db.DashboardUserDays.Where(u => (u.Kind == DashboardActivity.Paid || u.Kind == DashboardActivity.Active) && u.Day >= from && u.Day <= lastClosed)
            .GroupBy(u => new { u.Kind, u.Day }).Select(g => new { g.Key.Kind, g.Key.Day, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(c => (c.Kind, c.Day), c => c.Count);
        var days = new Dictionary<int, (int, decimal, decimal, int, int)>();
        for (var d = from; d <= to; d++)
        {
            if (d == today && live is not null)
                days[d] = (live.Orders, live.Gmv, live.CouponCost, live.Users[DashboardActivity.Paid].Count, live.Users[DashboardActivity.Active].Count);
            else if (orderDays.TryGetValue(d, out var o))
                days[d] = (o.Orders, o.Gmv, o.CouponCost, counts.GetValueOrDefault((DashboardActivity.Paid, d)), counts.GetValueOrDefault((DashboardActivity.Active, d)));
        }
        return new Activity(rangeUsers, dau, wau, mau, retention, days, true);
    }

    private async Task<DashboardFigures> AssembleAsync(SocialStoreDbContext db, DashboardRange range, Activity activity, CancellationToken ct)
    {
        var start = DashboardDays.StartOf(range.From.DayNumber, Zone);
        var end = DashboardDays.StartOf(range.To.DayNumber + 1, Zone);

        // Refunds change after the day closed, so they are always read live: only the refunded orders of the range.
        var refunds = (await db.Orders.AsNoTracking().Where(o => o.PaidAt != null && o.PaidAt >= start && o.PaidAt < end && o.RefundedAmount > 0m)
            .Select(o => new { PaidAt = o.PaidAt!.Value, o.RefundedAmount }).ToListAsync(ct))
            .GroupBy(o => DashboardDays.DayOf(o.PaidAt, Zone)).ToDictionary(g => g.Key, g => g.Sum(o => o.RefundedAmount));

        var groups = await db.GroupBuyGroups.AsNoTracking()
            .Where(g => g.ClosedAt != null && g.ClosedAt >= start && g.ClosedAt < end
                && (g.Status == GroupBuyStatus.Succeeded || g.Status == GroupBuyStatus.Failed || g.Status == GroupBuyStatus.Refunded))
            .GroupBy(g => g.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int GroupCount(GroupBuyStatus s) => groups.Where(g => g.Status == s).Sum(g => g.Count);

        var funnel = new List<FunnelStep>();
        foreach (var (key, kind) in Steps)
        {
            var recorded = kind switch
            {
                DashboardActivity.NoteView => await RecordedAsync(db, BehaviourKind.View, kind, ct),
                DashboardActivity.ProductView => await RecordedAsync(db, BehaviourKind.ProductView, kind, ct),
                DashboardActivity.Cart => await RecordedAsync(db, BehaviourKind.AddToCart, kind, ct),
                _ => true,
            };
            funnel.Add(new FunnelStep(key, activity.RangeUsers[kind], recorded));
        }

        var daily = range.EachDay().Select(d =>
        {
            var (orders, gmv, _, paying, active) = activity.Days.GetValueOrDefault(d.DayNumber);
            return new DashboardDay(d, orders, gmv, gmv - refunds.GetValueOrDefault(d.DayNumber), paying, active);
        }).ToList();
        var gmvTotal = daily.Sum(d => d.Gmv);

        var (notes, creators) = await TopAsync(db, start, end, ct);
        return new DashboardFigures(range,
            gmvTotal, daily.Sum(d => d.NetGmv), daily.Sum(d => d.Orders), activity.RangeUsers[DashboardActivity.Paid],
            funnel,
            GroupCount(GroupBuyStatus.Succeeded), GroupCount(GroupBuyStatus.Failed) + GroupCount(GroupBuyStatus.Refunded),
            activity.Days.Values.Sum(d => d.CouponCost),
            activity.Dau, activity.Wau, activity.Mau,
            activity.Retention, daily,
            await KFactorAsync(db, range, ct), notes, creators,
            activity.FromRollups);
    }

    private static async Task<bool> RecordedAsync(SocialStoreDbContext db, BehaviourKind kind, DashboardActivity rolled, CancellationToken ct) =>
        await db.BehaviourEvents.AnyAsync(e => e.Kind == kind, ct) || await db.DashboardUserDays.AnyAsync(u => u.Kind == rolled, ct);

    /// <summary>
    /// K-factor by weekly cohort (issue 14 §5): the weeks (Monday to Sunday, shop days) that meet the range; a cohort is
    /// the invitees who signed up through an invite that week; invites = them, inviters = the distinct people who invited
    /// them, converted = those with a paid order within 30 days of signing up. K = invites ÷ inviters × converted ÷ invites.
    /// </summary>
    private async Task<IReadOnlyList<KFactorWeek>> KFactorAsync(SocialStoreDbContext db, DashboardRange range, CancellationToken ct)
    {
        var firstMonday = range.From.AddDays(-(((int)range.From.DayOfWeek + 6) % 7));
        var mondays = new List<DateOnly>();
        for (var m = firstMonday; m <= range.To; m = m.AddDays(7)) mondays.Add(m);
        var start = DashboardDays.StartOf(firstMonday.DayNumber, Zone);
        var end = DashboardDays.StartOf(mondays[^1].DayNumber + 7, Zone);
        var bindings = await db.InviteBindings.AsNoTracking().Where(b => b.BoundAt >= start && b.BoundAt < end)
            .Select(b => new { b.InviteeId, b.InviterId, b.BoundAt }).ToListAsync(ct);
        var paidBy = bindings.Count == 0 ? Enumerable.Empty<(string, DateTimeOffset)>().ToLookup(p => p.Item1, p => p.Item2)
            : (await db.Orders.AsNoTracking()
                .Where(o => o.PaidAt != null && o.PaidAt >= start && db.InviteBindings.Any(b => b.InviteeId == o.BuyerId && b.BoundAt >= start && b.BoundAt < end))
                .Select(o => new { o.BuyerId, PaidAt = o.PaidAt!.Value }).ToListAsync(ct)).ToLookup(p => p.BuyerId, p => p.PaidAt);
        var now = clock.GetUtcNow();
        return mondays.Select(monday =>
        {
            var from = DashboardDays.StartOf(monday.DayNumber, Zone);
            var until = DashboardDays.StartOf(monday.DayNumber + 7, Zone);
            var cohort = bindings.Where(b => b.BoundAt >= from && b.BoundAt < until).ToList();
            var converted = cohort.Count(b => paidBy[b.InviteeId].Any(at => at >= b.BoundAt && at <= b.BoundAt.AddDays(InviteService.ConversionDays)));
            return new KFactorWeek(monday, cohort.Select(b => b.InviterId).Distinct().Count(), cohort.Count, converted, until.AddDays(InviteService.ConversionDays) > now);
        }).ToList();
    }

    /// <summary>Top notes and earners by attributed GMV: the <c>Payable</c> of attributed lines of orders paid in the range (net: minus their line refunds).</summary>
    private static async Task<(IReadOnlyList<TopNote>, IReadOnlyList<TopCreator>)> TopAsync(SocialStoreDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var sales = await db.OrderLineAttributions.AsNoTracking()
            .Join(db.Orders.Where(o => o.PaidAt != null && o.PaidAt >= start && o.PaidAt < end), a => a.OrderId, o => o.Id, (a, o) => a)
            .Join(db.OrderLines, a => a.OrderLineId, l => l.Id, (a, l) => new { a.NoteId, a.EarnerId, a.OrderId, l.Payable, l.RefundedAmount })
            .ToListAsync(ct);
        if (sales.Count == 0) return ([], []);
        var noteRows = sales.Where(s => s.NoteId != 0).GroupBy(s => s.NoteId)
            .Select(g => (Id: g.Key, Orders: g.Select(s => s.OrderId).Distinct().Count(), Gmv: g.Sum(s => s.Payable), Net: g.Sum(s => s.Payable - s.RefundedAmount)))
            .OrderByDescending(r => r.Gmv).ThenBy(r => r.Id).Take(TopCount).ToList();
        var creatorRows = sales.GroupBy(s => s.EarnerId)
            .Select(g => (Id: g.Key, Orders: g.Select(s => s.OrderId).Distinct().Count(), Gmv: g.Sum(s => s.Payable), Net: g.Sum(s => s.Payable - s.RefundedAmount)))
            .OrderByDescending(r => r.Gmv).ThenBy(r => r.Id, StringComparer.Ordinal).Take(TopCount).ToList();
        var noteIds = noteRows.Select(r => r.Id).ToList();
        var notes = await db.Notes.AsNoTracking().Where(n => noteIds.Contains(n.Id)).Select(n => new { n.Id, n.Title, n.AuthorId }).ToDictionaryAsync(n => n.Id, ct);
        var userIds = creatorRows.Select(r => r.Id).Concat(notes.Values.Select(n => n.AuthorId)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Handle, u.DisplayName }).ToDictionaryAsync(u => u.Id, ct);
        return (
            noteRows.Select(r => new TopNote(r.Id, notes.GetValueOrDefault(r.Id)?.Title ?? "", users.GetValueOrDefault(notes.GetValueOrDefault(r.Id)?.AuthorId ?? "")?.DisplayName ?? "", r.Orders, r.Gmv, r.Net)).ToList(),
            creatorRows.Select(r => new TopCreator(r.Id, users.GetValueOrDefault(r.Id)?.Handle ?? "", users.GetValueOrDefault(r.Id)?.DisplayName ?? "", r.Orders, r.Gmv, r.Net)).ToList());
    }
}
