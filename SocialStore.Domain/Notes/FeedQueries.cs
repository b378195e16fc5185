using System.Globalization;
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

public sealed class FeedQueries(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    public const int DefaultPageSize = 20;

    /// <summary>Published notes, newest first, after the cursor.</summary>
    public async Task<FeedPage> LatestAsync(FeedCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 60);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Notes.AsNoTracking().Where(n => n.Status == NoteStatus.Published);
        if (after is { } c)
            query = query.Where(n => n.CreatedAt < c.CreatedAt || (n.CreatedAt == c.CreatedAt && n.Id < c.Id));
        var rows = await query
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(pageSize + 1)
            .Select(n => new NoteCard(
                n.Id, n.Title, n.CoverKey, n.CoverWidth, n.CoverHeight, n.LikeCount, n.CreatedAt,
                n.Author!.Handle, n.Author.DisplayName, n.Author.AvatarKey))
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > pageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        var next = hasMore ? new FeedCursor(rows[^1].CreatedAt, rows[^1].Id).ToString() : null;
        return new FeedPage(rows, next);
    }
}
