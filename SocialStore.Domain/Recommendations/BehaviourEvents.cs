using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Recommendations;

public sealed class BehaviourEventOptions
{
    public const string Section = "Recommendations:Events";

    public bool Enabled { get; set; } = true;

    /// <summary>A view (or product view) by one client of one item counts once in this window, however often it is sent.</summary>
    public int DwellWindowMinutes { get; set; } = 30;

    /// <summary>Events older than this are deleted by <see cref="BehaviourEventCleaner"/>.</summary>
    public int RetentionDays { get; set; } = 180;

    public int BatchSize { get; set; } = 500;

    public int FlushMilliseconds { get; set; } = 1000;

    /// <summary>Events beyond this many waiting are dropped (counted in <see cref="BehaviourEventSink.Dropped"/>), never block a page.</summary>
    public int QueueCapacity { get; set; } = 100_000;

    public int SweepMinutes { get; set; } = 60;
}

/// <summary>
/// Where pages and services drop behaviour events: an in-memory channel, no database work on the caller's path
/// (ADR-045 §1). Views are de-duplicated per client, item and <see cref="BehaviourEventOptions.DwellWindowMinutes"/>
/// window before they enter the queue, so a client replaying a view a thousand times a second costs one row.
/// </summary>
public sealed class BehaviourEventSink(TimeProvider clock, IOptions<BehaviourEventOptions> options)
{
    public const int MaxDwellMs = 30 * 60 * 1000;

    private readonly Channel<BehaviourEvent> channel = Channel.CreateBounded<BehaviourEvent>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ConcurrentDictionary<string, DateTimeOffset> lastSeen = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, DateTimeOffset> personalChanges = new(StringComparer.Ordinal);

    private long dropped;

    public long Dropped => Interlocked.Read(ref dropped);

    internal ChannelReader<BehaviourEvent> Reader => channel.Reader;

    public static string ClientKeyFor(string? userId, string? clientAddress) =>
        userId is not null ? Truncate("u:" + userId) : Truncate("c:" + (clientAddress ?? "?"));

    /// <summary>Queues an event; false when it was a repeat within the window (views) or the queue is full.</summary>
    public bool Record(BehaviourKind kind, string? userId, string clientKey, long? noteId = null, long? productId = null, int dwellMs = 0)
    {
        var now = clock.GetUtcNow();
        // A like, collect or comment changes the person's interests: their precomputed candidates are stale from now (ADR-053).
        if (userId is not null && kind is BehaviourKind.Like or BehaviourKind.Collect or BehaviourKind.Comment) personalChanges[userId] = now;
        if (!options.Value.Enabled) return false;
        if (kind is BehaviourKind.View or BehaviourKind.ProductView or BehaviourKind.ProductClick)
        {
            var key = $"{clientKey}|{kind}|{noteId}|{productId}";
            var window = TimeSpan.FromMinutes(Math.Max(1, options.Value.DwellWindowMinutes));
            var accepted = false;
            lastSeen.AddOrUpdate(key, _ => { accepted = true; return now; }, (_, seen) =>
            {
                if (now - seen < window) { accepted = false; return seen; }
                accepted = true;
                return now;
            });
            if (!accepted) return false;
        }
        var written = channel.Writer.TryWrite(new BehaviourEvent
        {
            Kind = kind,
            UserId = userId,
            ClientKey = Truncate(clientKey),
            NoteId = noteId,
            ProductId = productId,
            DwellMs = Math.Clamp(dwellMs, 0, MaxDwellMs),
            OccurredAt = now,
        });
        if (!written) Interlocked.Increment(ref dropped);
        return written;
    }

    /// <summary>When this process last saw the person like, collect or comment (null: not in the last <see cref="PersonalChangeMemory"/>).</summary>
    public DateTimeOffset? PersonalChangeAt(string userId) => personalChanges.TryGetValue(userId, out var at) ? at : null;

