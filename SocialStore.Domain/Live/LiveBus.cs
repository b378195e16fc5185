using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SocialStore.Domain.Live;

/// <summary>
/// Pushes committed changes to open pages (ADR-052): a publisher sends a short text payload on a topic
/// (<see cref="LiveTopics"/>), and every component that subscribed to that topic — on this node, or on
/// every node when the Redis implementation is configured — is called with it. Delivery is at most once:
/// a page that misses a message (a dropped connection, a restart) shows the database's truth the next
/// time it reads, so nothing may depend on a message arriving. Publish only after the change is committed.
/// </summary>
public interface ILiveBus
{
    /// <summary>Calls <paramref name="handler"/> with each payload published on <paramref name="topic"/> until the handle is disposed.</summary>
    IDisposable Subscribe(string topic, Func<string, Task> handler);

    /// <summary>
    /// False only when no page anywhere can be listening, so a publisher may skip the work of building
    /// the payload. In-process: whether this node has a subscriber. Across nodes this is not known, so true.
    /// </summary>
    bool MayHaveSubscribers(string topic);

    /// <summary>Sends the payload to the topic's subscribers. Never throws: a lost live update is corrected on the next read.</summary>
    Task PublishAsync(string topic, string payload);
}

/// <summary>The topics pages listen to, in one place, so publishers and subscribers agree on the names.</summary>
public static class LiveTopics
{
    /// <summary>A note's like, collect and comment counts; payload <see cref="NoteCounterUpdate"/>.</summary>
    public static string Note(long noteId) => "note:" + noteId.ToString(CultureInfo.InvariantCulture);

    /// <summary>An order's status; payload the new <see cref="Ordering.OrderStatus"/> name.</summary>
    public static string Order(long orderId) => "order:" + orderId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A group buy's seats and status changed; empty payload (the page re-reads the group).</summary>
    public static string GroupBuy(long groupId) => "groupbuy:" + groupId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A user's unread notification count (the bell); payload the count.</summary>
    public static string Unread(string userId) => "unread:" + userId;

    /// <summary>The number of pieces in a signed-in user's cart (the cart badge); payload the count.</summary>
    public static string Cart(string userId) => "cart:" + userId;
}

/// <summary>
/// The payload of <see cref="LiveTopics.Note"/>: which counter moved and its new value ("likes=12").
/// </summary>
public readonly record struct NoteCounterUpdate(string Counter, int Value)
{
    public const string Likes = "likes";
    public const string Collects = "collects";
    public const string Comments = "comments";

    public override string ToString() => Counter + "=" + Value.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string payload, out NoteCounterUpdate counts)
    {
        counts = default;
        var eq = payload.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !int.TryParse(payload.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        counts = new NoteCounterUpdate(payload[..eq], value);
        return true;
    }
}

/// <summary>
/// The default bus: subscribers of this process only (one node, <c>dotnet run</c>, tests). The Redis bus
/// uses it to deliver what arrives from Redis to this node's subscribers.
/// </summary>
public sealed class InProcessLiveBus(ILogger<InProcessLiveBus>? logger = null) : ILiveBus
{
    private readonly ConcurrentDictionary<string, Subscriber[]> subscribers = new(StringComparer.Ordinal);
    private readonly ILogger logger = logger ?? NullLogger<InProcessLiveBus>.Instance;

    public IDisposable Subscribe(string topic, Func<string, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        var subscriber = new Subscriber(this, topic, handler);
        subscribers.AddOrUpdate(topic, _ => [subscriber], (_, list) => [.. list, subscriber]);
        return subscriber;
    }

    public bool MayHaveSubscribers(string topic) => subscribers.ContainsKey(topic);

    /// <summary>Number of topics with a subscriber on this node (tests check that pages unsubscribe).</summary>
    public int TopicCount => subscribers.Count;

    public async Task PublishAsync(string topic, string payload)
    {
        if (!subscribers.TryGetValue(topic, out var list)) return;
        foreach (var subscriber in list)
        {
            try
            {
                await subscriber.Handler(payload);
            }
            catch (Exception ex)
            {
                // One broken circuit must not stop the others, nor the action that published.
                logger.LogWarning(ex, "A live update subscriber of {Topic} failed", topic);
            }
        }
    }

    private void Remove(Subscriber subscriber)
    {
        while (subscribers.TryGetValue(subscriber.Topic, out var list))
        {
            var rest = Array.FindAll(list, s => !ReferenceEquals(s, subscriber));
            if (rest.Length == list.Length) return;
            var done = rest.Length == 0
                ? subscribers.TryRemove(new KeyValuePair<string, Subscriber[]>(subscriber.Topic, list))
                : subscribers.TryUpdate(subscriber.Topic, rest, list);
            if (done) return;
        }
    }

    private sealed class Subscriber(InProcessLiveBus bus, string topic, Func<string, Task> handler) : IDisposable
    {
        private int disposed;

        public string Topic { get; } = topic;

        public Func<string, Task> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) bus.Remove(this);
        }
    }
}

public static class LiveBusExtensions
{
    /// <summary>After commit: tells open pages of the note the counter's new value. Never throws.</summary>
    public static Task PublishNoteCounterAsync(this ILiveBus? live, long noteId, string counter, int value)
    {
        if (live is null) return Task.CompletedTask;
        var topic = LiveTopics.Note(noteId);
        return live.MayHaveSubscribers(topic) ? live.PublishAsync(topic, new NoteCounterUpdate(counter, value).ToString()) : Task.CompletedTask;
    }
}
