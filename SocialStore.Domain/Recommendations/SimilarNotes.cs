using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Recommendations;

/// <summary>
/// "Similar notes" (issue 16 §3, ADR-053), precomputed: <see cref="People"/> distinct people liked or collected both notes
/// (engagement a moderator discounted does not count), <see cref="SharedTopics"/> topics the two share. Only pairs with at
/// least <see cref="SimilarNotesRefresher.MinPeople"/> people are stored — shared topics order them but never make a pair.
/// </summary>
public class SimilarNote
{
    public long NoteId { get; set; }

    public long OtherNoteId { get; set; }

    public int People { get; set; }

    public int SharedTopics { get; set; }

    public double Score { get; set; }
}

public sealed class SimilarNoteConfiguration : IEntityTypeConfiguration<SimilarNote>
{
    public void Configure(EntityTypeBuilder<SimilarNote> builder)
    {
        builder.HasKey(s => new { s.NoteId, s.OtherNoteId });
    }
}

/// <summary>A card of the "similar notes" panel.</summary>
public sealed record SimilarNoteCard(NoteCard Card, int People);

/// <summary>Rebuilds <see cref="SimilarNote"/>: one read of who engaged with what, pairs counted here, the table replaced in one transaction.</summary>
public sealed class SimilarNotesRefresher(IDbContextFactory<SocialStoreDbContext> dbFactory, SimilarNotesDirectory directory)
{
    /// <summary>Fewer people in common than this is too little data: the pair is not shown (never padded).</summary>
    public const int MinPeople = 2;

    /// <summary>Similar notes kept (and shown) per note.</summary>
    public const int PerNote = 6;

    /// <summary>A person counts with their most recent this many liked or collected notes (bounds the pair count).</summary>
    public const int MaxNotesPerPerson = 100;

    /// <summary>Weight of one shared topic relative to one person in common; at most two topics count.</summary>
    public const double TopicWeight = 0.5;

    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Likes and collects a moderator discounted (ADR-047: confirmed rings and bursts) do not count; there are few of them.
        var discounted = (await Moderation.Engagement.EngagementDiscounts.Likes(db).Select(l => new { l.UserId, l.NoteId }).ToListAsync(ct))
            .Concat(await Moderation.Engagement.EngagementDiscounts.Collects(db).Select(c => new { c.UserId, c.NoteId }).ToListAsync(ct))
            .Select(x => (x.UserId, x.NoteId)).ToHashSet();
        var published = db.Notes.Where(n => n.Status == NoteStatus.Published).Select(n => n.Id);
        var likes = await db.NoteLikes.AsNoTracking().Where(l => published.Contains(l.NoteId)).Select(l => new { l.UserId, l.NoteId, l.CreatedAt }).ToListAsync(ct);
        var collects = await db.Collects.AsNoTracking().Where(c => published.Contains(c.NoteId)).Select(c => new { c.UserId, c.NoteId, c.CreatedAt }).ToListAsync(ct);
        var pairs = new Dictionary<(long, long), int>();
        foreach (var person in likes.Concat(collects).Where(e => !discounted.Contains((e.UserId, e.NoteId))).GroupBy(e => e.UserId))
        {
            var notes = person.OrderByDescending(e => e.CreatedAt).Select(e => e.NoteId).Distinct().Take(MaxNotesPerPerson).Order().ToArray();
            foreach (var a in notes)
                foreach (var b in notes)
                    if (a != b) pairs[(a, b)] = pairs.GetValueOrDefault((a, b)) + 1;
        }
        var kept = pairs.Where(p => p.Value >= MinPeople).ToList();
        var noteIds = kept.Select(p => p.Key.Item1).Distinct().ToList();
        var topics = new Dictionary<long, HashSet<int>>();
        foreach (var chunk in noteIds.Chunk(1000))
        {
            var rows = await db.NoteTopics.AsNoTracking().Where(t => chunk.Contains(t.NoteId)).Select(t => new { t.NoteId, t.TopicId }).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (!topics.TryGetValue(row.NoteId, out var set)) topics[row.NoteId] = set = [];
                set.Add(row.TopicId);
            }
        }
        int Shared(long a, long b) => topics.TryGetValue(a, out var x) && topics.TryGetValue(b, out var y) ? x.Count(y.Contains) : 0;
        var result = kept
            .Select(p => (p.Key.Item1, p.Key.Item2, People: p.Value, Topics: Shared(p.Key.Item1, p.Key.Item2)))
            .Select(p => new SimilarNote { NoteId = p.Item1, OtherNoteId = p.Item2, People = p.People, SharedTopics = p.Topics, Score = p.People + TopicWeight * Math.Min(2, p.Topics) })
            .GroupBy(s => s.NoteId)
            .SelectMany(g => g.OrderByDescending(s => s.Score).ThenByDescending(s => s.OtherNoteId).Take(PerNote))
            .ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SimilarNotes.ExecuteDeleteAsync(ct);
            db.SimilarNotes.AddRange(result);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        directory.Invalidate();
        return result.Count;
    }
}

/// <summary>Which notes have a "similar notes" list, in memory, so every other note page spends no round trip on it.</summary>
public sealed class SimilarNotesDirectory(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock) : ProductDirectory(dbFactory, clock)
{
    protected override IQueryable<long> ProductIds(SocialStoreDbContext db, DateTimeOffset now) => db.SimilarNotes.Select(s => s.NoteId);
}

public sealed class SimilarNotesQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, SimilarNotesDirectory directory)
{
    /// <summary>The published notes most engaged with by the same people; empty (and no query) when there is too little data.</summary>
    public async Task<IReadOnlyList<SimilarNoteCard>> ForNoteAsync(long noteId, CancellationToken ct)
    {
        if (!await directory.ContainsAsync(noteId, ct)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SimilarNotes.AsNoTracking().Where(s => s.NoteId == noteId)
            .Join(db.Notes.Where(n => n.Status == NoteStatus.Published), s => s.OtherNoteId, n => n.Id, (s, n) => new { s.Score, s.People, Note = n })
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Note.Id).Take(SimilarNotesRefresher.PerNote)
            .Select(x => new SimilarNoteCard(
                new NoteCard(x.Note.Id, x.Note.Title, x.Note.CoverKey, x.Note.CoverWidth, x.Note.CoverHeight, x.Note.LikeCount, x.Note.CreatedAt,
                    x.Note.Author!.Handle, x.Note.Author.DisplayName, x.Note.Author.AvatarKey),
                x.People))
            .ToListAsync(ct);
    }
}

public sealed class SimilarNotesOptions
{
    public const string Section = "Recommendations:SimilarNotes";

    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first rebuild waits this long after start, off the start-up path.</summary>
    public TimeSpan FirstRunAfter { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Rebuilds the similar-notes table <see cref="SimilarNotesOptions.FirstRunAfter"/> after start and then every <see cref="SimilarNotesOptions.RefreshEvery"/>.</summary>
public sealed class SimilarNotesWorker(IServiceProvider services, IOptions<SimilarNotesOptions> options, ILogger<SimilarNotesWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var refresher = services.GetRequiredService<SimilarNotesRefresher>();
        using var timer = new PeriodicTimer(options.Value.RefreshEvery);
        try
        {
            await Task.Delay(options.Value.FirstRunAfter, stoppingToken);
            do
            {
                try
                {
                    await refresher.RefreshAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Rebuilding the similar-notes table failed; the next run retries.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
