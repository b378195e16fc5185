namespace SocialStore.Tests.Benchmarks;

/// <summary>
/// Offline ranking metrics with binary relevance (issue 16 §4): a ranked list of item ids against the set of items the
/// person actually engaged with in the held-out period. Pure, so they are unit tested without a database.
/// </summary>
public static class RankingMetrics
{
    /// <summary>
    /// NDCG@k: Σ over the first k ranks r (0-based) of a relevant item of 1/log2(r+2), divided by the same sum for an ideal
    /// list (all relevant items first, min(|relevant|, k) of them). 0 when nothing is relevant. Duplicates count once.
    /// </summary>
    public static double NdcgAt(IReadOnlyList<long> ranked, IReadOnlySet<long> relevant, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (relevant.Count == 0) return 0;
        var seen = new HashSet<long>();
        var dcg = 0.0;
        for (var r = 0; r < Math.Min(k, ranked.Count); r++)
            if (seen.Add(ranked[r]) && relevant.Contains(ranked[r])) dcg += 1 / Math.Log2(r + 2);
        var ideal = 0.0;
        for (var r = 0; r < Math.Min(k, relevant.Count); r++) ideal += 1 / Math.Log2(r + 2);
        return dcg / ideal;
    }

    /// <summary>Recall@k: how many of the relevant items are in the first k ranks, over |relevant|. 0 when nothing is relevant.</summary>
    public static double RecallAt(IReadOnlyList<long> ranked, IReadOnlySet<long> relevant, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (relevant.Count == 0) return 0;
        var hits = ranked.Take(k).Distinct().Count(relevant.Contains);
        return (double)hits / relevant.Count;
    }
}
