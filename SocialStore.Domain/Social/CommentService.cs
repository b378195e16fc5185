using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Live;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;

namespace SocialStore.Domain.Social;

/// <summary>
/// Comments on notes, one level of replies deep: a reply to a reply joins the top-level comment's
/// thread. A note's CommentCount is the number of its comments and replies that are not deleted;
/// a comment's ReplyCount the number of its replies that are not deleted.
/// </summary>
public sealed class CommentService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, NotificationService notifications, Limits.ActionLimiter limiter, SocialStore.Domain.Moderation.Screening.ContentScreen screen, Recommendations.BehaviourEventSink events, Live.ILiveBus live)
{
    public const int RepliesPreview = 3;
    public const int PageSize = 20;

    /// <summary>The column's size in UTF-16 units: 500 graphemes of plain text fit, 500 family emoji do not.</summary>
    private const int MaxStoredLength = 2000;

    /// <summary>Posts a comment, or a reply when <paramref name="replyToId"/> is set (to a comment or to a reply in its thread).</summary>
    public async Task<CommentView> AddAsync(string userId, long noteId, string? body, long? replyToId, CancellationToken cancellationToken)
    {
        var text = Validate(body);
        var mentions = TextTokens.Parse(text).Mentions;
        var (view, recipients, commentCount) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, userId, clock.GetUtcNow(), ct);
            var noteAuthorId = await NoteCounters.OpenNoteAuthorAsync(db, noteId, ct) ?? throw new DomainException(SocialErrors.NoteUnavailable);
            long? parentId = null;
            string? repliedToAuthorId = null;
            if (replyToId is { } targetId)
            {
                var target = await db.Comments.AsNoTracking()
                    .Where(c => c.Id == targetId && c.NoteId == noteId && !c.IsDeleted)
                    .Select(c => new { c.Id, c.ParentId, c.AuthorId })
                    .FirstOrDefaultAsync(ct) ?? throw new DomainException(SocialErrors.CommentNotFound);
                parentId = target.ParentId ?? target.Id;
                repliedToAuthorId = target.AuthorId;
            }

            var now = clock.GetUtcNow();
            await limiter.TakeAsync(db, userId, Limits.LimitedAction.Comment, ct);

