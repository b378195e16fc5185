using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Media;

/// <summary>
/// A stored image whose files are to be deleted: written in the same transaction that removed the last row using
/// it, deleted once the files are gone (ADR-064). A row that outlives its transaction by minutes means the process
/// stopped between the commit and the file deletion; the abandoned-upload sweep finishes it.
/// </summary>
public class PendingFileDeletion
{
    public long Id { get; set; }

    public string StorageKey { get; set; } = "";

    public DateTimeOffset QueuedAt { get; set; }
}

public sealed class PendingFileDeletionConfiguration : IEntityTypeConfiguration<PendingFileDeletion>
{
    public void Configure(EntityTypeBuilder<PendingFileDeletion> builder)
    {
        builder.ToTable("PendingFileDeletions");
        builder.Property(d => d.StorageKey).HasMaxLength(MediaUpload.KeyMaxLength).IsRequired();
        builder.HasIndex(d => d.QueuedAt);
    }
}

/// <summary>
/// Files are deleted only after the transaction that let go of them commits: <see cref="Queue"/> inside it,
/// <see cref="DeleteAsync"/> after it, <see cref="SweepAsync"/> for what a crash in between left behind.
/// </summary>
public sealed class FileDeletions(IDbContextFactory<SocialStoreDbContext> dbFactory, ImagePipeline images, ILogger<FileDeletions>? logger = null)
{
    /// <summary>A pending row older than this is a crash's leftover, not a deletion under way.</summary>
    public static readonly TimeSpan LeftoverAfter = TimeSpan.FromMinutes(10);

    private readonly ILogger logger = logger ?? NullLogger<FileDeletions>.Instance;

    /// <summary>Inside the caller's transaction (saved with its next SaveChanges): these keys' files go after the commit.</summary>
    public static void Queue(SocialStoreDbContext db, IEnumerable<string> keys, DateTimeOffset now)
    {
        foreach (var key in keys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal))
            db.Add(new PendingFileDeletion { StorageKey = key, QueuedAt = now });
    }

    /// <summary>After the commit: deletes the files, then their pending rows. A file that cannot be deleted keeps its row for the sweep.</summary>
    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var done = new List<string>(keys.Count);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await images.DeleteAsync(key, cancellationToken);
                done.Add(key);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Could not delete the files of {Key}; the sweep tries again", key);
            }
        }
        if (done.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.PendingFileDeletions.Where(d => done.Contains(d.StorageKey)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Finishes deletions queued before <paramref name="queuedBefore"/> (a crash between commit and delete); returns how many keys.</summary>
    public async Task<int> SweepAsync(DateTimeOffset queuedBefore, int batchSize, CancellationToken cancellationToken)
    {
        List<string> keys;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            keys = await db.PendingFileDeletions.AsNoTracking().Where(d => d.QueuedAt < queuedBefore).OrderBy(d => d.Id)
                .Select(d => d.StorageKey).Take(Math.Max(1, batchSize)).ToListAsync(cancellationToken);
        }
        if (keys.Count == 0) return 0;
        await DeleteAsync(keys, cancellationToken);
        logger.LogInformation("Deleted the files of {Count} images left behind by an interrupted deletion", keys.Count);
        return keys.Distinct(StringComparer.Ordinal).Count();
    }
}
