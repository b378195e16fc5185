using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Live;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;

namespace SocialStore.Domain.Social;

/// <summary>The state after a like or unlike. <see cref="Changed"/> is false when it already was so (liking twice is not an error).</summary>
public sealed record LikeResult(bool Liked, int Count, bool Changed);

/// <summary>
/// Likes of notes and of comments. The primary key (one row per user and target) makes a second like
/// impossible; the counter moves by one in the same transaction, only when a row was really inserted
/// or deleted, so it always equals the number of rows.
/// </summary>
public sealed class LikeService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, NotificationService notifications, Limits.ActionLimiter limiter, Recommendations.BehaviourEventSink events, Live.ILiveBus live)
{
    public async Task<LikeResult> LikeNoteAsync(string userId, long noteId, CancellationToken cancellationToken)
    {
        var (result, notify) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, userId, clock.GetUtcNow(), ct);
            var authorId = await NoteCounters.OpenNoteAuthorAsync(db, noteId, ct) ?? throw new DomainException(SocialErrors.NoteUnavailable);
            if (await db.NoteLikes.AnyAsync(l => l.NoteId == noteId && l.UserId == userId, ct)
                || !await UniqueInsert.TryInsertAsync(db, new NoteLike { NoteId = noteId, UserId = userId, CreatedAt = clock.GetUtcNow() }, ct))
                return (new LikeResult(true, await NoteLikeCountAsync(db, noteId, ct), Changed: false), (string?)null);
            await limiter.TakeAsync(db, userId, Limits.LimitedAction.Like, ct);

            if (await NoteCounters.AddLikesAsync(db, noteId, +1, ct) == 0) throw new DomainException(SocialErrors.NoteUnavailable);
            var notified = NotificationService.Add(db, authorId, NotificationKind.Like, userId, noteId, null, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            var counts = await NoteCounters.RefreshHotScoreAsync(db, noteId, ct);
            return (new LikeResult(true, counts.Likes, Changed: true), notified ? authorId : null);
        }, cancellationToken);
        if (notify is not null) await notifications.PublishUnreadAsync([notify], cancellationToken);
        if (result.Changed) await live.PublishNoteCounterAsync(noteId, Live.NoteCounterUpdate.Likes, result.Count);
        if (result.Changed) events.Record(Recommendations.BehaviourKind.Like, userId, Recommendations.BehaviourEventSink.ClientKeyFor(userId, null), noteId: noteId);
        return result;
    }

    public async Task<LikeResult> UnlikeNoteAsync(string userId, long noteId, CancellationToken cancellationToken)
    {
        var (result, notify) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var deleted = await db.NoteLikes.Where(l => l.NoteId == noteId && l.UserId == userId).ExecuteDeleteAsync(ct);
            if (deleted == 0) return (new LikeResult(false, await NoteLikeCountAsync(db, noteId, ct), Changed: false), (string?)null);

            await NoteCounters.AddLikesAsync(db, noteId, -1, ct);
            var removed = await NotificationService.RemoveAsync(db, NotificationKind.Like, userId, noteId, null, ct);
            var counts = await NoteCounters.RefreshHotScoreAsync(db, noteId, ct);
            var authorId = removed > 0 ? await db.Notes.Where(n => n.Id == noteId).Select(n => n.AuthorId).SingleAsync(ct) : null;
            return (new LikeResult(false, counts.Likes, Changed: true), authorId);
        }, cancellationToken);
        if (notify is not null) await notifications.PublishUnreadAsync([notify], cancellationToken);
        if (result.Changed) await live.PublishNoteCounterAsync(noteId, Live.NoteCounterUpdate.Likes, result.Count);
        return result;
    }

    public async Task<LikeResult> LikeCommentAsync(string userId, long commentId, CancellationToken cancellationToken)
    {
        var (result, notify) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, userId, clock.GetUtcNow(), ct);
            var comment = await OpenComments(db).Where(c => c.Id == commentId)
                .Select(c => new { c.AuthorId, c.NoteId }).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(SocialErrors.CommentNotFound);
            if (await db.CommentLikes.AnyAsync(l => l.CommentId == commentId && l.UserId == userId, ct)
                || !await UniqueInsert.TryInsertAsync(db, new CommentLike { CommentId = commentId, UserId = userId, CreatedAt = clock.GetUtcNow() }, ct))
                return (new LikeResult(true, await CommentLikeCountAsync(db, commentId, ct), Changed: false), (string?)null);
            await limiter.TakeAsync(db, userId, Limits.LimitedAction.Like, ct);

            if (await db.Comments.Where(c => c.Id == commentId && !c.IsDeleted)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, c => c.LikeCount + 1), ct) == 0)
                throw new DomainException(SocialErrors.CommentNotFound);
            var notified = NotificationService.Add(db, comment.AuthorId, NotificationKind.Like, userId, comment.NoteId, commentId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return (new LikeResult(true, await CommentLikeCountAsync(db, commentId, ct), Changed: true), notified ? comment.AuthorId : null);
        }, cancellationToken);
        if (notify is not null) await notifications.PublishUnreadAsync([notify], cancellationToken);
        return result;
    }

    public async Task<LikeResult> UnlikeCommentAsync(string userId, long commentId, CancellationToken cancellationToken)
    {
        var (result, notify) = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var deleted = await db.CommentLikes.Where(l => l.CommentId == commentId && l.UserId == userId).ExecuteDeleteAsync(ct);
            if (deleted == 0) return (new LikeResult(false, await CommentLikeCountAsync(db, commentId, ct), Changed: false), (string?)null);

            await db.Comments.Where(c => c.Id == commentId && c.LikeCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, c => c.LikeCount - 1), ct);
            var comment = await db.Comments.AsNoTracking().Where(c => c.Id == commentId).Select(c => new { c.NoteId, c.AuthorId }).SingleAsync(ct);
            var removed = await NotificationService.RemoveAsync(db, NotificationKind.Like, userId, comment.NoteId, commentId, ct);
            return (new LikeResult(false, await CommentLikeCountAsync(db, commentId, ct), Changed: true), removed > 0 ? comment.AuthorId : null);
        }, cancellationToken);
        if (notify is not null) await notifications.PublishUnreadAsync([notify], cancellationToken);
        return result;
    }

    /// <summary>Which of these notes the user liked (one query, for a feed of cards).</summary>
    public async Task<IReadOnlySet<long>> LikedNoteIdsAsync(string userId, IReadOnlyCollection<long> noteIds, CancellationToken cancellationToken)
    {
        if (noteIds.Count == 0) return new HashSet<long>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.NoteLikes.Where(l => l.UserId == userId && noteIds.Contains(l.NoteId)).Select(l => l.NoteId).ToListAsync(cancellationToken);
        return ids.ToHashSet();
    }

    /// <summary>Comments that can be liked: not deleted, on a published note.</summary>
    internal static IQueryable<Comment> OpenComments(SocialStoreDbContext db) =>
        db.Comments.Where(c => !c.IsDeleted && db.Notes.Any(n => n.Id == c.NoteId && n.Status == NoteStatus.Published));

    private static Task<int> NoteLikeCountAsync(SocialStoreDbContext db, long noteId, CancellationToken ct) =>
        db.Notes.Where(n => n.Id == noteId).Select(n => n.LikeCount).FirstOrDefaultAsync(ct);

    private static Task<int> CommentLikeCountAsync(SocialStoreDbContext db, long commentId, CancellationToken ct) =>
        db.Comments.Where(c => c.Id == commentId).Select(c => c.LikeCount).FirstOrDefaultAsync(ct);
}
