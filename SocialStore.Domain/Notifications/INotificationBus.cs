using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SocialStore.Domain.Notifications;

/// <summary>
/// Tells open pages that a user's unread count changed ("user X has N unread"). Published only after
/// the change is committed. The in-process implementation reaches the circuits of this node; with
/// several nodes a Redis pub/sub implementation takes its place (ADR-010).
/// </summary>
public interface INotificationBus
{
    /// <summary>Calls <paramref name="onUnreadChanged"/> with the new unread count until the returned handle is disposed.</summary>
    IDisposable Subscribe(string userId, Func<int, Task> onUnreadChanged);

    /// <summary>Whether anyone listens for this user on this node (so publishers can skip counting).</summary>
    bool HasSubscribers(string userId);

    Task PublishAsync(string userId, int unreadCount);
}

public sealed class InProcessNotificationBus(ILogger<InProcessNotificationBus>? logger = null) : INotificationBus
{
    private readonly ConcurrentDictionary<string, Subscriber[]> subscribers = new(StringComparer.Ordinal);
    private readonly ILogger logger = logger ?? NullLogger<InProcessNotificationBus>.Instance;

    public IDisposable Subscribe(string userId, Func<int, Task> onUnreadChanged)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(onUnreadChanged);
        var subscriber = new Subscriber(this, userId, onUnreadChanged);
        subscribers.AddOrUpdate(userId, _ => [subscriber], (_, list) => [.. list, subscriber]);
        return subscriber;
    }

    public bool HasSubscribers(string userId) => subscribers.ContainsKey(userId);

    public async Task PublishAsync(string userId, int unreadCount)
    {
        if (!subscribers.TryGetValue(userId, out var list)) return;
        foreach (var subscriber in list)
        {
            try
            {
                await subscriber.Handler(unreadCount);
            }
            catch (Exception ex)
            {
                // One broken circuit must not stop the others, nor the action that published.
                logger.LogWarning(ex, "A notification subscriber failed");
            }
        }
    }

    private void Remove(Subscriber subscriber)
    {
        while (subscribers.TryGetValue(subscriber.UserId, out var list))
        {
            var rest = Array.FindAll(list, s => !ReferenceEquals(s, subscriber));
            if (rest.Length == list.Length) return;
            var done = rest.Length == 0
                ? subscribers.TryRemove(new KeyValuePair<string, Subscriber[]>(subscriber.UserId, list))
                : subscribers.TryUpdate(subscriber.UserId, rest, list);
            if (done) return;
        }
    }

    private sealed class Subscriber(InProcessNotificationBus bus, string userId, Func<int, Task> handler) : IDisposable
    {
        private int disposed;

        public string UserId { get; } = userId;

        public Func<int, Task> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) bus.Remove(this);
        }
    }
}
