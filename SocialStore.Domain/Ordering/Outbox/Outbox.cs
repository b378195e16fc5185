using System.Text.Json;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// Something that must happen after a commit (tell the buyer, award points, feed analytics), written in
/// the same transaction as the change that causes it. A dispatcher claims due rows and hands them to
/// the handler registered for <see cref="Type"/>; a crash between the commit and the dispatch loses nothing.
/// </summary>
public class OutboxMessage
{
    public const int TypeMaxLength = 100;
    public const int PayloadMaxLength = 4000;

    public long Id { get; set; }

    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not dispatched before this moment (retries back off by moving it).</summary>
    public DateTimeOffset AvailableAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>A dispatcher that claimed the row holds it until this moment; afterwards another may take it.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public string? LastError { get; set; }
}

public static class Outbox
{
    /// <summary>Adds a message to the context; it is saved with the caller's next SaveChanges, in the caller's transaction.</summary>
    public static OutboxMessage Enqueue<T>(SocialStoreDbContext db, string type, T payload, DateTimeOffset now)
    {
        var message = new OutboxMessage { Type = type, Payload = JsonSerializer.Serialize(payload), CreatedAt = now, AvailableAt = now };
        db.OutboxMessages.Add(message);
        return message;
    }
}

/// <summary>Handles one type of outbox message. Must be idempotent: a message can be delivered again after a crash.</summary>
public interface IOutboxHandler
{
    string Type { get; }

    Task HandleAsync(string payload, CancellationToken cancellationToken);
}