    /// <summary>How long <see cref="PersonalChangeAt"/> remembers a change (longer than any candidate set's age).</summary>
    public static readonly TimeSpan PersonalChangeMemory = TimeSpan.FromHours(2);

    /// <summary>Forgets de-duplication keys whose window has passed (called by the writer), so memory stays bounded.</summary>
    internal void Prune()
    {
        var now = clock.GetUtcNow();
        var cutoff = now - TimeSpan.FromMinutes(Math.Max(1, options.Value.DwellWindowMinutes));
        foreach (var (key, seen) in lastSeen)
            if (seen <= cutoff) lastSeen.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, seen));
        foreach (var (key, at) in personalChanges)
            if (at <= now - PersonalChangeMemory) personalChanges.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, at));
    }

    private static string Truncate(string key) => key.Length <= BehaviourEvent.ClientKeyMaxLength ? key : key[..BehaviourEvent.ClientKeyMaxLength];
}

/// <summary>Writes queued events in batches of up to <see cref="BehaviourEventOptions.BatchSize"/>, one INSERT round per batch.</summary>
public sealed class BehaviourEventWriter(
    BehaviourEventSink sink, IDbContextFactory<SocialStoreDbContext> dbFactory, IOptions<BehaviourEventOptions> options, ILogger<BehaviourEventWriter> logger)
    : BackgroundService
{
    /// <summary>Writes everything queued now; returns how many rows were written. The worker calls it in a loop; tests call it to flush.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var batch = new List<BehaviourEvent>();
        while (true)
        {
            batch.Clear();
            while (batch.Count < Math.Max(1, options.Value.BatchSize) && sink.Reader.TryRead(out var e)) batch.Add(e);
            if (batch.Count == 0) return total;
            await WriteAsync(batch, cancellationToken);
            total += batch.Count;
        }
    }

    private async Task WriteAsync(List<BehaviourEvent> batch, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = batch.Where(e => e.UserId is not null).Select(e => e.UserId!).Distinct().ToList();
        // Consent is read once per batch: the switch's state within a second of the event.
        var optedOut = users.Count == 0
            ? []
            : (await db.PersonalisationSettings.Where(s => users.Contains(s.UserId) && !s.Enabled).Select(s => s.UserId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var e in batch) e.Personalised = e.UserId is not null && !optedOut.Contains(e.UserId);
        db.BehaviourEvents.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await Task.Yield();
        var lastPrune = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await sink.Reader.WaitToReadAsync(stoppingToken)) return;
                // Let a batch gather instead of writing each event as it comes.
                await Task.Delay(Math.Max(10, options.Value.FlushMilliseconds), stoppingToken);
                await DrainAsync(stoppingToken);
                if (DateTime.UtcNow - lastPrune > TimeSpan.FromMinutes(1))
                {
                    sink.Prune();
                    lastPrune = DateTime.UtcNow;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Writing behaviour events failed; the batch is lost");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await DrainAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or OperationCanceledException)
        {
            logger.LogWarning(ex, "Behaviour events still queued at shutdown were not written");
        }
    }
}

/// <summary>Deletes events older than <see cref="BehaviourEventOptions.RetentionDays"/> in bounded batches (ADR-032's pattern).</summary>
public sealed class BehaviourEventCleaner(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<BehaviourEventOptions> options)
{
    public const int BatchSize = 5000;

    /// <summary>One round: deletes up to <see cref="BatchSize"/> expired events per statement until none is left; returns the count.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, options.Value.RetentionDays));
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await db.BehaviourEvents.Where(e => e.OccurredAt < cutoff).OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0) return total;
            total += await db.BehaviourEvents.Where(e => ids.Contains(e.Id) && e.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            if (ids.Count < BatchSize) return total;
        }
    }
}

public sealed class BehaviourEventCleanupWorker(BehaviourEventCleaner cleaner, TimeProvider clock, IOptions<BehaviourEventOptions> options, ILogger<BehaviourEventCleanupWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes));

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var deleted = await cleaner.SweepAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} behaviour events past retention", deleted);
    }
}
