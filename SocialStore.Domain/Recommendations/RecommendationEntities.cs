namespace SocialStore.Domain.Recommendations;

/// <summary>What a person did (ADR-045 §1). Stored as a string so the table reads plainly.</summary>
public enum BehaviourKind
{
    View,
    Like,
    Collect,
    Comment,
    Share,
    ProductView,
    ProductClick,
    AddToCart,
    Order,
    Pay,
}

/// <summary>
/// One behaviour event, written in batches by <see cref="BehaviourEventWriter"/>. <see cref="Personalised"/> is
/// the person's personalisation consent when the event was written (false for signed-out visitors); only
/// events with consent feed a personal ranking.
/// </summary>
public class BehaviourEvent
{
    public const int ClientKeyMaxLength = 64;

    public long Id { get; set; }

    public BehaviourKind Kind { get; set; }

    public string? UserId { get; set; }

    /// <summary>Who did it for de-duplication: "u:{userId}" or "c:{client address}".</summary>
    public string ClientKey { get; set; } = "";

    public long? NoteId { get; set; }

    public long? ProductId { get; set; }

    /// <summary>How long the note was on screen (views only), in milliseconds, capped at 30 minutes.</summary>
    public int DwellMs { get; set; }

    public bool Personalised { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}

public enum FeedbackKind
{
    /// <summary>"Not interested" in one note.</summary>
    Note,

    /// <summary>"Not interested" in a topic: its notes leave the personal feed.</summary>
    Topic,

    /// <summary>"Not interested" in an author.</summary>
    Author,

    /// <summary>An interest tag deleted in settings: the topic no longer counts as an interest (its notes may still appear by other terms).</summary>
    RemovedInterest,
}

/// <summary>A person's "not interested" or deleted interest tag; one row per person, kind and target (unique index).</summary>
public class RecommendationFeedback
{
    public const int TargetMaxLength = 64;

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public FeedbackKind Kind { get; set; }

    /// <summary>The note id, topic id or author's user id, as text.</summary>
    public string Target { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The personalisation switch. No row means on (the default); a row records the last choice.</summary>
public class PersonalisationSetting
{
    public string UserId { get; set; } = "";

    public bool Enabled { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
