using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Live;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;

namespace SocialStore.Domain.Social;

/// <summary>The state after a collect or uncollect; <see cref="Changed"/> is false when it already was so.</summary>
public sealed record CollectResult(bool Collected, int Count, BoardView? Board, bool Changed);

public sealed record BoardView(long Id, string Name, bool IsDefault, bool IsPrivate, int NoteCount, DateTimeOffset CreatedAt);

/// <summary>
/// Collects (收藏) and the boards (专辑) they are filed in. Every user has a default board, 默认专辑,
/// created the first time it is needed; named boards are the user's own, public or private.
/// A note is collected once per user, in one board; moving it changes the board, not the count.
/// </summary>
public sealed class CollectService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, NotificationService notifications, Limits.ActionLimiter limiter, Recommendations.BehaviourEventSink events, Live.ILiveBus live)
{
    /// <summary>The stored name of the default board; the UI shows it in the reader's language.</summary>
    public const string DefaultBoardName = "默认专辑";

    public const int MaxBoardsPerUser = 100;

    public const int PageSize = 20;

    public async Task<CollectResult> CollectAsync(string userId, long noteId, long? boardId, CancellationToken cancellationToken)
    {
        var (result, notify) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, userId, clock.GetUtcNow(), ct);
            var authorId = await NoteCounters.OpenNoteAuthorAsync(db, noteId, ct) ?? throw new DomainException(SocialErrors.NoteUnavailable);
            var existing = await CollectedBoardAsync(db, userId, noteId, ct);
            if (existing is not null) return (new CollectResult(true, await CollectCountAsync(db, noteId, ct), existing, Changed: false), (string?)null);

            var target = boardId is { } id
                ? await OwnBoardAsync(db, userId, id, ct)
                : await EnsureDefaultBoardAsync(db, userId, ct);
            if (!await UniqueInsert.TryInsertAsync(db, new Collect { UserId = userId, NoteId = noteId, BoardId = target.Id, CreatedAt = clock.GetUtcNow() }, ct))
                return (new CollectResult(true, await CollectCountAsync(db, noteId, ct), await CollectedBoardAsync(db, userId, noteId, ct), Changed: false), (string?)null);
            await limiter.TakeAsync(db, userId, Limits.LimitedAction.Collect, ct);

