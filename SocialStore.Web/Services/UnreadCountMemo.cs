using SocialStore.Domain.Notifications;

namespace SocialStore.Web.Services;

/// <summary>
/// The unread count, read once per request while a page is prerendered: the layout has a bell in the
/// top bar and one in the tab bar, and two identical queries would spend a sixth of a page's budget of
/// round trips (DESIGN.md §6). Live bells count for themselves once connected.
/// </summary>
public sealed class UnreadCountMemo(NotificationService notifications)
{
    private (string UserId, Task<int> Count)? memo;

    public Task<int> CountAsync(string userId, CancellationToken cancellationToken)
    {
        if (memo is { } m && m.UserId == userId) return m.Count;
        var count = notifications.UnreadCountAsync(userId, cancellationToken);
        memo = (userId, count);
        return count;
    }
}
