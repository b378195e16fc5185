using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Notes;

/// <summary>What a feed card shows: one row per note, author included, read in one query.</summary>
public sealed record NoteCard(
    long Id,
    string Title,
    string CoverKey,
    int CoverWidth,
    int CoverHeight,
    int LikeCount,
    DateTimeOffset CreatedAt,
    string AuthorHandle,
    string AuthorName,
    string? AuthorAvatarKey);

public sealed record FeedPage(IReadOnlyList<NoteCard> Items, string? NextCursor);

/// <summary>A position in a newest-first list: the last item's time and id (keyset paging, never OFFSET).</summary>
public readonly record struct FeedCursor(DateTimeOffset CreatedAt, long Id)
{
    public override string ToString() => $"{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}-{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses a cursor from a query string; anything malformed means "from the start".</summary>
    public static FeedCursor? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 40) return null;
        var parts = value.Split('-');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return null;
        return new FeedCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}

/// <summary>A position in a ranked list: the last item's score and id.</summary>
public readonly record struct RankCursor(double Score, long Id)
{
    public override string ToString() => $"{Score.ToString("R", CultureInfo.InvariantCulture)}_{Id.ToString(CultureInfo.InvariantCulture)}";

    public static RankCursor? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 60) return null;
        var parts = value.Split('_');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
            || !double.IsFinite(score)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        return new RankCursor(score, id);
    }
}

public sealed class FeedQueries(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    public const int DefaultPageSize = 20;

    /// <summary>Published notes, newest first, after the cursor.</summary>
    public Task<FeedPage> LatestAsync(FeedCursor? after, int pageSize, CancellationToken cancellationToken) =>
        NewestAsync(db => db.Notes, after, pageSize, cancellationToken);

    /// <summary>Discover: published notes by <see cref="Ranking"/>, with no author more than twice in a row on a page.</summary>
    public async Task<FeedPage> DiscoverAsync(RankCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 60);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Notes.AsNoTracking().Where(n => n.Status == NoteStatus.Published);
        if (after is { } c)
            query = query.Where(n => n.HotScore < c.Score || (n.HotScore == c.Score && n.Id < c.Id));
        var rows = await query
            .OrderByDescending(n => n.HotScore).ThenByDescending(n => n.Id)
            .Take(pageSize + 1)
            .Select(n => new
            {
                Card = new NoteCard(
                    n.Id, n.Title, n.CoverKey, n.CoverWidth, n.CoverHeight, n.LikeCount, n.CreatedAt,
                    n.Author!.Handle, n.Author.DisplayName, n.Author.AvatarKey),
                n.HotScore,
            })
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > pageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        // The cursor follows rank order; the author rule only reorders within the page.
        var next = hasMore ? new RankCursor(rows[^1].HotScore, rows[^1].Card.Id).ToString() : null;
        return new FeedPage(Ranking.LimitAuthorRuns(rows.Select(r => r.Card).ToList(), c => c.AuthorHandle), next);
    }

    /// <summary>Following: notes of the people the user follows, newest first.</summary>
    public Task<FeedPage> FollowingAsync(string userId, FeedCursor? after, int pageSize, CancellationToken cancellationToken) =>
        NewestAsync(db => db.Notes.Where(n => db.Follows.Any(f => f.FollowerId == userId && f.FolloweeId == n.AuthorId)), after, pageSize, cancellationToken);

    /// <summary>A topic's notes, newest first.</summary>
    public Task<FeedPage> TopicAsync(int topicId, FeedCursor? after, int pageSize, CancellationToken cancellationToken) =>
        NewestAsync(db => db.Notes.Where(n => n.Topics.Any(t => t.TopicId == topicId)), after, pageSize, cancellationToken);

    private async Task<FeedPage> NewestAsync(Func<SocialStoreDbContext, IQueryable<Note>> source, FeedCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 60);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = source(db).AsNoTracking().Where(n => n.Status == NoteStatus.Published);
        if (after is { } c)
            query = query.Where(n => n.CreatedAt < c.CreatedAt || (n.CreatedAt == c.CreatedAt && n.Id < c.Id));
        var rows = await query
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(pageSize + 1)
            .Select(CardProjection)
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > pageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        var next = hasMore ? new FeedCursor(rows[^1].CreatedAt, rows[^1].Id).ToString() : null;
        return new FeedPage(rows, next);
    }

    /// <summary>The card of a note, as an expression so EF Core reads only these columns, author joined.</summary>
    public static readonly Expression<Func<Note, NoteCard>> CardProjection = n => new NoteCard(
        n.Id, n.Title, n.CoverKey, n.CoverWidth, n.CoverHeight, n.LikeCount, n.CreatedAt,
        n.Author!.Handle, n.Author.DisplayName, n.Author.AvatarKey);
}
