using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Recommendations;

/// <summary>A page of the personal feed: cards with their reasons, and the offset of the next page.</summary>
public sealed record PersonalFeedPage(IReadOnlyList<PersonalCard> Items, string? NextCursor);

/// <summary>
/// Discover for a signed-in person (ADR-045 §2, ADR-053, ADR-060). With personalisation off it is exactly <see cref="FeedQueries.DiscoverAsync"/>
/// (the caller shows that instead). With it on: candidates from follows, topic affinity, co-engagement and trending,
/// scored by <see cref="PersonalRanking"/> without the notes, topics and authors the person is not interested in.
/// The person's pool and affinity are precomputed by <see cref="PersonalCandidateStore"/>; the trending pool and the cards are
/// shared by the whole process (<see cref="DiscoverCards"/>); a page reads the affinity, the people they follow and the ids of
/// their open candidates (three indexed queries, plus one for cards not cached), and the ranked list is kept for the next pages
/// while nothing the person did, their set or the trending pool changed.
/// </summary>
public sealed class PersonalFeedQueries(
    IDbContextFactory<SocialStoreDbContext> dbFactory, PersonalisationService personalisation, TimeProvider clock, PersonalCandidateStore candidates,
    DiscoverCards cards, IMemoryCache pageCache, BehaviourEventSink? sink = null)
{
    public const int TrendingPool = 200;
    public const int PersonalPool = 300;
    public const int MaxOffset = 1000;

    /// <summary>How many ranked cards of a person are kept for their next pages (three pages of 20 and a half).</summary>
    public const int CachedItems = 70;

    /// <summary>A person's ranked list as of one state, one trending snapshot and one moment.</summary>
    private sealed record RankedList(RecommendationState State, TrendingSnapshot Trending, DateTimeOffset ComputedAt, IReadOnlyList<Ranked> Items, int Total);

    private static string PageKey(string userId, int pageSize) => "recs:page:" + pageSize.ToString(CultureInfo.InvariantCulture) + ":" + userId;

    /// <summary>The personal page, or null when the person switched personalisation off (show the anonymous Discover then).</summary>
    public async Task<PersonalFeedPage?> DiscoverAsync(string userId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var state = await personalisation.StateAsync(userId, cancellationToken);
        if (!state.Enabled) return null;
        pageSize = Math.Clamp(pageSize, 1, 60);
        var offset = ParseCursor(cursor);
        var now = clock.GetUtcNow();
        var trending = await cards.TrendingAsync(cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var refilled = await candidates.EnsureFreshAsync(db, userId, state, cancellationToken);
        var key = PageKey(userId, pageSize);
        // The kept list is used only with the very same state object (every "not interested", deleted interest tag or switch
        // evicts the state, so the next request gets a new one), the same trending snapshot, no refill and no like, collect or
        // comment of the person since it was ranked.
        if (!refilled && pageCache.TryGetValue(key, out RankedList? kept) && kept is not null
            && ReferenceEquals(kept.State, state) && ReferenceEquals(kept.Trending, trending)
            && !(sink?.PersonalChangeAt(userId) is { } changed && changed >= kept.ComputedAt)
            && (offset + pageSize <= kept.Items.Count || kept.Items.Count == kept.Total))
            return Slice(kept.Items, kept.Total, offset, pageSize);

        // "Not interested" and deleted interests are applied here, at read time: effective on the very next request.
        var affinity = (await PersonalCandidateStore.AffinityAsync(db, userId, cancellationToken))
            .Where(t => !state.RemovedInterests.Contains(t.TopicId) && !state.HiddenTopics.Contains(t.TopicId)).Take(20).ToList();
        var followees = await db.Follows.Where(f => f.FollowerId == userId).Select(f => f.FolloweeId).Take(500).ToListAsync(cancellationToken);
        // One read decides, for this person and now, which candidates are open — driven by keys only (the person's candidate
        // rows; the shared pool's ids against the person's likes, collects and the notes' status), never a scan of notes.
        var open = OpenNotes(db, userId);
        var trendingIds = trending.Ids;
        var fromSet = db.PersonalCandidates.Where(c => c.UserId == userId)
            .Join(open, c => c.NoteId, n => n.Id, (c, n) => new { NoteId = c.NoteId, c.Similar, Trending = false });
        var likedTrending = db.NoteLikes.Where(l => l.UserId == userId && trendingIds.Contains(l.NoteId)).Select(l => new { l.NoteId, Similar = 0.0, Trending = true });
        var collectedTrending = db.Collects.Where(c => c.UserId == userId && trendingIds.Contains(c.NoteId)).Select(c => new { c.NoteId, Similar = 0.0, Trending = true });
        var goneTrending = db.Notes.Where(n => trendingIds.Contains(n.Id) && n.Status != NoteStatus.Published).Select(n => new { NoteId = n.Id, Similar = 0.0, Trending = true });
        var rows = await fromSet.Concat(likedTrending).Concat(collectedTrending).Concat(goneTrending).ToListAsync(cancellationToken);

        var excluded = rows.Where(r => r.Trending).Select(r => r.NoteId).ToHashSet();
        var pool = trending.Pool.Where(c => c.AuthorId != userId && !excluded.Contains(c.Card.Id)).Take(TrendingPool).ToList();
        var setRows = rows.Where(r => !r.Trending).ToList();
        var setCards = await cards.CardsAsync(db, setRows.Select(r => r.NoteId).ToList(), cancellationToken);
        pool.AddRange(setRows.Select(r => setCards.GetValueOrDefault(r.NoteId)).OfType<Candidate>());
        var similar = setRows.Where(r => r.Similar > 0).ToDictionary(r => r.NoteId, r => r.Similar);

        var ranked = RankedPage(pool, state, affinity, followees, similar, now, pageSize);
        pageCache.Set(key, new RankedList(state, trending, now, ranked.Take(CachedItems).ToList(), ranked.Count),
            new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = DiscoverCards.TrendingTtl, Size = 1 });
        return Slice(ranked, ranked.Count, offset, pageSize);
    }

    /// <summary>Drops the person's kept ranked list for this page size (tests that count the queries of a first page).</summary>
    internal void ForgetKeptList(string userId, int pageSize) => pageCache.Remove(PageKey(userId, pageSize));

    /// <summary>
    /// The page from the precomputed set without the shared cards and the kept list (ADR-053's path): the "before" of the
    /// benchmark.
    /// </summary>
    internal async Task<PersonalFeedPage?> DiscoverPrecomputedAsync(string userId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var state = await personalisation.StateAsync(userId, cancellationToken);
        if (!state.Enabled) return null;
        var now = clock.GetUtcNow();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await candidates.EnsureFreshAsync(db, userId, state, cancellationToken);
        var affinity = (await PersonalCandidateStore.AffinityAsync(db, userId, cancellationToken))
            .Where(t => !state.RemovedInterests.Contains(t.TopicId) && !state.HiddenTopics.Contains(t.TopicId)).Take(20).ToList();
        var followees = await db.Follows.Where(f => f.FollowerId == userId).Select(f => f.FolloweeId).Take(500).ToListAsync(cancellationToken);
        var open = OpenNotes(db, userId);
        var trending = await Project(open.OrderByDescending(n => n.HotScore).ThenByDescending(n => n.Id).Take(TrendingPool)).ToListAsync(cancellationToken);
        var stored = await db.PersonalCandidates.AsNoTracking().Where(c => c.UserId == userId)
            .Join(open, c => c.NoteId, n => n.Id, (c, n) => new { Note = n, c.Similar })
            .Select(x => new
            {
                Candidate = new Candidate(
                    new NoteCard(x.Note.Id, x.Note.Title, x.Note.CoverKey, x.Note.CoverWidth, x.Note.CoverHeight, x.Note.LikeCount, x.Note.CreatedAt,
                        x.Note.Author!.Handle, x.Note.Author.DisplayName, x.Note.Author.AvatarKey),
                    x.Note.AuthorId,
                    x.Note.Topics.Select(t => t.TopicId).ToList(),
                    x.Note.LikeCount + 2.0 * x.Note.CollectCount + 3.0 * x.Note.CommentCount + 4.0 * x.Note.ShareCount),
                x.Similar,
            })
            .ToListAsync(cancellationToken);
        var similar = stored.Where(s => s.Similar > 0).ToDictionary(s => s.Candidate.Card.Id, s => s.Similar);
        return Page(trending.Concat(stored.Select(s => s.Candidate)), state, affinity, followees, similar, now, cursor, pageSize);
    }

    /// <summary>
    /// The same page computed from scratch, without the precomputed set (ADR-045's original path): the reference the
    /// precomputed path is tested against, and the "before" of the benchmark.
    /// </summary>
    internal async Task<PersonalFeedPage?> DiscoverLiveAsync(string userId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var state = await personalisation.StateAsync(userId, cancellationToken);
        if (!state.Enabled) return null;
        var now = clock.GetUtcNow();
        var since = now - PersonalisationService.InterestWindow;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await PersonalisationService.TopicAffinityAsync(db, userId, since, cancellationToken);
        var affinity = all.Where(t => !state.RemovedInterests.Contains(t.TopicId) && !state.HiddenTopics.Contains(t.TopicId)).Take(20).ToList();
        var followees = await db.Follows.Where(f => f.FollowerId == userId).Select(f => f.FolloweeId).Take(500).ToListAsync(cancellationToken);
        var pool = await PersonalPoolAsync(db, userId, state, all, since, cancellationToken);
        var open = OpenNotes(db, userId);
        var trending = await Project(open.OrderByDescending(n => n.HotScore).ThenByDescending(n => n.Id).Take(TrendingPool)).ToListAsync(cancellationToken);
        var poolIds = pool.Select(p => p.NoteId).ToList();
        var personal = poolIds.Count == 0 ? [] : await Project(open.Where(n => poolIds.Contains(n.Id))).ToListAsync(cancellationToken);
        var similar = pool.Where(p => p.Similar > 0).ToDictionary(p => p.NoteId, p => p.Similar);
        return Page(trending.Concat(personal), state, affinity, followees, similar, now, cursor, pageSize);
    }

    private static PersonalFeedPage Page(IEnumerable<Candidate> pool, RecommendationState state, IReadOnlyList<InterestTag> affinity, IReadOnlyList<string> followees,
        IReadOnlyDictionary<long, double> similar, DateTimeOffset now, string? cursor, int pageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, 60);
        var diversified = RankedPage(pool, state, affinity, followees, similar, now, pageSize);
        return Slice(diversified, diversified.Count, ParseCursor(cursor), pageSize);
    }

    /// <summary>The candidates without what the person is not interested in, scored, sorted and diversified page by page.</summary>
    private static List<Ranked> RankedPage(IEnumerable<Candidate> pool, RecommendationState state, IReadOnlyList<InterestTag> affinity, IReadOnlyList<string> followees,
        IReadOnlyDictionary<long, double> similar, DateTimeOffset now, int pageSize)
    {
        var candidates = pool.DistinctBy(c => c.Card.Id)
            .Where(c => !state.HiddenNotes.Contains(c.Card.Id) && !state.HiddenAuthors.Contains(c.AuthorId) && !c.TopicIds.Any(state.HiddenTopics.Contains))
            .ToList();
        var ranked = Rank(candidates, affinity, followees.ToHashSet(StringComparer.Ordinal), similar, now);
        return PersonalRanking.Diversify(ranked, r => r.AuthorId, r => r.TopicIds, pageSize).ToList();
    }

    private static PersonalFeedPage Slice(IReadOnlyList<Ranked> diversified, int total, int offset, int pageSize)
    {
        var items = diversified.Skip(offset).Take(pageSize).Select(r => r.Card).ToList();
        var next = offset + pageSize < total && offset + pageSize <= MaxOffset
            ? "o" + (offset + pageSize).ToString(CultureInfo.InvariantCulture)
            : null;
        return new PersonalFeedPage(items, next);
    }

    /// <summary>Published notes the person did not write and has not liked or collected.</summary>
    private static IQueryable<Note> OpenNotes(SocialStoreDbContext db, string userId) =>
        db.Notes.AsNoTracking().Where(n => n.Status == NoteStatus.Published && n.AuthorId != userId
            && !db.NoteLikes.Any(l => l.UserId == userId && l.NoteId == n.Id)
            && !db.Collects.Any(c => c.UserId == userId && c.NoteId == n.Id));

    /// <summary>
    /// The person's pool: the newest <see cref="PersonalPool"/> open notes by people they follow, in their 20 strongest
    /// interest topics (without removed or hidden ones) or co-engaged with their recent likes, each with its co-engagement term.
    /// Three queries (follows, co-engagement, the pool).
    /// </summary>
    internal static async Task<List<(long NoteId, double Similar)>> PersonalPoolAsync(SocialStoreDbContext db, string userId, RecommendationState state,
        IReadOnlyList<InterestTag> allAffinity, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var topicIds = allAffinity.Where(t => !state.RemovedInterests.Contains(t.TopicId) && !state.HiddenTopics.Contains(t.TopicId)).Take(20).Select(a => a.TopicId).ToList();
        var followees = await db.Follows.Where(f => f.FollowerId == userId).Select(f => f.FolloweeId).Take(500).ToListAsync(cancellationToken);
        var similar = await CoEngagementAsync(db, userId, since, cancellationToken);
        var similarIds = similar.Keys.ToList();
        if (topicIds.Count + followees.Count + similarIds.Count == 0) return [];
        var ids = await OpenNotes(db, userId)
            .Where(n => followees.Contains(n.AuthorId) || similarIds.Contains(n.Id) || n.Topics.Any(t => topicIds.Contains(t.TopicId)))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PersonalPool)
            .Select(n => n.Id)
            .ToListAsync(cancellationToken);
        return ids.Select(id => (id, similar.GetValueOrDefault(id))).ToList();
    }

    internal sealed record Ranked(PersonalCard Card, string AuthorId, IReadOnlyList<int> TopicIds);

    /// <summary>Scores the candidates and sorts them, best first (ties: newer id first).</summary>
    internal static List<Ranked> Rank(IReadOnlyList<Candidate> candidates, IReadOnlyList<InterestTag> affinity, IReadOnlySet<string> followees,
        IReadOnlyDictionary<long, double> similar, DateTimeOffset now)
    {
        var strongest = affinity.Count == 0 ? 0 : affinity.Max(a => a.Count);
        var topics = affinity.ToDictionary(a => a.TopicId);
        var maxEngagement = candidates.Count == 0 ? 0 : candidates.Max(c => c.Engagement);
        return candidates.Select(c =>
            {
                var best = c.TopicIds.Where(topics.ContainsKey).Select(t => topics[t]).MaxBy(t => t.Count);
                var terms = PersonalRanking.Terms(
                    followees.Contains(c.AuthorId),
                    best is null || strongest == 0 ? 0 : (double)best.Count / strongest,
                    similar.GetValueOrDefault(c.Card.Id),
                    c.Engagement, maxEngagement);
                var reason = terms.Largest;
                var subject = reason switch
                {
                    ReasonKind.Follow => c.Card.AuthorName,
                    ReasonKind.Topic => best?.Name,
                    _ => null,
                };
                var topicId = reason == ReasonKind.Topic ? best?.TopicId : null;
                return new Ranked(new PersonalCard(c.Card, reason, subject, topicId, c.AuthorId, PersonalRanking.Score(terms, now - c.Card.CreatedAt)), c.AuthorId, c.TopicIds);
            })
            .OrderByDescending(r => r.Card.Score).ThenByDescending(r => r.Card.Card.Id)
            .ToList();
    }

    /// <summary>Co-engagement looks at the person's most recent likes and at most this many people who share them (bounded work per page).</summary>
    public const int SeedLikes = 20;
    public const int Peers = 100;

    /// <summary>
    /// "People who liked this also liked": notes liked by people who liked one of the person's <see cref="SeedLikes"/> most
    /// recent likes (at most <see cref="Peers"/> of them, the most recent), by how many of them, relative to the most shared
    /// note (0–1). One query.
    /// </summary>
    private static async Task<Dictionary<long, double>> CoEngagementAsync(SocialStoreDbContext db, string userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var seeds = db.NoteLikes.Where(l => l.UserId == userId && l.CreatedAt >= since)
            .OrderByDescending(l => l.CreatedAt).Select(l => l.NoteId).Take(SeedLikes);
        var peers = db.NoteLikes.Where(l => l.UserId != userId && seeds.Contains(l.NoteId))
            .OrderByDescending(l => l.CreatedAt).Select(l => l.UserId).Distinct().Take(Peers);
        var rows = await db.NoteLikes
            .Where(l => peers.Contains(l.UserId) && l.CreatedAt >= since && !seeds.Contains(l.NoteId))
            .GroupBy(l => l.NoteId)
            .Select(g => new { NoteId = g.Key, Count = g.Count() })
            .OrderByDescending(x => x.Count).ThenByDescending(x => x.NoteId)
            .Take(200)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return [];
        double max = rows[0].Count;
        return rows.ToDictionary(r => r.NoteId, r => r.Count / max);
    }

    private static IQueryable<Candidate> Project(IQueryable<Note> notes) => DiscoverCards.Project(notes);

    /// <summary>"o{offset}"; anything else (including an anonymous Discover cursor) means the first page.</summary>
    public static int ParseCursor(string? cursor) =>
        cursor is { Length: > 1 and < 8 } && cursor[0] == 'o'
        && int.TryParse(cursor.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var o) && o >= 0 && o <= MaxOffset
            ? o
            : 0;
}
