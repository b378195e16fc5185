using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Profiles;

/// <summary>The top of a profile page.</summary>
/// <param name="LikesAndCollectsReceived">Likes plus collects on the user's published notes.</param>
/// <param name="ViewerFollows">Whether the signed-in viewer follows this user.</param>
/// <param name="IsViewer">Whether the signed-in viewer is this user.</param>
public sealed record ProfileHeader(
    string UserId,
    string Handle,
    string DisplayName,
    string? AvatarKey,
    string Bio,
    int FollowingCount,
    int FollowerCount,
    long LikesAndCollectsReceived,
    bool LikesArePublic,
    bool ViewerFollows,
    bool IsViewer)
{
    /// <summary>The Liked tab is private unless the user made it public; the owner always sees it.</summary>
    public bool CanSeeLikes => LikesArePublic || IsViewer;
}

/// <summary>A board on the Boards tab: its published notes' count and up to four newest covers.</summary>
public sealed record BoardSummary(long Id, string Name, bool IsDefault, bool IsPrivate, int NoteCount, IReadOnlyList<string> CoverKeys);

/// <summary>The top of a board page.</summary>
public sealed record BoardHeader(
    long Id,
    string Name,
    bool IsDefault,
    bool IsPrivate,
    int NoteCount,
    string OwnerId,
    string OwnerHandle,
    string OwnerName,
    string? OwnerAvatarKey);

