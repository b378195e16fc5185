using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Social;

public sealed record NoteCounts(int Likes, int Collects, int Comments);

/// <summary>
/// Changes a note's counters with one conditional UPDATE each (never read-modify-write in C#) and then
/// recomputes its hot score from the counters as they now are. Call inside the transaction that
/// inserted or deleted the counted row: the UPDATE holds the note's row lock until commit, so the
/// score written is the score of the counts committed with it.
/// </summary>
internal static class NoteCounters
{
    public static Task<int> AddLikesAsync(SocialStoreDbContext db, long noteId, int delta, CancellationToken ct) =>
        delta > 0
            ? db.Notes.Where(n => n.Id == noteId && n.Status == NoteStatus.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, n => n.LikeCount + delta), ct)
            : db.Notes.Where(n => n.Id == noteId && n.LikeCount >= -delta)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, n => n.LikeCount + delta), ct);

    public static Task<int> AddCollectsAsync(SocialStoreDbContext db, long noteId, int delta, CancellationToken ct) =>
        delta > 0
            ? db.Notes.Where(n => n.Id == noteId && n.Status == NoteStatus.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.CollectCount, n => n.CollectCount + delta), ct)
            : db.Notes.Where(n => n.Id == noteId && n.CollectCount >= -delta)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.CollectCount, n => n.CollectCount + delta), ct);

    public static Task<int> AddCommentsAsync(SocialStoreDbContext db, long noteId, int delta, CancellationToken ct) =>
        delta > 0
            ? db.Notes.Where(n => n.Id == noteId && n.Status == NoteStatus.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, n => n.CommentCount + delta), ct)
            : db.Notes.Where(n => n.Id == noteId && n.CommentCount >= -delta)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, n => n.CommentCount + delta), ct);

    /// <summary>One more counted share visit on a published note; the caller refreshes the hot score.</summary>
    public static Task<int> AddSharesAsync(SocialStoreDbContext db, long noteId, CancellationToken ct) =>
        db.Notes.Where(n => n.Id == noteId && n.Status == NoteStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ShareCount, n => n.ShareCount + 1), ct);

    /// <summary>Reads the counters as this transaction sees them and stores the matching hot score.</summary>
    public static async Task<NoteCounts> RefreshHotScoreAsync(SocialStoreDbContext db, long noteId, CancellationToken ct)
    {
        // Engagement discounted by a confirmed ring or burst (ADR-047) stays in the counters but not in the score.
        var discountedLikes = Moderation.Engagement.EngagementDiscounts.Likes(db);
        var discountedCollects = Moderation.Engagement.EngagementDiscounts.Collects(db);
        var c = await db.Notes.AsNoTracking().Where(n => n.Id == noteId)
            .Select(n => new
            {
                n.LikeCount,
                n.CollectCount,
                n.CommentCount,
                n.ShareCount,
                n.CreatedAt,
                DiscountedLikes = discountedLikes.Count(l => l.NoteId == n.Id),
                DiscountedCollects = discountedCollects.Count(x => x.NoteId == n.Id),
            })
            .SingleAsync(ct);
        var score = Ranking.HotScore(c.LikeCount - c.DiscountedLikes, c.CollectCount - c.DiscountedCollects, c.CommentCount, c.ShareCount, c.CreatedAt);
        await db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.HotScore, score), ct);
        return new NoteCounts(c.LikeCount, c.CollectCount, c.CommentCount);
    }

    /// <summary>The note's author when it can take new likes, collects and comments (published), else null.</summary>
    public static Task<string?> OpenNoteAuthorAsync(SocialStoreDbContext db, long noteId, CancellationToken ct) =>
        db.Notes.AsNoTracking().Where(n => n.Id == noteId && n.Status == NoteStatus.Published)
            .Select(n => n.AuthorId).FirstOrDefaultAsync(ct);
}