            var verdict = await screen.CheckAsync(db, userId, new(), [text], now, ct);
            var comment = new Comment { NoteId = noteId, AuthorId = userId, ParentId = parentId, Body = verdict.Texts[0], CreatedAt = now };
            db.Comments.Add(comment);
            await db.SaveChangesAsync(ct);
            if (parentId is { } p)
                await db.Comments.Where(c => c.Id == p).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplyCount, c => c.ReplyCount + 1), ct);
            if (await NoteCounters.AddCommentsAsync(db, noteId, +1, ct) == 0) throw new DomainException(SocialErrors.NoteUnavailable);
            await screen.RecordAsync(db, verdict, SocialStore.Domain.Moderation.ReportTargetType.Comment, comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), userId, now, ct);

            var told = new List<string>();
            if (verdict.Action != SocialStore.Domain.Moderation.Screening.ScreenAction.Hold)
            {
                var (recipient, kind) = repliedToAuthorId is null ? (noteAuthorId, NotificationKind.Comment) : (repliedToAuthorId, NotificationKind.Reply);
                if (NotificationService.Add(db, recipient, kind, userId, noteId, comment.Id, now)) told.Add(recipient);
                told.AddRange(await notifications.AddMentionsAsync(db, noteId, comment.Id, userId, mentions, told, ct));
            }
            await db.SaveChangesAsync(ct);
            var counts = await NoteCounters.RefreshHotScoreAsync(db, noteId, ct);

            var added = await Views(db, db.Comments.Where(c => c.Id == comment.Id), noteAuthorId, userId).SingleAsync(ct);
            return (added, told, counts.Comments);
        }, cancellationToken);
        await notifications.PublishUnreadAsync(recipients, cancellationToken);
        await live.PublishNoteCounterAsync(noteId, Live.NoteCounterUpdate.Comments, commentCount);
        events.Record(Recommendations.BehaviourKind.Comment, userId, Recommendations.BehaviourEventSink.ClientKeyFor(userId, null), noteId: noteId);
        return view;
    }

    /// <summary>
    /// Deletes the user's own comment (soft: it keeps its place for its replies, its text is never shown
    /// again; moderators can still read it). Deleting it again does nothing.
    /// </summary>
    public async Task DeleteAsync(string userId, long commentId, CancellationToken cancellationToken)
    {
        var (recipients, noteId, commentCount) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var comment = await db.Comments.AsNoTracking().Where(c => c.Id == commentId)
                .Select(c => new { c.AuthorId, c.NoteId, c.ParentId }).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(SocialErrors.CommentNotFound);
            if (comment.AuthorId != userId) throw new DomainException(SocialErrors.CommentNotYours);

            var deleted = await db.Comments.Where(c => c.Id == commentId && c.AuthorId == userId && !c.IsDeleted)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDeleted, true), ct);
            if (deleted == 0) return (new List<string>(), comment.NoteId, (int?)null);

            if (comment.ParentId is { } p)
                await db.Comments.Where(c => c.Id == p && c.ReplyCount > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplyCount, c => c.ReplyCount - 1), ct);
            await NoteCounters.AddCommentsAsync(db, comment.NoteId, -1, ct);
            // What announced the comment (and likes of it) goes with it.
            var about = db.Notifications.Where(n => n.CommentId == commentId);
            var unreadFor = await about.Where(n => n.ReadAt == null).Select(n => n.RecipientId).Distinct().ToListAsync(ct);
            await about.ExecuteDeleteAsync(ct);
            var counts = await NoteCounters.RefreshHotScoreAsync(db, comment.NoteId, ct);
            return (unreadFor, comment.NoteId, (int?)counts.Comments);
        }, cancellationToken);
        await notifications.PublishUnreadAsync(recipients, cancellationToken);
        if (commentCount is { } count) await live.PublishNoteCounterAsync(noteId, Live.NoteCounterUpdate.Comments, count);
    }

    /// <summary>
    /// A page of a note's top-level comments with their first <see cref="RepliesPreview"/> replies. Deleted
    /// comments appear (without text) only while they have replies. Three queries, whatever the page size.
    /// </summary>
    public async Task<CommentPage> ListAsync(long noteId, CommentSort sort, string? after, string? viewerId, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 50);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await db.Notes.AsNoTracking().Where(n => n.Id == noteId)
            .Select(n => new { n.AuthorId, n.Status, n.CommentCount }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(SocialErrors.NoteUnavailable);

        var top = db.Comments.Where(c => c.NoteId == noteId && c.ParentId == null && (!c.IsDeleted || c.ReplyCount > 0));
        if (CommentCursor.Parse(after) is { } k)
        {
            top = sort == CommentSort.Hot
                ? top.Where(c => c.LikeCount < k.Likes || (c.LikeCount == k.Likes && (c.CreatedAt < k.CreatedAt || (c.CreatedAt == k.CreatedAt && c.Id < k.Id))))
                : top.Where(c => c.CreatedAt < k.CreatedAt || (c.CreatedAt == k.CreatedAt && c.Id < k.Id));
        }
        top = sort == CommentSort.Hot
            ? top.OrderByDescending(c => c.LikeCount).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            : top.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
        var rows = await Views(db, top.Take(pageSize + 1), note.AuthorId, viewerId).ToListAsync(cancellationToken);
        rows = sort == CommentSort.Hot
            ? [.. rows.OrderByDescending(c => c.LikeCount).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)]
            : [.. rows.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)];
        var hasMore = rows.Count > pageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);

        var parentIds = rows.Where(c => c.ReplyCount > 0).Select(c => c.Id).ToList();
        var previews = parentIds.Count == 0
            ? []
            : await Views(db,
                    db.Comments.Where(p => parentIds.Contains(p.Id))
                        .SelectMany(p => db.Comments.Where(r => r.ParentId == p.Id && !r.IsDeleted)
                            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(RepliesPreview)),
                    note.AuthorId, viewerId)
                .ToListAsync(cancellationToken);
        var byParent = previews.ToLookup(r => r.ParentId);
        var items = rows.Select(c => c with { Replies = [.. byParent[c.Id].OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)] }).ToList();

        var next = hasMore ? new CommentCursor(sort == CommentSort.Hot ? rows[^1].LikeCount : 0, rows[^1].CreatedAt, rows[^1].Id).ToString() : null;
        return new CommentPage(items, next, note.CommentCount, note.AuthorId, note.Status == NoteStatus.Published);
    }

    /// <summary>Replies of a comment, oldest first, after <paramref name="after"/> (see <see cref="ReplyCursor"/>).</summary>
    public async Task<ReplyPage> RepliesAsync(long commentId, string? after, string? viewerId, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 50);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var noteAuthorId = await db.Comments.Where(c => c.Id == commentId)
            .Join(db.Notes, c => c.NoteId, n => n.Id, (c, n) => n.AuthorId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(SocialErrors.CommentNotFound);
        var replies = db.Comments.Where(r => r.ParentId == commentId && !r.IsDeleted);
        if (CommentCursor.Parse(after) is { } k)
            replies = replies.Where(r => r.CreatedAt > k.CreatedAt || (r.CreatedAt == k.CreatedAt && r.Id > k.Id));
        var rows = await Views(db, replies.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(pageSize + 1), noteAuthorId, viewerId)
            .ToListAsync(cancellationToken);
        rows = [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)];
        var hasMore = rows.Count > pageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        return new ReplyPage(rows, hasMore ? ReplyCursor(rows[^1]) : null);
    }

    /// <summary>The cursor that continues a list of replies after <paramref name="reply"/> (e.g. the last one previewed).</summary>
    public static string ReplyCursor(CommentView reply) => new CommentCursor(0, reply.CreatedAt, reply.Id).ToString();

    private static string Validate(string? body)
    {
        var text = UserText.Paragraphs(body);
        if (text.Length == 0) throw new DomainException(SocialErrors.CommentEmpty);
        if (TextLength.Graphemes(text) > Comment.BodyMaxLength || text.Length > MaxStoredLength)
            throw new DomainException(SocialErrors.CommentTooLong, Comment.BodyMaxLength);
        return text;
    }

    private static IQueryable<CommentView> Views(SocialStoreDbContext db, IQueryable<Comment> comments, string noteAuthorId, string? viewerId) =>
        from c in comments
        join u in db.Users on c.AuthorId equals u.Id
        select new CommentView(
            c.Id, c.NoteId, c.ParentId, c.AuthorId, u.Handle, u.DisplayName, u.AvatarKey,
            c.IsDeleted ? "" : c.Body,
            c.IsDeleted,
            c.AuthorId == noteAuthorId,
            c.LikeCount,
            c.ReplyCount,
            viewerId != null && db.CommentLikes.Any(l => l.CommentId == c.Id && l.UserId == viewerId),
            c.CreatedAt);
}
