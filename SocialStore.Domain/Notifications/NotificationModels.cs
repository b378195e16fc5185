using System.Globalization;

namespace SocialStore.Domain.Notifications;

public sealed record NotificationActor(string Id, string Handle, string DisplayName, string? AvatarKey);

/// <summary>
/// One line of the notifications page: notifications of the same kind about the same thing, shown as
/// "小美 and 3 others liked your note". <see cref="Actors"/> are the latest distinct people (up to 3).
/// </summary>
public sealed record NotificationGroup(
    NotificationKind Kind,
    long? NoteId,
    string? NoteTitle,
    string? NoteCoverKey,
    bool NoteAvailable,
    long? CommentId,
    string? CommentExcerpt,
    IReadOnlyList<NotificationActor> Actors,
    int ActorCount,
    int Count,
    DateTimeOffset LatestAt,
    bool IsUnread,
    string? OrderNumber = null,
    SocialStore.Domain.Ordering.OrderStatus? OrderStatus = null)
{
    /// <summary>The group is about a comment (a liked comment, a reply, a mention in a comment), not the note itself.</summary>
    public bool OnComment => CommentId is not null;

    /// <summary>The product of a Q&amp;A notification.</summary>
    public long? ProductId { get; init; }

    public string? ProductTitle { get; init; }

    public string? ProductCoverKey { get; init; }

    /// <summary>The product is still on sale, so its page (and Q&amp;A) can be opened.</summary>
    public bool ProductAvailable { get; init; }

    /// <summary>The answered question (answers to one question group together).</summary>
    public long? QuestionId { get; init; }

    public string? QuestionExcerpt { get; init; }

    /// <summary>The decision a moderation notice is about (each is its own line).</summary>
    public long? ModerationDecisionId { get; init; }
}

/// <summary>
/// The notifications page: the unread window grouped (first page only), then earlier notifications
/// newest first, keyset-paged by <see cref="NextCursor"/>.
/// </summary>
public sealed record NotificationPage(
    IReadOnlyList<NotificationGroup> Unread,
    IReadOnlyList<NotificationGroup> Earlier,
    int UnreadCount,
    string? NextCursor);

/// <summary>A position in a newest-first list of notifications: the last row's time and id.</summary>
public readonly record struct NotificationCursor(DateTimeOffset CreatedAt, long Id)
{
    public override string ToString() =>
        $"{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{Id.ToString(CultureInfo.InvariantCulture)}";

    public static NotificationCursor? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 40) return null;
        var parts = value.Split('.');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return null;
        return new NotificationCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}

/// <summary>A user an @mention resolved to.</summary>
public sealed record MentionedUser(string Id, string Handle, string DisplayName);