            if (await NoteCounters.AddCollectsAsync(db, noteId, +1, ct) == 0) throw new DomainException(SocialErrors.NoteUnavailable);
            var notified = NotificationService.Add(db, authorId, NotificationKind.Collect, userId, noteId, null, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            var counts = await NoteCounters.RefreshHotScoreAsync(db, noteId, ct);
            return (new CollectResult(true, counts.Collects, target with { NoteCount = target.NoteCount + 1 }, Changed: true), notified ? authorId : null);
        }, cancellationToken);
        if (notify is not null) await notifications.PublishUnreadAsync([notify], cancellationToken);
        if (result.Changed) await live.PublishNoteCounterAsync(noteId, Live.NoteCounterUpdate.Collects, result.Count);
        if (result.Changed) events?.Record(Recommendations.BehaviourKind.Collect, userId, Recommendations.BehaviourEventSink.ClientKeyFor(userId, null), noteId: noteId);
        return result;
    }

    public async Task<CollectResult> UncollectAsync(string userId, long noteId, CancellationToken cancellationToken)
    {
        var (result, notify) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var deleted = await db.Collects.Where(c => c.NoteId == noteId && c.UserId == userId).ExecuteDeleteAsync(ct);
            if (deleted == 0) return (new CollectResult(false, await CollectCountAsync(db, noteId, ct), null, Changed: false), (string?)null);

            await NoteCounters.AddCollectsAsync(db, noteId, -1, ct);
            var removed = await NotificationService.RemoveAsync(db, NotificationKind.Collect, userId, noteId, null, ct);
            var counts = await NoteCounters.RefreshHotScoreAsync(db, noteId, ct);
            var authorId = removed > 0 ? await db.Notes.Where(n => n.Id == noteId).Select(n => n.AuthorId).SingleAsync(ct) : null;
            return (new CollectResult(false, counts.Collects, null, Changed: true), authorId);
        }, cancellationToken);
        if (notify is not null) await notifications.PublishUnreadAsync([notify], cancellationToken);
        if (result.Changed) await live.PublishNoteCounterAsync(noteId, Live.NoteCounterUpdate.Collects, result.Count);
        return result;
    }

    /// <summary>Files a collected note in another of the user's boards.</summary>
    public Task<BoardView> MoveAsync(string userId, long noteId, long boardId, CancellationToken cancellationToken) =>
        DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var board = await OwnBoardAsync(db, userId, boardId, ct);
            var moved = await db.Collects.Where(c => c.NoteId == noteId && c.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.BoardId, boardId), ct);
            if (moved == 0) throw new DomainException(SocialErrors.NotCollected);
            return await BoardViewAsync(db, board.Id, ct);
        }, cancellationToken);

    /// <summary>The board the user filed this note in, or null when they have not collected it.</summary>
    public async Task<BoardView?> CollectedInAsync(string userId, long noteId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CollectedBoardAsync(db, userId, noteId, cancellationToken);
    }

    // ----- boards -----

    /// <summary>The user's own boards, the default first (created if missing), then oldest first.</summary>
    public Task<IReadOnlyList<BoardView>> MyBoardsAsync(string userId, CancellationToken cancellationToken) =>
        DbTransactions.RunAsync<IReadOnlyList<BoardView>>(dbFactory, async (db, ct) =>
        {
            await EnsureDefaultBoardAsync(db, userId, ct);
            return await BoardViews(db, db.Boards.Where(b => b.OwnerId == userId)).ToListAsync(ct);
        }, cancellationToken);

    /// <summary>The boards of <paramref name="ownerId"/> that <paramref name="viewerId"/> may see: all of them for the owner, the public ones for anyone else.</summary>
    public async Task<IReadOnlyList<BoardView>> BoardsForViewerAsync(string ownerId, string? viewerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var boards = db.Boards.Where(b => b.OwnerId == ownerId);
        if (viewerId != ownerId) boards = boards.Where(b => !b.IsPrivate);
        return await BoardViews(db, boards).ToListAsync(cancellationToken);
    }

    public Task<BoardView> CreateBoardAsync(string userId, string name, bool isPrivate, CancellationToken cancellationToken)
    {
        name = ValidName(name);
        return DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await EnsureDefaultBoardAsync(db, userId, ct);
            if (await db.Boards.CountAsync(b => b.OwnerId == userId, ct) >= MaxBoardsPerUser)
                throw new DomainException(SocialErrors.BoardLimit, MaxBoardsPerUser);
            var board = new Board { OwnerId = userId, Name = name, IsPrivate = isPrivate, CreatedAt = clock.GetUtcNow() };
            if (!await UniqueInsert.TryInsertAsync(db, board, ct)) throw new DomainException(SocialErrors.BoardNameTaken);
            return new BoardView(board.Id, board.Name, false, board.IsPrivate, 0, board.CreatedAt);
        }, cancellationToken);
    }

    public async Task<BoardView> RenameBoardAsync(string userId, long boardId, string name, CancellationToken cancellationToken)
    {
        name = ValidName(name);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var board = await db.Boards.FirstOrDefaultAsync(b => b.Id == boardId && b.OwnerId == userId, cancellationToken)
            ?? throw new DomainException(SocialErrors.BoardNotFound);
        if (board.IsDefault) throw new DomainException(SocialErrors.BoardDefaultIsFixed);
        board.Name = name;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new DomainException(SocialErrors.BoardNameTaken);
        }
        return await BoardViewAsync(db, boardId, cancellationToken);
    }

    public async Task<BoardView> SetBoardPrivacyAsync(string userId, long boardId, bool isPrivate, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Boards.Where(b => b.Id == boardId && b.OwnerId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.IsPrivate, isPrivate), cancellationToken);
        if (changed == 0) throw new DomainException(SocialErrors.BoardNotFound);
        return await BoardViewAsync(db, boardId, cancellationToken);
    }

    /// <summary>Deletes a named board; its notes stay collected and move to the default board.</summary>
    public Task DeleteBoardAsync(string userId, long boardId, CancellationToken cancellationToken) =>
        DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var board = await OwnBoardAsync(db, userId, boardId, ct);
            if (board.IsDefault) throw new DomainException(SocialErrors.BoardDefaultIsFixed);
            var fallback = await EnsureDefaultBoardAsync(db, userId, ct);
            await db.Collects.Where(c => c.BoardId == boardId).ExecuteUpdateAsync(s => s.SetProperty(c => c.BoardId, fallback.Id), ct);
            await db.Boards.Where(b => b.Id == boardId).ExecuteDeleteAsync(ct);
            return true;
        }, cancellationToken);

    /// <summary>Published notes in a board, newest collect first; a private board is visible only to its owner.</summary>
    public async Task<FeedPage> BoardNotesAsync(long boardId, string? viewerId, FeedCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 60);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = await db.Boards.AnyAsync(b => b.Id == boardId && (!b.IsPrivate || b.OwnerId == viewerId), cancellationToken);
        if (!visible) throw new DomainException(SocialErrors.BoardNotFound);
        var collects = db.Collects.AsNoTracking().Where(c => c.BoardId == boardId);
        if (after is { } a) collects = collects.Where(c => c.CreatedAt < a.CreatedAt || (c.CreatedAt == a.CreatedAt && c.NoteId < a.Id));
        var rows = await (
                from c in collects
                join n in db.Notes on c.NoteId equals n.Id
                where n.Status == NoteStatus.Published
                orderby c.CreatedAt descending, c.NoteId descending
                select new
                {
                    c.CreatedAt,
                    Card = new NoteCard(n.Id, n.Title, n.CoverKey, n.CoverWidth, n.CoverHeight, n.LikeCount, n.CreatedAt,
                        n.Author!.Handle, n.Author.DisplayName, n.Author.AvatarKey),
                })
            .Take(pageSize + 1).ToListAsync(cancellationToken);
        var hasMore = rows.Count > pageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        return new FeedPage(rows.Select(r => r.Card).ToList(), hasMore ? new FeedCursor(rows[^1].CreatedAt, rows[^1].Card.Id).ToString() : null);
    }

    // ----- helpers -----

    /// <summary>The user's default board, created now if they have none (the unique name makes a race create it once).</summary>
    internal async Task<BoardView> EnsureDefaultBoardAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        var existing = await BoardViews(db, db.Boards.Where(b => b.OwnerId == userId && b.IsDefault)).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;
        // Private by default, like the Liked tab: what someone saves is theirs until they choose to show it.
        var board = new Board { OwnerId = userId, Name = DefaultBoardName, IsDefault = true, IsPrivate = true, CreatedAt = clock.GetUtcNow() };
        if (await UniqueInsert.TryInsertAsync(db, board, ct)) return new BoardView(board.Id, board.Name, true, true, 0, board.CreatedAt);
        return await BoardViews(db, db.Boards.Where(b => b.OwnerId == userId && b.IsDefault)).FirstAsync(ct);
    }

    private static async Task<BoardView> OwnBoardAsync(SocialStoreDbContext db, string userId, long boardId, CancellationToken ct) =>
        await BoardViews(db, db.Boards.Where(b => b.Id == boardId && b.OwnerId == userId)).FirstOrDefaultAsync(ct)
        ?? throw new DomainException(SocialErrors.BoardNotFound);

    private static Task<BoardView> BoardViewAsync(SocialStoreDbContext db, long boardId, CancellationToken ct) =>
        BoardViews(db, db.Boards.Where(b => b.Id == boardId)).SingleAsync(ct);

    private static Task<BoardView?> CollectedBoardAsync(SocialStoreDbContext db, string userId, long noteId, CancellationToken ct) =>
        BoardViews(db, db.Boards.Where(b => db.Collects.Any(c => c.NoteId == noteId && c.UserId == userId && c.BoardId == b.Id)))
            .FirstOrDefaultAsync(ct);

    private static IQueryable<BoardView> BoardViews(SocialStoreDbContext db, IQueryable<Board> boards) =>
        boards.AsNoTracking()
            .OrderByDescending(b => b.IsDefault).ThenBy(b => b.CreatedAt).ThenBy(b => b.Id)
            .Select(b => new BoardView(b.Id, b.Name, b.IsDefault, b.IsPrivate,
                db.Collects.Count(c => c.BoardId == b.Id && db.Notes.Any(n => n.Id == c.NoteId && n.Status == NoteStatus.Published)),
                b.CreatedAt));

    private static Task<int> CollectCountAsync(SocialStoreDbContext db, long noteId, CancellationToken ct) =>
        db.Notes.Where(n => n.Id == noteId).Select(n => n.CollectCount).FirstOrDefaultAsync(ct);

    private static string ValidName(string? name)
    {
        name = UserText.Line(name);
        if (name.Length == 0) throw new DomainException(SocialErrors.BoardNameRequired);
        // The column holds Board.NameMaxLength UTF-16 units; most names are far shorter than that in graphemes.
        if (TextLength.Graphemes(name) > Board.NameMaxLength || name.Length > Board.NameMaxLength)
            throw new DomainException(SocialErrors.BoardNameTooLong, Board.NameMaxLength);
        if (name == DefaultBoardName) throw new DomainException(SocialErrors.BoardNameTaken);
        return name;
    }
}
