using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Limits;

/// <summary>
/// Deletes counter rows of windows that started more than <see cref="ActionLimitOptions.KeepHours"/> ago (longer
/// than any window), in bounded batches; the delete repeats the condition, so two nodes at once delete each row once.
/// </summary>
public sealed class ActionCounterCleaner(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<ActionLimitOptions> options, ILogger<ActionCounterCleaner>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<ActionCounterCleaner>.Instance;

    /// <summary>Deletes at most one batch of old counters; returns how many rows this call deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var longestWindow = TimeSpan.FromMinutes(Enum.GetValues<LimitedAction>().Max(a => Math.Max(1, settings.For(a).WindowMinutes)));
        var keep = TimeSpan.FromHours(Math.Max(1, settings.KeepHours));
        var cutoff = clock.GetUtcNow() - (keep > longestWindow ? keep : longestWindow);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Set<ActionCounter>().Where(c => c.WindowStart < cutoff).OrderBy(c => c.WindowStart)
            .Take(Math.Max(1, settings.BatchSize)).Select(c => new { c.Subject, c.Action, c.WindowStart }).ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;
        var deleted = 0;
        foreach (var group in due.GroupBy(d => d.WindowStart))
        {
            var subjects = group.Select(g => g.Subject).Distinct().ToList();
            deleted += await db.Set<ActionCounter>()
                .Where(c => c.WindowStart == group.Key && c.WindowStart < cutoff && subjects.Contains(c.Subject))
                .ExecuteDeleteAsync(cancellationToken);
        }
        if (deleted > 0) logger.LogInformation("Deleted {Count} action counters of windows before {Cutoff}", deleted, cutoff);
        return deleted;
    }
}

/// <summary>Runs <see cref="ActionCounterCleaner"/> at start-up and then every <see cref="ActionLimitOptions.SweepMinutes"/>.</summary>
public sealed class ActionCounterWorker(ActionCounterCleaner cleaner, TimeProvider clock, IOptions<ActionLimitOptions> options, ILogger<ActionCounterWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => options.Value.CleanerEnabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes));

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => cleaner.SweepAsync(cancellationToken);
}
