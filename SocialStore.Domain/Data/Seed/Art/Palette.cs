namespace SocialStore.Domain.Data.Seed.Art;

/// <summary>A soft two-stop background, an accent for shapes and an ink dark enough to read on the background.</summary>
internal sealed record Palette(string From, string To, string Accent, string Ink);

internal sealed record AspectRatio(string Name, int Width, int Height, int Weight)
{
    // The shapes phones shoot and people post; 3:4 is the feed's own default.
    public static readonly IReadOnlyList<AspectRatio> All =
    [
        new("3x4", 1080, 1440, 40),
        new("1x1", 1080, 1080, 20),
        new("4x3", 1440, 1080, 14),
        new("2x3", 1080, 1620, 14),
        new("9x16", 1080, 1920, 12),
    ];

    public static AspectRatio Pick(Random random)
    {
        var roll = random.Next(All.Sum(r => r.Weight));
        foreach (var ratio in All)
        {
            if (roll < ratio.Weight) return ratio;
            roll -= ratio.Weight;
        }
        return All[0];
    }
}
