using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Profiles;

/// <summary>A user's privacy settings: who sees their likes (and, later, personalisation).</summary>
public sealed class PrivacyService(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    /// <summary>Shows or hides the Liked tab of the user's profile to others (the user always sees it).</summary>
    /// <exception cref="DomainException">Profile.NotFound: no such user.</exception>
    public async Task SetLikesPublicAsync(string userId, bool likesArePublic, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        // A new concurrency stamp, as Identity's UserManager writes one: an edit of the same user that
        // was loaded before this change fails with a concurrency error instead of silently undoing it.
        var stamp = Guid.NewGuid().ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Users
            .Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LikesArePublic, likesArePublic)
                .SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken);
        if (updated == 0) throw new DomainException(Identity.ProfileErrors.NotFound);
    }
}
