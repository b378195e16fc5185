using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Levels;

/// <summary>A level as the back office edits it and the pages show it.</summary>
public sealed record LevelInput(string Name, int Threshold, int PointsRatePercent);

/// <summary>The level table: the saved rows, or the defaults until the back office saves them.</summary>
public static class LevelRules
{
    public const int MaxLevels = 10;
    public const int MaxThreshold = 100_000_000;

    public static readonly IReadOnlyList<LevelInput> Defaults =
    [
        new("V0", 0, 100),
        new("V1", 500, 110),
        new("V2", 2_000, 125),
        new("V3", 10_000, 150),
    ];

    public static async Task<IReadOnlyList<LevelInput>> ReadAsync(SocialStoreDbContext db, CancellationToken ct)
    {
        var rows = await db.MemberLevels.AsNoTracking().OrderBy(l => l.Rank).Select(l => new LevelInput(l.Name, l.Threshold, l.PointsRatePercent)).ToListAsync(ct);
        return rows.Count == 0 ? Defaults : rows;
    }

    /// <summary>
    /// Whether the person has reached the level of <paramref name="rank"/> (in the table as saved now; a rank it no
    /// longer has is reached by no one) — read in the caller's transaction, e.g. a member-only coupon's claim.
    /// </summary>
    public static async Task<bool> ReachedAsync(SocialStoreDbContext db, string userId, int rank, CancellationToken ct)
    {
        var table = await ReadAsync(db, ct);
        return rank < table.Count && await GrowthLedger.ValueAsync(db, userId, ct) >= table[rank].Threshold;
    }

    /// <summary>The highest level whose threshold is at most <paramref name="growth"/> (inclusive: exactly the threshold reaches it).</summary>
    public static LevelInput For(IReadOnlyList<LevelInput> levels, int growth)
    {
        var reached = levels[0];
        foreach (var level in levels)
            if (growth >= level.Threshold) reached = level;
        return reached;
    }

    /// <summary>The next level above <paramref name="growth"/>, if any.</summary>
    public static LevelInput? Next(IReadOnlyList<LevelInput> levels, int growth) => levels.FirstOrDefault(l => l.Threshold > growth);

    /// <summary>Throws a <see cref="DomainException"/> unless the table is usable: 1–10 levels, the first at 0, thresholds strictly increasing, names 1–20 characters, rates 100–1000 %.</summary>
    public static IReadOnlyList<LevelInput> Validate(IReadOnlyList<LevelInput>? levels)
    {
        if (levels is null || levels.Count == 0) throw new DomainException(LevelsErrors.NoLevels);
        if (levels.Count > MaxLevels) throw new DomainException(LevelsErrors.TooMany, MaxLevels);
        var clean = levels.Select(l => l with { Name = (l.Name ?? "").Trim() }).ToList();
        if (clean[0].Threshold != 0) throw new DomainException(LevelsErrors.FirstNotZero);
        for (var i = 0; i < clean.Count; i++)
        {
            if (clean[i].Name.Length is 0 or > MemberLevel.NameMaxLength) throw new DomainException(LevelsErrors.NameInvalid, i + 1, MemberLevel.NameMaxLength);
            if (clean[i].PointsRatePercent is < 100 or > 1000) throw new DomainException(LevelsErrors.RateInvalid, i + 1);
            if (i > 0 && (clean[i].Threshold <= clean[i - 1].Threshold || clean[i].Threshold > MaxThreshold))
                throw new DomainException(LevelsErrors.NotIncreasing, i + 1);
        }
        return clean;
    }
}
