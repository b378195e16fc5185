using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Recommendations;

/// <summary>The trending pool shared by every reader of this process: the best published notes by hot score, with their cards.</summary>
public sealed record TrendingSnapshot(DateTimeOffset LoadedAt, IReadOnlyList<Candidate> Pool)
{
    public IReadOnlyList<long> Ids { get; } = Pool.Select(c => c.Card.Id).ToList();
}

/// <summary>
/// Process-wide cards of the personal Discover (ADR-060): the trending pool is the same for everyone, so it is read once per
/// <see cref="TrendingTtl"/> for the whole process, not once per person; the cards (title, cover, author, counts, topics,
/// engagement) of candidate notes are kept for <see cref="CardTtl"/> so a person's page reads only ids from the database and
/// at most one query for the cards nobody asked for recently. What must be exact per person — published, not theirs, not
/// liked or collected by them — is still decided by the person's own indexed query on every page; only counts may lag.
/// Time is the injected clock's, so tests move it.
/// </summary>
public sealed class DiscoverCards(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How long the shared trending pool is used before one request reloads it.</summary>
    public static readonly TimeSpan TrendingTtl = TimeSpan.FromSeconds(10);

    /// <summary>How long a note's card (counts included) is reused.</summary>
    public static readonly TimeSpan CardTtl = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The shared pool is larger than a person's trending pool (<see cref="PersonalFeedQueries.TrendingPool"/>): the person's
    /// own, liked and collected notes are removed from it before the first 200 are taken.
    /// </summary>
    public const int SharedTrendingPool = 400;

    /// <summary>Above this many cached cards the cache starts over (bounded memory).</summary>
    public const int MaxCards = 50_000;

    private readonly SemaphoreSlim reload = new(1, 1);
    private readonly ConcurrentDictionary<long, (Candidate Card, DateTimeOffset LoadedAt)> cards = new();
    private volatile TrendingSnapshot? trending;

    private bool Fresh(DateTimeOffset loadedAt, TimeSpan ttl, DateTimeOffset now) => now >= loadedAt && now - loadedAt < ttl;

    /// <summary>The shared trending pool: no query while it is fresh; one request reloads it, the others keep the old one meanwhile.</summary>
    public async Task<TrendingSnapshot> TrendingAsync(CancellationToken cancellationToken)
    {
        var current = trending;
        if (current is not null && Fresh(current.LoadedAt, TrendingTtl, clock.GetUtcNow())) return current;
        if (current is not null)
        {
            if (!reload.Wait(0)) return current;
        }
        else
        {
            await reload.WaitAsync(cancellationToken);
        }
        try
        {
            current = trending;
            var now = clock.GetUtcNow();
            if (current is not null && Fresh(current.LoadedAt, TrendingTtl, now)) return current;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pool = await Project(db.Notes.AsNoTracking().Where(n => n.Status == NoteStatus.Published)
                    .OrderByDescending(n => n.HotScore).ThenByDescending(n => n.Id).Take(SharedTrendingPool))
                .ToListAsync(cancellationToken);
            var snapshot = new TrendingSnapshot(now, pool);
            Remember(pool, now);
            // An empty pool (a new site) is not kept: its first notes are trending at once, and the query is trivial then.
            trending = pool.Count == 0 ? null : snapshot;
            return snapshot;
        }
        finally
        {
            reload.Release();
        }
    }

    /// <summary>The cards of these notes, from the cache when fresh, the rest in one query (missing notes are left out).</summary>
    public async Task<Dictionary<long, Candidate>> CardsAsync(SocialStoreDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = new Dictionary<long, Candidate>(ids.Count);
        var missing = new List<long>();
        foreach (var id in ids)
        {
            if (cards.TryGetValue(id, out var hit) && Fresh(hit.LoadedAt, CardTtl, now)) found[id] = hit.Card;
            else missing.Add(id);
        }
        if (missing.Count == 0) return found;
        var loaded = await Project(db.Notes.AsNoTracking().Where(n => missing.Contains(n.Id))).ToListAsync(cancellationToken);
        Remember(loaded, now);
        foreach (var card in loaded) found[card.Card.Id] = card;
        return found;
    }

    /// <summary>Forgets everything (tests and benchmarks that measure the uncached path).</summary>
    public void Clear()
    {
        cards.Clear();
        trending = null;
    }

    private void Remember(IEnumerable<Candidate> loaded, DateTimeOffset now)
    {
        if (cards.Count > MaxCards) cards.Clear();
        foreach (var card in loaded) cards[card.Card.Id] = (card, now);
    }

    internal static IQueryable<Candidate> Project(IQueryable<Note> notes) => notes.Select(n => new Candidate(
        new NoteCard(n.Id, n.Title, n.CoverKey, n.CoverWidth, n.CoverHeight, n.LikeCount, n.CreatedAt, n.Author!.Handle, n.Author.DisplayName, n.Author.AvatarKey),
        n.AuthorId,
        n.Topics.Select(t => t.TopicId).ToList(),
        n.LikeCount + 2.0 * n.CollectCount + 3.0 * n.CommentCount + 4.0 * n.ShareCount));
}
