namespace SocialStore.Domain.Moderation.Engagement;

/// <summary>Section <c>Moderation:Engagement</c>: the detectors' window and thresholds and the scan interval.</summary>
public sealed class EngagementOptions
{
    public const string Section = "Moderation:Engagement";

    public bool WorkerEnabled { get; set; } = true;

    public int ScanMinutes { get; set; } = 60;

    public int WindowDays { get; set; } = 30;

    /// <summary>Pairs that have followed each other both ways for longer than this are friends, not evidence.</summary>
    public int LongMutualFollowDays { get; set; } = 90;

    public int MinRingSize { get; set; } = 3;

    public double MinConcentration { get; set; } = 0.8;

    public int MinActs { get; set; } = 5;

    public int BurstMinLikes { get; set; } = 10;

    public int BurstWindowMinutes { get; set; } = 60;

    public int NewAccountDays { get; set; } = 7;

    public int DuplicateMinLength { get; set; } = 12;

    public DetectorOptions Detector() => new()
    {
        MinRingSize = Math.Max(3, MinRingSize),
        MinConcentration = Math.Clamp(MinConcentration, 0.5, 1),
        MinActs = Math.Max(1, MinActs),
        BurstMinLikes = Math.Max(2, BurstMinLikes),
        BurstWindow = TimeSpan.FromMinutes(Math.Max(1, BurstWindowMinutes)),
        NewAccountAge = TimeSpan.FromDays(Math.Max(1, NewAccountDays)),
        DuplicateMinLength = Math.Max(4, DuplicateMinLength),
    };
}
