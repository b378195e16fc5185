using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Identity;

/// <summary>People to suggest while typing an @mention: handle or display name starting with the text.</summary>
public sealed class UserQueries(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    /// <summary>
    /// The two numbers the layout shows a signed-in person — unread notifications and items in the cart —
    /// in one round trip, so both badges together cost a page one query (ADR-034 §6).
    /// </summary>
    public async Task<BadgeCounts> BadgeCountsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = SocialStore.Domain.Ordering.CartItem.UserOwner(userId);
        var counts = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new BadgeCounts(
                db.Notifications.Count(n => n.RecipientId == userId && n.ReadAt == null),
                db.CartItems.Where(c => c.OwnerKey == owner).Sum(c => (int?)c.Quantity) ?? 0))
            .FirstOrDefaultAsync(cancellationToken);
        return counts ?? new BadgeCounts(0, 0);
    }

    public async Task<IReadOnlyList<UserSuggestion>> SuggestAsync(string? prefix, CancellationToken cancellationToken)
    {
        prefix = (prefix ?? "").Trim().TrimStart('@', '＠');
        if (prefix.Length is 0 or > ApplicationUser.DisplayNameMaxLength) return [];
        var handle = prefix.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.Handle.StartsWith(handle) || u.DisplayName.StartsWith(prefix))
            .OrderByDescending(u => u.FollowerCount).ThenBy(u => u.Handle)
            .Take(NoteService.SuggestionCount)
            .Select(u => new UserSuggestion(u.Id, u.Handle, u.DisplayName, u.AvatarKey))
            .ToListAsync(cancellationToken);
        // An exact handle first: "@mei" should offer mei before meiling.
        return [.. rows.OrderByDescending(r => r.Handle == handle)];
    }
}

public sealed record BadgeCounts(int Unread, int CartQuantity);
