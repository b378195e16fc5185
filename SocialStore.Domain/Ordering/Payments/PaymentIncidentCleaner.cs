using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>Settings of the "Payments:Incidents" section: how many refused callbacks are kept, and for how long.</summary>
public sealed class PaymentIncidentOptions
{
    public const string Section = "Payments:Incidents";

    public bool Enabled { get; set; } = true;

    /// <summary>Incidents older than this many days are deleted (default 90).</summary>
    public int MaxAgeDays { get; set; } = 90;

    /// <summary>Per source (remote address; incidents without one count as one source) only the newest this many are kept (default 100).</summary>
    public int KeepPerSource { get; set; } = 100;

    /// <summary>How often the table is trimmed (default every 10 minutes).</summary>
    public int SweepMinutes { get; set; } = 10;

    /// <summary>At most this many incidents are deleted per rule per round (default 1,000); the rest wait for the next round.</summary>
    public int BatchSize { get; set; } = 1000;
}

/// <summary>
/// Keeps <see cref="PaymentIncident"/> bounded: a flood of refused callbacks (each up to 2,000 characters of body)
/// from one address cannot grow the table without end. Each delete is by a list of ids with the rule repeated
/// in its WHERE (still too old; still behind <see cref="PaymentIncidentOptions.KeepPerSource"/> newer ones from
/// the same source), so two nodes trimming at once delete each row at most once and never one of the newest.
/// </summary>
public sealed class PaymentIncidentCleaner(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<PaymentIncidentOptions> options, ILogger<PaymentIncidentCleaner>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<PaymentIncidentCleaner>.Instance;

    /// <summary>Deletes at most one batch of aged-out and one batch of over-the-cap incidents; returns how many it deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var batch = Math.Max(1, settings.BatchSize);
        var keep = Math.Max(1, settings.KeepPerSource);
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, settings.MaxAgeDays));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var aged = await db.PaymentIncidents.Where(i => i.ReceivedAt < cutoff).OrderBy(i => i.Id)
            .Select(i => i.Id).Take(batch).ToListAsync(cancellationToken);
        var deletedAged = aged.Count == 0 ? 0 : await db.PaymentIncidents
            .Where(i => aged.Contains(i.Id) && i.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);

        var crowded = await db.PaymentIncidents.GroupBy(i => i.RemoteAddress).Where(g => g.Count() > keep)
            .Select(g => g.Key).ToListAsync(cancellationToken);
        var deletedOverCap = 0;
        foreach (var source in crowded)
        {
            if (deletedOverCap >= batch) break;
            var extra = await db.PaymentIncidents.Where(i => i.RemoteAddress == source)
                .OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id).Skip(keep)
                .Select(i => i.Id).Take(batch - deletedOverCap).ToListAsync(cancellationToken);
            if (extra.Count == 0) continue;
            deletedOverCap += await db.PaymentIncidents
                .Where(i => extra.Contains(i.Id)
                    && db.PaymentIncidents.Count(n => n.RemoteAddress == i.RemoteAddress
                        && (n.ReceivedAt > i.ReceivedAt || (n.ReceivedAt == i.ReceivedAt && n.Id > i.Id))) >= keep)
                .ExecuteDeleteAsync(cancellationToken);
        }

        if (deletedAged + deletedOverCap > 0)
            logger.LogInformation("Deleted {Aged} payment incidents older than {Cutoff} and {OverCap} beyond the newest {Keep} per source",
                deletedAged, cutoff, deletedOverCap, keep);
        return deletedAged + deletedOverCap;
    }
}

/// <summary>Runs <see cref="PaymentIncidentCleaner"/> at start-up and then every <see cref="PaymentIncidentOptions.SweepMinutes"/>.</summary>
public sealed class PaymentIncidentWorker(PaymentIncidentCleaner cleaner, TimeProvider clock, IOptions<PaymentIncidentOptions> options, ILogger<PaymentIncidentWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes));

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => cleaner.SweepAsync(cancellationToken);
}
