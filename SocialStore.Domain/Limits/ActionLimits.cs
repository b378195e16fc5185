using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialStore.Domain.Limits;

/// <summary>An action a person takes inside a Blazor circuit whose rate is capped by <see cref="ActionLimiter"/> (issue 11 §2).</summary>
public enum LimitedAction
{
    Like,
    Collect,
    Follow,
    Comment,
    Note,
    Review,

    /// <summary>Asking a question or answering one (product Q&amp;A).</summary>
    Question,
    Report,

    /// <summary>Adding to a cart (signed in or anonymous: the cart's owner key is the subject).</summary>
    Cart,
    Upload,
}

/// <summary>At most <see cref="Limit"/> actions per window of <see cref="WindowMinutes"/> minutes; a limit of 0 or less switches it off.</summary>
public sealed class ActionLimit
{
    public ActionLimit()
    {
    }

    public ActionLimit(int limit, int windowMinutes) => (Limit, WindowMinutes) = (limit, windowMinutes);

    public int Limit { get; set; }

    public int WindowMinutes { get; set; } = 60;
}

/// <summary>Settings of the "Limits" section: one <see cref="ActionLimit"/> per <see cref="LimitedAction"/>, with defaults a real person does not reach.</summary>
public sealed class ActionLimitOptions
{
    public const string Section = "Limits";

    public ActionLimit Like { get; set; } = new(300, 60);

    public ActionLimit Collect { get; set; } = new(200, 60);

    public ActionLimit Follow { get; set; } = new(100, 60);

    public ActionLimit Comment { get; set; } = new(10, 1);

    public ActionLimit Note { get; set; } = new(10, 60);

    public ActionLimit Review { get; set; } = new(20, 60);

    public ActionLimit Question { get; set; } = new(30, 60);

    public ActionLimit Report { get; set; } = new(20, 60);

    public ActionLimit Cart { get; set; } = new(100, 60);

    public ActionLimit Upload { get; set; } = new(60, 60);

    /// <summary>Counter rows whose window ended this many hours ago are deleted by <see cref="ActionCounterCleaner"/> (default 24).</summary>
    public int KeepHours { get; set; } = 24;

    public bool CleanerEnabled { get; set; } = true;

    public int SweepMinutes { get; set; } = 60;

    public int BatchSize { get; set; } = 5000;

    public ActionLimit For(LimitedAction action) => action switch
    {
        LimitedAction.Like => Like,
        LimitedAction.Collect => Collect,
        LimitedAction.Follow => Follow,
        LimitedAction.Comment => Comment,
        LimitedAction.Note => Note,
        LimitedAction.Review => Review,
        LimitedAction.Question => Question,
        LimitedAction.Report => Report,
        LimitedAction.Cart => Cart,
        LimitedAction.Upload => Upload,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}

/// <summary>
/// How many times <see cref="Subject"/> took <see cref="Action"/> in the fixed window starting at <see cref="WindowStart"/>.
/// The key (subject, action, window) makes the first action of a window one insert that only one request wins;
/// later ones raise <see cref="Count"/> by a conditional update (ADR-064).
/// </summary>
public class ActionCounter
{
    public const int SubjectMaxLength = 100;

    /// <summary>The user id, or for <see cref="LimitedAction.Cart"/> the cart's owner key (<c>u:…</c> / <c>a:…</c>).</summary>
    public string Subject { get; set; } = "";

    public LimitedAction Action { get; set; }

    public DateTimeOffset WindowStart { get; set; }

    public int Count { get; set; }
}

public sealed class ActionCounterConfiguration : IEntityTypeConfiguration<ActionCounter>
{
    public void Configure(EntityTypeBuilder<ActionCounter> builder)
    {
        builder.ToTable("ActionCounters");
        builder.HasKey(c => new { c.Subject, c.Action, c.WindowStart });
        builder.Property(c => c.Subject).HasMaxLength(ActionCounter.SubjectMaxLength);
        builder.HasIndex(c => c.WindowStart);
    }
}
