using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Social;

/// <summary>What a note page needs to set up its buttons: counters and the reader's own state, in one query.</summary>
public sealed record NoteSocialState(
    long NoteId,
    string AuthorId,
    int LikeCount,
    int CollectCount,
    int CommentCount,
    bool Liked,
    bool Collected,
    bool FollowingAuthor);

public sealed class SocialQueries(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    /// <summary>The note's counters and what <paramref name="viewerId"/> (null: signed out) did to it; null when there is no such note.</summary>
    public async Task<NoteSocialState?> ForNoteAsync(long noteId, string? viewerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notes.AsNoTracking().Where(n => n.Id == noteId)
            .Select(n => new NoteSocialState(
                n.Id, n.AuthorId, n.LikeCount, n.CollectCount, n.CommentCount,
                viewerId != null && db.NoteLikes.Any(l => l.NoteId == n.Id && l.UserId == viewerId),
                viewerId != null && db.Collects.Any(c => c.NoteId == n.Id && c.UserId == viewerId),
                viewerId != null && db.Follows.Any(f => f.FollowerId == viewerId && f.FolloweeId == n.AuthorId)))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
