using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Referrals;

/// <summary>
/// Who is a creator (issue 14 §3, ADR-066): a user the admin enabled, or — when <see cref="ReferralSettings.CreatorMinLevelRank"/>
/// is set — a user whose growth value reaches that member level's threshold, unless the admin explicitly disabled them.
/// One home for the rule: commissions, payouts, the creator centre and the disclosure label all ask here.
/// </summary>
public static class CreatorRule
{
    /// <summary>The growth threshold of the configured level, or null when only enablement counts (no level set, or the table no longer has that rank).</summary>
    public static async Task<int?> ThresholdAsync(SocialStoreDbContext db, CancellationToken ct)
    {
        var rank = (await AttributionService.SettingsAsync(db, ct)).CreatorMinLevelRank;
        if (rank is not { } r) return null;
        // The level table as the rest of the shop reads it (its defaults until an admin saves one).
        var table = await Levels.LevelRules.ReadAsync(db, ct);
        return r >= 0 && r < table.Count ? table[r].Threshold : null;
    }

    /// <summary>The ids of every creator, as a query to compose (<c>CreatorIds(db, t).Contains(x)</c>).</summary>
    public static IQueryable<string> CreatorIds(SocialStoreDbContext db, int? threshold)
    {
        var enabled = db.Creators.Where(c => c.Enabled).Select(c => c.UserId);
        if (threshold is not { } t) return enabled;
        var byLevel = db.GrowthEntries.GroupBy(g => g.UserId).Where(g => g.Sum(e => e.Amount) >= t).Select(g => g.Key)
            .Where(id => !db.Creators.Any(c => c.UserId == id && !c.Enabled));
        return enabled.Union(byLevel);
    }

    public static async Task<bool> IsCreatorAsync(SocialStoreDbContext db, string userId, CancellationToken ct)
    {
        var row = await db.Creators.AsNoTracking().Where(c => c.UserId == userId).Select(c => (bool?)c.Enabled).FirstOrDefaultAsync(ct);
        if (row is { } enabled) return enabled;
        if (await ThresholdAsync(db, ct) is not { } t) return false;
        return await db.GrowthEntries.Where(g => g.UserId == userId).SumAsync(g => g.Amount, ct) >= t;
    }
}
