using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Whether this node runs the dispatcher (a node can leave it to others; tests switch it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due rows are looked for when nobody wakes the dispatcher.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed row stays locked to its dispatcher; a node that dies holding it lets it go after this.</summary>
    public int LeaseSeconds { get; set; } = 60;
}

/// <summary>Wakes the dispatcher right after a commit that wrote outbox rows, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            if (signal.CurrentCount == 0) signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Hands due outbox rows to their handlers (ADR-019). A row is claimed by a conditional update that sets
/// <see cref="OutboxMessage.LockedUntil"/>, so two nodes never run one message at the same time; after the
/// handler it is marked processed; a failure counts the attempt, keeps the error and backs the row off.
/// A crash anywhere leaves the row unprocessed, and the lease running out hands it to the next dispatcher.
/// </summary>
public sealed class OutboxDispatcher
{
    private readonly IDbContextFactory<SocialStoreDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly OutboxOptions options;
    private readonly ILogger logger;
    private readonly Dictionary<string, IOutboxHandler> handlers;

    public OutboxDispatcher(
        IDbContextFactory<SocialStoreDbContext> dbFactory, IEnumerable<IOutboxHandler> handlers, TimeProvider clock,
        IOptions<OutboxOptions> options, ILogger<OutboxDispatcher>? logger = null)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.options = options.Value;
        this.logger = logger ?? NullLogger<OutboxDispatcher>.Instance;
        this.handlers = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: 2 s, 4 s, 8 s … at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Clamp(attempts, 1, 12))));

    /// <summary>Dispatches one batch of due rows; returns how many were looked at (a full batch means: call again).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await Due(db, now).OrderBy(m => m.Id).Select(m => m.Id).Take(options.BatchSize).ToListAsync(cancellationToken);
        }
        foreach (var id in due) await TryDispatchAsync(id, cancellationToken);
        return due.Count;
    }

    /// <summary>Claims and runs one row; false when another dispatcher holds it, it is done, or the handler failed.</summary>
    public async Task<bool> TryDispatchAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lease = now.AddSeconds(options.LeaseSeconds);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await Due(db, now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lease), cancellationToken);
        if (claimed == 0) return false;

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            if (!handlers.TryGetValue(message.Type, out var handler))
                throw new InvalidOperationException($"No outbox handler is registered for '{message.Type}'.");
            await handler.HandleAsync(message.Payload, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var error = ex.GetType().Name + ": " + ex.Message;
            if (error.Length > 1000) error = error[..1000];
            var retryAt = clock.GetUtcNow() + Backoff(attempts);
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.AvailableAt, retryAt)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            logger.LogWarning(ex, "Outbox message {Id} ({Type}) failed, attempt {Attempts}; retry at {RetryAt}", id, message.Type, attempts, retryAt);
            return false;
        }
        var done = clock.GetUtcNow();
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ProcessedAt, done)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        return true;
    }

    private static IQueryable<OutboxMessage> Due(SocialStoreDbContext db, DateTimeOffset now) =>
        db.OutboxMessages.Where(m => m.ProcessedAt == null && m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now));
}

/// <summary>Runs the dispatcher: every poll interval, and at once when <see cref="OutboxSignal"/> is woken after a commit.</summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, settings.PollMilliseconds));
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await dispatcher.DispatchDueAsync(stoppingToken) >= settings.BatchSize && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly away; the rows wait for the next round.
                logger.LogWarning(ex, "Outbox dispatch round failed");
            }
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
