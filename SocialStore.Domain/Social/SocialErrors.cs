namespace SocialStore.Domain.Social;

/// <summary>
/// The codes of <see cref="Common.DomainException"/> that likes, collects, boards, comments and follows
/// throw; each is a key in the web project's SocialResource (a test checks both languages have them).
/// </summary>
public static class SocialErrors
{
    /// <summary>The note is missing, deleted, hidden or a draft: it cannot be liked, collected or commented on.</summary>
    public const string NoteUnavailable = "Social.NoteUnavailable";

    public const string CommentEmpty = "Comment.Empty";

    /// <summary>Argument: the limit in characters.</summary>
    public const string CommentTooLong = "Comment.TooLong";

    public const string CommentNotFound = "Comment.NotFound";

    public const string CommentNotYours = "Comment.NotYours";

    public const string FollowSelf = "Follow.Self";

    public const string UserNotFound = "Follow.UserNotFound";

    public const string BoardNameRequired = "Board.NameRequired";

    /// <summary>Argument: the limit in characters.</summary>
    public const string BoardNameTooLong = "Board.NameTooLong";

    public const string BoardNameTaken = "Board.NameTaken";

    public const string BoardNotFound = "Board.NotFound";

    public const string BoardDefaultIsFixed = "Board.DefaultIsFixed";

    /// <summary>Argument: the number of boards allowed.</summary>
    public const string BoardLimit = "Board.Limit";

    public const string NotCollected = "Collect.NotCollected";

    public static IReadOnlyList<string> All { get; } =
    [
        NoteUnavailable, CommentEmpty, CommentTooLong, CommentNotFound, CommentNotYours,
        FollowSelf, UserNotFound, BoardNameRequired, BoardNameTooLong, BoardNameTaken, BoardNotFound,
        BoardDefaultIsFixed, BoardLimit, NotCollected,
    ];
}
