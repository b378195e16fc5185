namespace SocialStore.Domain.Moderation;

/// <summary>The thresholds of the queue (section <c>Moderation</c>); each decision stores the ones in force.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>A target whose score reaches this is hidden from public pages at once, pending review.</summary>
    public double HideThreshold { get; set; } = 6;

    public int MaxMuteDays { get; set; } = 365;
}
