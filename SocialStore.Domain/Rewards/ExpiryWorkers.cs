using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Points;
using SocialStore.Domain.RedPackets;

namespace SocialStore.Domain.Rewards;

/// <summary>
/// Expires points by itself (ADR-054): ADR-041 settles expiry only when a balance is read or spent. A sweep claims the
/// window since the last sweep with one conditional update on its <see cref="ExpirySweep"/> row (two nodes never
/// sweep the same window), then runs <see cref="PointsLedger.ExpireAsync"/> — which locks the person's account row
/// and is idempotent — for every person with a credit that expired in that window.
/// </summary>
public sealed class PointsExpirySweeper(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Where the first sweep starts: before any credit can have expired.</summary>
    public static readonly DateTimeOffset Origin = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int Batch = 500;

    /// <summary>Returns the points expired in this sweep (0 when another node holds the window).</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset from;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var through = await db.ExpirySweeps.AsNoTracking().Where(s => s.Name == ExpirySweep.Points).Select(s => (DateTimeOffset?)s.Through).FirstOrDefaultAsync(ct);
            if (through is null)
            {
                await UniqueInsert.TryInsertAsync(db, new ExpirySweep { Name = ExpirySweep.Points, Through = Origin }, ct);
                through = await db.ExpirySweeps.AsNoTracking().Where(s => s.Name == ExpirySweep.Points).Select(s => s.Through).SingleAsync(ct);
            }
            from = through.Value;
            if (from >= now) return 0;
            var claimed = await db.ExpirySweeps.Where(s => s.Name == ExpirySweep.Points && s.Through == from)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Through, now), ct);
            if (claimed == 0) return 0;
        }

        var expired = 0;
        string? after = null;
        while (true)
        {
            List<string> users;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var query = db.PointsEntries.AsNoTracking().Where(e => e.Amount > 0 && e.ExpiresAt != null && e.ExpiresAt > from && e.ExpiresAt <= now);
                if (after is not null) query = query.Where(e => string.Compare(e.UserId, after) > 0);
                users = await query.Select(e => e.UserId).Distinct().OrderBy(u => u).Take(Batch).ToListAsync(ct);
            }
            foreach (var userId in users)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                expired += await PointsLedger.ExpireAsync(db, userId, now, ct);
            }
            if (users.Count < Batch) return expired;
            after = users[^1];
        }
    }
}

/// <summary>Expires points every hour, whether or not anyone looks at them.</summary>
public sealed class PointsExpiryWorker(PointsExpirySweeper sweeper, TimeProvider clock, ILogger<PointsExpiryWorker> logger) : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}

/// <summary>
/// Returns what is unclaimed of expired group red packets every minute (ADR-050 settled them only when the packet or the
/// back office was looked at). Each packet is settled by its own conditional update, so a concurrent reader returns nothing twice.
/// </summary>
public sealed class RedPacketExpiryWorker(RedPacketService packets, TimeProvider clock, ILogger<RedPacketExpiryWorker> logger) : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        // ReturnExpiredAsync takes at most 200 packets a call; a backlog takes several calls.
        for (var round = 0; round < 50 && await packets.ReturnExpiredAsync(cancellationToken) >= 200; round++)
        {
        }
    }
}

/// <summary>
/// Gives the coupon rewards that could not be given when they were due (ADR-062), every minute: a campaign resumed,
/// started or with room again issues them within its window, oldest first.
/// </summary>
public sealed class RewardRetryWorker(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, ILogger<RewardRetryWorker> logger) : PeriodicWorker(clock, logger)
{
    private readonly TimeProvider time = clock;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < 20 && await RewardGrants.RetryUnavailableAsync(dbFactory, time.GetUtcNow(), cancellationToken) >= RewardGrants.RetryBatch; round++)
        {
        }
    }
}
