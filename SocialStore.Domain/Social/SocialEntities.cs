namespace SocialStore.Domain.Social;

/// <summary>One like per user and note (the primary key makes a second one impossible).</summary>
public class NoteLike
{
    public string UserId { get; set; } = "";

    public long NoteId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A named collection of collected notes (专辑). Every user has a default one.</summary>
public class Board
{
    public const int NameMaxLength = 30;

    public long Id { get; set; }

    public string OwnerId { get; set; } = "";

    public string Name { get; set; } = "";

    public bool IsDefault { get; set; }

    public bool IsPrivate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One collect per user and note, filed in one of the user's boards.</summary>
public class Collect
{
    public string UserId { get; set; } = "";

    public long NoteId { get; set; }

    public long BoardId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public class Comment
{
    public const int BodyMaxLength = 500;

    public long Id { get; set; }

    public long NoteId { get; set; }

    public string AuthorId { get; set; } = "";

    /// <summary>The comment this replies to; replies are one level deep.</summary>
    public long? ParentId { get; set; }

    public string Body { get; set; } = "";

    public int LikeCount { get; set; }

    /// <summary>Replies to this comment (top-level comments only).</summary>
    public int ReplyCount { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public class Follow
{
    public string FollowerId { get; set; } = "";

    public string FolloweeId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One like per user and comment.</summary>
public class CommentLike
{
    public long CommentId { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
