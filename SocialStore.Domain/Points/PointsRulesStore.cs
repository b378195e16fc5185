using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Points;

/// <summary>The one row of points rules, or the defaults until the back office saves it.</summary>
public static class PointsRulesStore
{
    public static async Task<PointsRules> ReadAsync(SocialStoreDbContext db, CancellationToken ct) =>
        await db.PointsRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == PointsRules.SingletonId, ct) ?? new PointsRules();
}
