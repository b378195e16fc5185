using SocialStore.Tests.Benchmarks;

namespace SocialStore.Tests.Domain.Recommendations;

/// <summary>The offline evaluation's metrics (issue 16 §4), checked against hand-computed values.</summary>
public class RankingMetricsTests
{
    private static HashSet<long> Set(params long[] ids) => [.. ids];

    [Fact]
    public void Ndcg_IsOne_WhenRelevantItemsComeFirst()
    {
        Assert.Equal(1.0, RankingMetrics.NdcgAt([1, 2, 3, 4], Set(1, 2), 10), 12);
        Assert.Equal(1.0, RankingMetrics.NdcgAt([2, 1, 9], Set(1, 2), 10), 12);
    }

    [Fact]
    public void Ndcg_DiscountsByLogOfRank()
    {
        // One relevant item at rank 3 (0-based 2): 1/log2(4) = 0.5; ideal is 1.
        Assert.Equal(0.5, RankingMetrics.NdcgAt([7, 8, 1, 9], Set(1), 10), 12);
        // Relevant at ranks 0 and 2, two relevant: (1 + 0.5) / (1 + 1/log2(3)).
        Assert.Equal(1.5 / (1 + 1 / Math.Log2(3)), RankingMetrics.NdcgAt([1, 8, 2], Set(1, 2), 10), 12);
    }

    [Fact]
    public void Ndcg_IgnoresItemsBeyondK_AndCapsTheIdealAtK()
    {
        Assert.Equal(0.0, RankingMetrics.NdcgAt([7, 8, 1], Set(1), 2), 12);
        // Five relevant items, k = 2, both first places relevant: the ideal has only two places, so 1.
        Assert.Equal(1.0, RankingMetrics.NdcgAt([1, 2], Set(1, 2, 3, 4, 5), 2), 12);
    }

    [Fact]
    public void Ndcg_CountsADuplicateOnce_AndIsZeroWithoutRelevantItems()
    {
        Assert.Equal(1 / (1 + 1 / Math.Log2(3)), RankingMetrics.NdcgAt([1, 1], Set(1, 2), 10), 12);
        Assert.Equal(0.0, RankingMetrics.NdcgAt([1, 2], Set(), 10));
        Assert.Equal(0.0, RankingMetrics.NdcgAt([], Set(1), 10));
    }

    [Fact]
    public void Recall_IsHitsInTopKOverRelevantCount()
    {
        Assert.Equal(0.5, RankingMetrics.RecallAt([1, 9, 8], Set(1, 2), 20), 12);
        Assert.Equal(1.0, RankingMetrics.RecallAt([2, 1], Set(1, 2), 20), 12);
        Assert.Equal(0.25, RankingMetrics.RecallAt([1, 2, 3], Set(3, 4, 5, 6), 20), 12);
        Assert.Equal(0.0, RankingMetrics.RecallAt([1, 2, 3], Set(3), 2), 12);
        Assert.Equal(0.5, RankingMetrics.RecallAt([1, 1, 1], Set(1, 2), 20), 12);
        Assert.Equal(0.0, RankingMetrics.RecallAt([1], Set(), 20));
    }

    [Fact]
    public void Metrics_RefuseANonPositiveK()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.NdcgAt([1], Set(1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.RecallAt([1], Set(1), 0));
    }
}
