using SocialStore.Domain.Identity;

namespace SocialStore.Web.Services;

/// <summary>
/// The layout's badge numbers (unread notifications, cart items), read once per request while a page is
/// prerendered: the layout has a bell in the top bar and one in the tab bar plus the cart badge, and
/// separate identical queries would spend a third of a page's budget of round trips (ADR-034 §6).
/// Live badges count for themselves once connected.
/// </summary>
public sealed class BadgeCountsMemo(UserQueries users)
{
    private (string UserId, Task<BadgeCounts> Counts)? memo;

    public async Task<int> UnreadAsync(string userId, CancellationToken cancellationToken) => (await CountsAsync(userId, cancellationToken)).Unread;

    public async Task<int> CartQuantityAsync(string userId, CancellationToken cancellationToken) => (await CountsAsync(userId, cancellationToken)).CartQuantity;

    private Task<BadgeCounts> CountsAsync(string userId, CancellationToken cancellationToken)
    {
        if (memo is { } m && m.UserId == userId) return m.Counts;
        var counts = users.BadgeCountsAsync(userId, cancellationToken);
        memo = (userId, counts);
        return counts;
    }
}
