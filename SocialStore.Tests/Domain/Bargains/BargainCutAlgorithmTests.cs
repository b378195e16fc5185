using SocialStore.Domain.Bargains;

namespace SocialStore.Tests.Domain.Bargains;

/// <summary>The cut algorithm, property-tested over random N and prices: every cut ≥ ¥0.01, whole fen, and the N-th reaches the floor exactly.</summary>
public sealed class BargainCutAlgorithmTests
{
    [Fact]
    public void RandomNAndPrices_CutsAddUpExactly_EveryCutAtLeastOneFen()
    {
        var dice = new Random(20261206);
        for (var run = 0; run < 5000; run++)
        {
            var n = dice.Next(1, 51);
            var maxCutFen = dice.NextInt64(n, 1_000_000);
            var maxCut = maxCutFen / 100m;
            var random = new Random(run);
            var total = 0m;
            for (var left = n; left >= 1; left--)
            {
                var cut = BargainCutAlgorithm.NextCut(maxCut - total, left, random);
                Assert.True(cut >= 0.01m, $"run {run}: cut {cut} below one fen");
                Assert.Equal(decimal.Round(cut, 2), cut);
                total += cut;
                Assert.True(total <= maxCut, $"run {run}: total {total} above {maxCut}");
                // What is left always leaves at least one fen for each helper still to come.
                Assert.True((maxCut - total) * 100m >= left - 1);
            }
            Assert.Equal(maxCut, total);
        }
    }

    [Fact]
    public void LastHelper_TakesExactlyWhatRemains()
    {
        Assert.Equal(12.34m, BargainCutAlgorithm.NextCut(12.34m, 1, new Random(1)));
    }

    [Fact]
    public void OneFenPerHelper_EachCutsOneFen()
    {
        var random = new Random(7);
        Assert.Equal(0.01m, BargainCutAlgorithm.NextCut(0.03m, 3, random));
        Assert.Equal(0.01m, BargainCutAlgorithm.NextCut(0.02m, 2, random));
    }

    [Fact]
    public void SameSeed_SameCuts()
    {
        var a = Enumerable.Range(0, 5).Select(i => BargainCutAlgorithm.NextCut(90.10m, 5 - i, new Random(99))).ToList();
        var b = Enumerable.Range(0, 5).Select(i => BargainCutAlgorithm.NextCut(90.10m, 5 - i, new Random(99))).ToList();
        Assert.Equal(a, b);
    }

    [Fact]
    public void TooLittleLeft_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BargainCutAlgorithm.NextCut(0.01m, 2, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BargainCutAlgorithm.NextCut(1m, 0, new Random(1)));
    }
}