/// <summary>
/// Read models of /u/{handle}: each method is one query. Private things (private boards, a private
/// Liked tab) are filtered here, not only hidden by the page.
/// </summary>
public sealed class ProfileQueries(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    public const int DefaultPageSize = 20;

    public const int BoardCoverCount = 4;

    public const int MaxBoards = 100;

    /// <summary>Handles are lower-case; /u/Alice finds @alice. Anything that cannot be a handle is null.</summary>
    public static string? NormalizeHandle(string? handle)
    {
        var normalized = handle?.Trim().ToLowerInvariant();
        return Handles.IsValid(normalized) ? normalized : null;
    }

    /// <summary>The profile header in one query, or null for an unknown handle.</summary>
    public async Task<ProfileHeader?> HeaderAsync(string? handle, string? viewerId, CancellationToken cancellationToken)
    {
        if (NormalizeHandle(handle) is not { } normalized) return null;
        viewerId = string.IsNullOrEmpty(viewerId) ? null : viewerId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Handle == normalized)
            .Select(u => new ProfileHeader(
                u.Id,
                u.Handle,
                u.DisplayName,
                u.AvatarKey,
                u.Bio,
                u.FollowingCount,
                u.FollowerCount,
                db.Notes
                    .Where(n => n.AuthorId == u.Id && n.Status == NoteStatus.Published)
                    .Sum(n => (long)n.LikeCount + n.CollectCount),
                u.LikesArePublic,
                viewerId != null && db.Follows.Any(f => f.FollowerId == viewerId && f.FolloweeId == u.Id),
                viewerId != null && u.Id == viewerId))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The user's published notes, newest first, keyset-paged.</summary>
    public async Task<FeedPage> NotesAsync(string userId, FeedCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 60);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Notes.AsNoTracking().Where(n => n.AuthorId == userId && n.Status == NoteStatus.Published);
        if (after is { } c)
            query = query.Where(n => n.CreatedAt < c.CreatedAt || (n.CreatedAt == c.CreatedAt && n.Id < c.Id));
        var rows = await query
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(pageSize + 1)
            .Select(n => new NoteCard(
                n.Id, n.Title, n.CoverKey, n.CoverWidth, n.CoverHeight, n.LikeCount, n.CreatedAt,
                n.Author!.Handle, n.Author.DisplayName, n.Author.AvatarKey))
            .ToListAsync(cancellationToken);
        return Page(rows.Select(r => (r.CreatedAt, r)).ToList(), pageSize);
    }

    /// <summary>
    /// Notes the user liked, newest like first, keyset-paged on (like time, note id). Empty unless the
    /// user made likes public or the viewer is the user.
    /// </summary>
    public async Task<FeedPage> LikedAsync(string userId, string? viewerId, FeedCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 60);
        viewerId = string.IsNullOrEmpty(viewerId) ? null : viewerId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var likes = db.NoteLikes.AsNoTracking()
            .Where(l => l.UserId == userId && (l.UserId == viewerId || db.Users.Any(u => u.Id == userId && u.LikesArePublic)));
        if (after is { } c)
            likes = likes.Where(l => l.CreatedAt < c.CreatedAt || (l.CreatedAt == c.CreatedAt && l.NoteId < c.Id));
        var rows = await likes
            .Join(db.Notes.Where(n => n.Status == NoteStatus.Published), l => l.NoteId, n => n.Id, (l, n) => new { Like = l, Note = n })
            .OrderByDescending(x => x.Like.CreatedAt).ThenByDescending(x => x.Like.NoteId)
            .Take(pageSize + 1)
            .Select(x => new
            {
                x.Like.CreatedAt,
                Card = new NoteCard(
                    x.Note.Id, x.Note.Title, x.Note.CoverKey, x.Note.CoverWidth, x.Note.CoverHeight, x.Note.LikeCount, x.Note.CreatedAt,
                    x.Note.Author!.Handle, x.Note.Author.DisplayName, x.Note.Author.AvatarKey),
            })
            .ToListAsync(cancellationToken);
        return Page(rows.Select(r => (r.CreatedAt, r.Card)).ToList(), pageSize);
    }

    /// <summary>The user's boards (default first, then newest); private ones only when the viewer is the owner.</summary>
    public async Task<IReadOnlyList<BoardSummary>> BoardsAsync(string userId, string? viewerId, CancellationToken cancellationToken)
    {
        viewerId = string.IsNullOrEmpty(viewerId) ? null : viewerId;
        var isOwner = viewerId == userId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var published = db.Notes.Where(n => n.Status == NoteStatus.Published);
        // Restated inside the covers' subquery so the database ranks only this user's collects, not every board's.
        var ownBoardIds = db.Boards.Where(b => b.OwnerId == userId).Select(b => b.Id);
        var rows = await db.Boards.AsNoTracking()
            .Where(b => b.OwnerId == userId && (isOwner || !b.IsPrivate))
            .OrderByDescending(b => b.IsDefault).ThenByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Take(MaxBoards)
            .Select(b => new
            {
                b.Id,
                b.Name,
                b.IsDefault,
                b.IsPrivate,
                Count = db.Collects.Count(c => c.BoardId == b.Id && published.Any(n => n.Id == c.NoteId)),
                Covers = db.Collects
                    .Where(c => c.BoardId == b.Id && ownBoardIds.Contains(c.BoardId))
                    .Join(published, c => c.NoteId, n => n.Id, (c, n) => new { c.CreatedAt, c.NoteId, n.CoverKey })
                    .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.NoteId)
                    .Take(BoardCoverCount)
                    .Select(x => x.CoverKey)
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new BoardSummary(r.Id, r.Name, r.IsDefault, r.IsPrivate, r.Count, r.Covers)).ToList();
    }

    /// <summary>A board of the user with this handle, or null if there is none or it is private and the viewer is not its owner.</summary>
    public async Task<BoardHeader?> BoardAsync(string? handle, long boardId, string? viewerId, CancellationToken cancellationToken)
    {
        if (NormalizeHandle(handle) is not { } normalized) return null;
        viewerId = string.IsNullOrEmpty(viewerId) ? null : viewerId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Boards.AsNoTracking()
            .Where(b => b.Id == boardId && (!b.IsPrivate || b.OwnerId == viewerId))
            .Join(db.Users.Where(u => u.Handle == normalized), b => b.OwnerId, u => u.Id, (b, u) => new BoardHeader(
                b.Id,
                b.Name,
                b.IsDefault,
                b.IsPrivate,
                db.Collects.Count(c => c.BoardId == b.Id && db.Notes.Any(n => n.Id == c.NoteId && n.Status == NoteStatus.Published)),
                u.Id,
                u.Handle,
                u.DisplayName,
                u.AvatarKey))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A board's published notes, newest collect first, keyset-paged on (collect time, note id); empty for a private board of someone else.</summary>
    public async Task<FeedPage> BoardNotesAsync(long boardId, string? viewerId, FeedCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 60);
        viewerId = string.IsNullOrEmpty(viewerId) ? null : viewerId;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var collects = db.Collects.AsNoTracking()
            .Where(c => c.BoardId == boardId && db.Boards.Any(b => b.Id == boardId && (!b.IsPrivate || b.OwnerId == viewerId)));
        if (after is { } cursor)
            collects = collects.Where(c => c.CreatedAt < cursor.CreatedAt || (c.CreatedAt == cursor.CreatedAt && c.NoteId < cursor.Id));
        var rows = await collects
            .Join(db.Notes.Where(n => n.Status == NoteStatus.Published), c => c.NoteId, n => n.Id, (c, n) => new { Collect = c, Note = n })
            .OrderByDescending(x => x.Collect.CreatedAt).ThenByDescending(x => x.Collect.NoteId)
            .Take(pageSize + 1)
            .Select(x => new
            {
                x.Collect.CreatedAt,
                Card = new NoteCard(
                    x.Note.Id, x.Note.Title, x.Note.CoverKey, x.Note.CoverWidth, x.Note.CoverHeight, x.Note.LikeCount, x.Note.CreatedAt,
                    x.Note.Author!.Handle, x.Note.Author.DisplayName, x.Note.Author.AvatarKey),
            })
            .ToListAsync(cancellationToken);
        return Page(rows.Select(r => (r.CreatedAt, r.Card)).ToList(), pageSize);
    }

    /// <summary>Cuts the extra row read to learn whether there is more; the cursor is the last kept row's sort key.</summary>
    private static FeedPage Page(List<(DateTimeOffset SortedAt, NoteCard Card)> rows, int pageSize)
    {
        var hasMore = rows.Count > pageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        var next = hasMore ? new FeedCursor(rows[^1].SortedAt, rows[^1].Card.Id).ToString() : null;
        return new FeedPage(rows.Select(r => r.Card).ToList(), next);
    }
}
