namespace SocialStore.Domain.Notifications;

public enum NotificationKind
{
    Like,
    Collect,
    Comment,
    Reply,
    Mention,
    Follow,

    /// <summary>The recipient's order moved to <see cref="Notification.OrderStatus"/> (written by the outbox dispatcher).</summary>
    OrderUpdate,

    /// <summary>Someone answered the recipient's question about a product (问大家).</summary>
    Answer,

    /// <summary>A moderation outcome: to the author (why their content was hidden, a warning, a mute…) or to a reporter.</summary>
    Moderation,
}

/// <summary>Something another person did that concerns the recipient.</summary>
public class Notification
{
    public long Id { get; set; }

    public string RecipientId { get; set; } = "";

    public NotificationKind Kind { get; set; }

    public string ActorId { get; set; } = "";

    public long? NoteId { get; set; }

    public long? CommentId { get; set; }

    public long? OrderId { get; set; }

    public SocialStore.Domain.Ordering.OrderStatus? OrderStatus { get; set; }

    /// <summary>The product a Q&amp;A notification is about (the link goes to its Q&amp;A section).</summary>
    public long? ProductId { get; set; }

    /// <summary>The question that was answered; notifications about one question group together.</summary>
    public long? QuestionId { get; set; }

    /// <summary>The moderation decision a <see cref="NotificationKind.Moderation"/> notification tells about.</summary>
    public long? ModerationDecisionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
