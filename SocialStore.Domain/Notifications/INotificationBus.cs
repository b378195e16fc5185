using System.Globalization;
using SocialStore.Domain.Live;

namespace SocialStore.Domain.Notifications;

/// <summary>
/// Tells open pages that a user's unread count changed ("user X has N unread"). Published only after
/// the change is committed. It is the <see cref="LiveTopics.Unread"/> topic of the live bus, so it reaches
/// this node's pages in-process, and every node's with the Redis bus (ADR-010, ADR-052).
/// </summary>
public interface INotificationBus
{
    /// <summary>Calls <paramref name="onUnreadChanged"/> with the new unread count until the returned handle is disposed.</summary>
    IDisposable Subscribe(string userId, Func<int, Task> onUnreadChanged);

    /// <summary>Whether anyone may listen for this user (so publishers can skip counting).</summary>
    bool HasSubscribers(string userId);

    Task PublishAsync(string userId, int unreadCount);
}

/// <summary>The unread count over the live bus: topic <see cref="LiveTopics.Unread"/>, payload the count.</summary>
public class LiveNotificationBus(ILiveBus live) : INotificationBus
{
    public IDisposable Subscribe(string userId, Func<int, Task> onUnreadChanged)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(onUnreadChanged);
        return live.Subscribe(LiveTopics.Unread(userId), payload =>
            int.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? onUnreadChanged(count) : Task.CompletedTask);
    }

    public bool HasSubscribers(string userId) => live.MayHaveSubscribers(LiveTopics.Unread(userId));

    public Task PublishAsync(string userId, int unreadCount) =>
        live.PublishAsync(LiveTopics.Unread(userId), unreadCount.ToString(CultureInfo.InvariantCulture));
}

/// <summary>The notification bus of one process, on its own in-process live bus (tests that need no other topic).</summary>
public sealed class InProcessNotificationBus() : LiveNotificationBus(new InProcessLiveBus());
