using System.Globalization;

namespace SocialStore.Domain.Social;

public enum CommentSort
{
    /// <summary>Most liked first, then newest.</summary>
    Hot,

    /// <summary>Newest first.</summary>
    New,
}

/// <summary>
/// A comment or reply as a thread shows it. A deleted comment keeps its place (its replies stay) but
/// has an empty <see cref="Body"/>. <see cref="IsAuthor"/>: written by the note's author ("作者" badge).
/// </summary>
public sealed record CommentView(
    long Id,
    long NoteId,
    long? ParentId,
    string AuthorId,
    string AuthorHandle,
    string AuthorName,
    string? AuthorAvatarKey,
    string Body,
    bool IsDeleted,
    bool IsAuthor,
    int LikeCount,
    int ReplyCount,
    bool LikedByViewer,
    DateTimeOffset CreatedAt)
{
    /// <summary>For top-level comments: the first replies (oldest first, up to <see cref="CommentService.RepliesPreview"/>).</summary>
    public IReadOnlyList<CommentView> Replies { get; init; } = [];
}

/// <summary>A page of top-level comments. <see cref="CanComment"/> is false when the note takes no new comments.</summary>
public sealed record CommentPage(
    IReadOnlyList<CommentView> Items,
    string? NextCursor,
    int CommentCount,
    string NoteAuthorId,
    bool CanComment);

public sealed record ReplyPage(IReadOnlyList<CommentView> Items, string? NextCursor);

/// <summary>A keyset position in a list of comments: likes (hot order only), time and id.</summary>
public readonly record struct CommentCursor(int Likes, DateTimeOffset CreatedAt, long Id)
{
    public override string ToString() => string.Join('.',
        Likes.ToString(CultureInfo.InvariantCulture), CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString(CultureInfo.InvariantCulture));

    public static CommentCursor? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 60) return null;
        var parts = value.Split('.');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var likes)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return null;
        return new CommentCursor(likes, new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}
