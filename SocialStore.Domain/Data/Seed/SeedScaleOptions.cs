namespace SocialStore.Domain.Data.Seed;

/// <summary>
/// How much a seeding run generates. <see cref="Demo"/> is the showcase community written through the
/// entities; <see cref="Large"/> is the benchmark volume of ADR-034 §6 written with bulk inserts.
/// Tests run the large path with <see cref="Scaled"/> sizes.
/// </summary>
internal sealed record SeedScaleOptions
{
    public required string Name { get; init; }

    /// <summary>Fixed, so that every run of a scale generates the same people, notes and products.</summary>
    public required int RandomSeed { get; init; }

    public required int Users { get; init; }

    public required int Notes { get; init; }

    public required int Products { get; init; }

    public required int Likes { get; init; }

    public required int Collects { get; init; }

    public required int Comments { get; init; }

    public required int Follows { get; init; }

    /// <summary>
    /// Showcase quality: every picture is drawn for its note or person (covers carry the title) and no
    /// title repeats. Volume sets turn it off and share a pool of a few hundred pictures.
    /// </summary>
    public required bool Showcase { get; init; }

    /// <summary>The domain of the generated people's addresses; a reserved TLD, so no mail can ever reach anyone.</summary>
    public required string EmailDomain { get; init; }

    public int NoteDays { get; init; } = 60;

    public static SeedScaleOptions Demo { get; } = new()
    {
        Name = "demo",
        RandomSeed = 20_261_122,
        Users = 64,
        Notes = 336,
        Products = 84,
        Likes = 4_200,
        Collects = 1_500,
        Comments = 1_300,
        Follows = 760,
        Showcase = true,
        EmailDomain = "demo.socialstore.example",
    };

    public static SeedScaleOptions Large { get; } = new()
    {
        Name = "large",
        RandomSeed = 6_100_000,
        Users = 20_000,
        Notes = 100_000,
        Products = 10_000,
        Likes = 1_000_000,
        Collects = 250_000,
        Comments = 300_000,
        Follows = 300_000,
        Showcase = false,
        EmailDomain = "bench.socialstore.example",
    };

    /// <summary>Every scale's e-mail domain: people there were generated (<see cref="DemoCommunity"/>).</summary>
    public static IReadOnlyList<string> EmailDomains => [Demo.EmailDomain, Large.EmailDomain];

    /// <summary>The same shape with every volume divided, for tests of the bulk path.</summary>
    public SeedScaleOptions Scaled(int divisor) => this with
    {
        Name = $"{Name}/{divisor}",
        Users = Math.Max(20, Users / divisor),
        Notes = Math.Max(20, Notes / divisor),
        Products = Math.Max(10, Products / divisor),
        Likes = Likes / divisor,
        Collects = Collects / divisor,
        Comments = Comments / divisor,
        Follows = Follows / divisor,
    };
}
