using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Dashboards.Rollups;

public sealed class DashboardRollupOptions
{
    public const string Section = "Dashboards:Rollup";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for closed days to roll up.</summary>
    public int EveryMinutes { get; set; } = 10;

    /// <summary>A day is rolled up only this long after it closed, so batched events of its last seconds are in.</summary>
    public int CloseMarginMinutes { get; set; } = 5;

    /// <summary>A claim not finished within this time can be taken over by another worker.</summary>
    public int ClaimMinutes { get; set; } = 5;
}

/// <summary>
/// Writes the dashboard's daily roll-ups (ADR-061) for closed shop days: every day from the first event or order to
/// yesterday gets a <see cref="DashboardRollupDay"/> row; a worker claims one pending day at a time with a conditional
/// update, computes it from raw rows (<see cref="DashboardDays.ComputeAsync"/>) and writes its rows and the Done state in
/// one transaction that commits only while its claim still holds.
/// </summary>
public sealed class DashboardRollup(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<DashboardRollupOptions> options, TimeZoneInfo? zone = null)
{
    public TimeZoneInfo Zone { get; } = zone ?? DashboardDays.ShopZone;

    /// <summary>The last closed day that can be rolled up now.</summary>
    public int LastClosedDay(DateTimeOffset now) => DashboardDays.DayOf(now.AddMinutes(-options.Value.CloseMarginMinutes), Zone) - 1;

    /// <summary>Schedules the missing days and rolls up pending ones; returns how many days this call rolled.</summary>
    public async Task<int> RunAsync(int maxDays, CancellationToken ct)
    {
        await ScheduleAsync(ct);
        var rolled = 0;
        while (rolled < maxDays && await RollNextAsync(ct)) rolled++;
        return rolled;
    }

    /// <summary>Adds a pending row for every closed day since the first event or order that has none.</summary>
    public async Task ScheduleAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var firstEvent = await db.BehaviourEvents.AsNoTracking().OrderBy(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(ct);
        var firstOrder = await db.Orders.AsNoTracking().OrderBy(o => o.CreatedAt).Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefaultAsync(ct);
        var firstAt = new[] { firstEvent, firstOrder }.Where(x => x is not null).Min();
        if (firstAt is null) return;
        var first = DashboardDays.DayOf(firstAt.Value, Zone);
        var last = LastClosedDay(clock.GetUtcNow());
        if (last < first) return;
        var known = (await db.DashboardRollupDays.AsNoTracking().Where(d => d.Day >= first && d.Day <= last).Select(d => d.Day).ToListAsync(ct)).ToHashSet();
        var missing = Enumerable.Range(first, last - first + 1).Where(d => !known.Contains(d)).ToList();
        if (missing.Count == 0) return;
        db.DashboardRollupDays.AddRange(missing.Select(d => new DashboardRollupDay { Day = d, State = DashboardRollupState.Pending }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another node scheduled them at the same time; its rows serve.
        }
    }

    /// <summary>Claims the earliest pending (or abandoned) day and rolls it up; false when there is none left.</summary>
    public async Task<bool> RollNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        int? day;
        while (true)
        {
            day = await db.DashboardRollupDays.AsNoTracking()
                .Where(d => d.State == DashboardRollupState.Pending || (d.State == DashboardRollupState.Claimed && d.ClaimedUntil < now))
                .OrderBy(d => d.Day).Select(d => (int?)d.Day).FirstOrDefaultAsync(ct);
            if (day is null) return false;
            var claimed = await db.DashboardRollupDays
                .Where(d => d.Day == day && (d.State == DashboardRollupState.Pending || (d.State == DashboardRollupState.Claimed && d.ClaimedUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DashboardRollupState.Claimed)
                    .SetProperty(d => d.ClaimToken, token)
                    .SetProperty(d => d.ClaimedUntil, now.AddMinutes(options.Value.ClaimMinutes)), ct);
            if (claimed == 1) break;
        }
        await RollAsync(db, day.Value, token, ct);
        return true;
    }

    private async Task RollAsync(SocialStoreDbContext db, int day, Guid token, CancellationToken ct)
    {
        var slice = (await DashboardDays.ComputeAsync(db, day, day, Zone, ct))[day];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.DashboardUserDays.Where(u => u.Day == day).ExecuteDeleteAsync(ct);
        await db.DashboardOrderDays.Where(o => o.Day == day).ExecuteDeleteAsync(ct);
        db.DashboardOrderDays.Add(new DashboardOrderDay { Day = day, Orders = slice.Orders, Gmv = slice.Gmv, CouponCost = slice.CouponCost });
        foreach (var (kind, users) in slice.Users)
            db.DashboardUserDays.AddRange(users.Select(u => new DashboardUserDay { Kind = kind, Day = day, UserId = u }));

        // First seen: a new person gets this day; one already known from a later day (days may roll out of order) moves back to it.
        var active = slice.Users[DashboardActivity.Active].ToList();
        foreach (var chunk in active.Chunk(500))
        {
            var known = await db.DashboardFirstSeen.Where(f => chunk.Contains(f.UserId)).Select(f => f.UserId).ToListAsync(ct);
            db.DashboardFirstSeen.AddRange(chunk.Except(known, StringComparer.Ordinal).Select(u => new DashboardFirstSeen { UserId = u, Day = day }));
            if (known.Count > 0)
                await db.DashboardFirstSeen.Where(f => known.Contains(f.UserId) && f.Day > day).ExecuteUpdateAsync(s => s.SetProperty(f => f.Day, day), ct);
        }
        await db.SaveChangesAsync(ct);
        var done = await db.DashboardRollupDays.Where(d => d.Day == day && d.State == DashboardRollupState.Claimed && d.ClaimToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DashboardRollupState.Done).SetProperty(d => d.RolledAt, clock.GetUtcNow())
                .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), ct);
        if (done != 1) return; // the claim was taken over; disposing rolls back
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>True when every closed day (up to <see cref="LastClosedDay"/>... and at least yesterday) is rolled: the dashboard may read the roll-ups.</summary>
    public async Task<bool> CaughtUpAsync(SocialStoreDbContext db, int throughDay, CancellationToken ct)
    {
        if (await db.DashboardRollupDays.AnyAsync(d => d.Day <= throughDay && d.State != DashboardRollupState.Done, ct)) return false;
        if (await db.DashboardRollupDays.AnyAsync(d => d.Day == throughDay, ct)) return true;
        // No row for that day: caught up only when there is nothing at all to roll (an empty shop).
        return !await db.DashboardRollupDays.AnyAsync(ct) && !await db.Orders.AnyAsync(ct) && !await db.BehaviourEvents.AnyAsync(ct);
    }
}

/// <summary>Rolls up closed days every few minutes (ADR-061).</summary>
public sealed class DashboardRollupWorker(DashboardRollup rollup, TimeProvider clock, IOptions<DashboardRollupOptions> options, ILogger<DashboardRollupWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.EveryMinutes));

    protected override bool Enabled => options.Value.Enabled;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => rollup.RunAsync(400, cancellationToken);
}
