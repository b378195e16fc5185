using SocialStore.Domain.Data;

namespace SocialStore.Domain.Points;

/// <summary>Points for engagement, each keyed on its source so it is credited once.</summary>
public static class PointsRewards
{
    /// <summary>A review with photos earns the configured points, once per review.</summary>
    public static async Task OnReviewWrittenAsync(SocialStoreDbContext db, string authorId, long reviewId, bool hasPhotos, DateTimeOffset now, CancellationToken ct)
    {
        if (!hasPhotos) return;
        var rules = await PointsRulesStore.ReadAsync(db, ct);
        if (rules.ReviewWithPhotosPoints > 0)
            await PointsLedger.CreditAsync(db, authorId, rules.ReviewWithPhotosPoints, PointsKind.Review, $"review:{reviewId}", now, ct);
    }
}
