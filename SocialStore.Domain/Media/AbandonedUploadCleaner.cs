using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Media;

/// <summary>Settings of the "Media:AbandonedUploads" section.</summary>
public sealed class AbandonedUploadOptions
{
    public const string Section = "Media:AbandonedUploads";

    public bool Enabled { get; set; } = true;

    /// <summary>An upload no note refers to this many hours after it was made is deleted (default 24).</summary>
    public int MaxAgeHours { get; set; } = 24;

    public int SweepMinutes { get; set; } = 60;

    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Records the composer's uploads and deletes the ones left behind (issue 11 §2, ADR-051): an upload older than
/// <see cref="AbandonedUploadOptions.MaxAgeHours"/> that no note (published, draft or deleted — a moderator can
/// restore one) refers to loses its files; every due row is removed, attached or not, so the table holds only the
/// last day's uploads.
/// </summary>
public sealed class AbandonedUploadCleaner(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<AbandonedUploadOptions> options, ImagePipeline images,
    Limits.ActionLimiter limiter, FileDeletions fileDeletions, ILogger<AbandonedUploadCleaner>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<AbandonedUploadCleaner>.Instance;

    /// <summary>
    /// Called right after the composer stored an upload: counts it against the uploader's limit and records it in one
    /// transaction. Over the limit, the stored files are deleted (after the rollback) and the limit's error thrown.
    /// </summary>
    public async Task RecordAsync(string uploaderId, string storageKey, CancellationToken cancellationToken)
    {
        try
        {
            await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
            {
                await limiter.TakeAsync(db, uploaderId, Limits.LimitedAction.Upload, ct);
                db.MediaUploads.Add(new MediaUpload { UploaderId = uploaderId, StorageKey = storageKey, UploadedAt = clock.GetUtcNow() });
                await db.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
        }
        catch (DomainException)
        {
            await images.DeleteAsync(storageKey, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// One round; returns how many uploads had their files deleted. It first finishes deletions a crash interrupted
    /// between a commit and the file deletion (an erased account's images, an abandoned upload: ADR-064).
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var leftovers = await fileDeletions.SweepAsync(now - FileDeletions.LeftoverAfter, Math.Max(1, settings.BatchSize), cancellationToken);
        var cutoff = now - TimeSpan.FromHours(Math.Max(1, settings.MaxAgeHours));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.MediaUploads.AsNoTracking().Where(u => u.UploadedAt < cutoff).OrderBy(u => u.Id)
            .Take(Math.Max(1, settings.BatchSize)).Select(u => new { u.Id, u.StorageKey }).ToListAsync(cancellationToken);
        var abandoned = 0;
        foreach (var upload in due)
        {
            // Attached: the bookkeeping row goes, the files stay.
            if (await db.MediaUploads.Where(u => u.Id == upload.Id && Attached(db).Contains(u.StorageKey)).ExecuteDeleteAsync(cancellationToken) > 0) continue;
            // Abandoned: whoever deletes the row (one node only) deletes the files; the statement repeats "nothing refers to it".
            // The row goes and the deletion is queued in one transaction; the files go after the commit.
            var claimed = await DbTransactions.RunAsync(dbFactory, async (tx, ct) =>
            {
                if (await tx.MediaUploads.Where(u => u.Id == upload.Id && !Attached(tx).Contains(u.StorageKey)).ExecuteDeleteAsync(ct) == 0) return false;
                FileDeletions.Queue(tx, [upload.StorageKey], now);
                await tx.SaveChangesAsync(ct);
                return true;
            }, cancellationToken);
            if (!claimed) continue;
            await fileDeletions.DeleteAsync([upload.StorageKey], cancellationToken);
            abandoned++;
        }
        if (abandoned > 0) logger.LogInformation("Deleted the files of {Count} abandoned uploads older than {Cutoff}", abandoned, cutoff);
        return abandoned + leftovers;
    }

    private static IQueryable<string> Attached(SocialStoreDbContext db) =>
        db.NoteImages.Select(i => i.StorageKey).Concat(db.Notes.Select(n => n.CoverKey));
}

/// <summary>Runs <see cref="AbandonedUploadCleaner"/> at start-up and then every <see cref="AbandonedUploadOptions.SweepMinutes"/>.</summary>
public sealed class AbandonedUploadWorker(AbandonedUploadCleaner cleaner, TimeProvider clock, IOptions<AbandonedUploadOptions> options, ILogger<AbandonedUploadWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes));

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => cleaner.SweepAsync(cancellationToken);
}
