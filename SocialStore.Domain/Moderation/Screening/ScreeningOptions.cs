namespace SocialStore.Domain.Moderation.Screening;

/// <summary>Settings of screening at publish time (section <c>Moderation:Screening</c>).</summary>
public sealed class ScreeningOptions
{
    public const string Section = "Moderation:Screening";

    /// <summary>An account younger than this (days) is "new" for the new-account rule.</summary>
    public int NewAccountDays { get; set; } = 7;

    /// <summary>A new account's note with more @mentions than this is held.</summary>
    public int NewAccountMaxMentions { get; set; } = 3;

    /// <summary>What an automatic flag or hold adds to the reviewable's score.</summary>
    public double FlagWeight { get; set; } = 2;
}
