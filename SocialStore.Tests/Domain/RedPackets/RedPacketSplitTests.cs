using SocialStore.Domain.RedPackets;

namespace SocialStore.Tests.Domain.RedPackets;

/// <summary>The split as a pure function: exact sums, at least ¥0.01 each, at most twice the mean of what remains.</summary>
public sealed class RedPacketSplitTests
{
    [Fact]
    public void RandomTotalsAndSlots_AlwaysSumToTheTotal_EachAtLeastOneFen_AtMostTwiceTheMeanRemaining()
    {
        var meta = new Random(20261206);
        for (var run = 0; run < 5000; run++)
        {
            var slots = meta.Next(1, 101);
            var fen = meta.Next(slots, 20_001);
            var total = fen / 100m;
            var random = new Random(run);
            var amounts = RedPacketSplit.Split(total, slots, random.Next);

            Assert.Equal(slots, amounts.Count);
            Assert.Equal(total, amounts.Sum());
            var remaining = total;
            for (var i = 0; i < amounts.Count; i++)
            {
                var a = amounts[i];
                Assert.True(a >= 0.01m, $"slot {i} of {total}/{slots}: {a}");
                Assert.Equal(a, decimal.Round(a, 2));
                if (i < amounts.Count - 1) Assert.True(a <= Math.Max(0.01m, 2 * remaining / (slots - i)), $"slot {i}: {a} > 2×mean of {remaining}");
                remaining -= a;
            }
        }
    }

    [Fact]
    public void ExtremeDraws_StillLeaveOneFenForEveryLaterSlot()
    {
        // Always the largest allowed draw, then always the smallest.
        var high = RedPacketSplit.Split(0.05m, 5, (_, max) => max - 1);
        Assert.Equal([0.01m, 0.01m, 0.01m, 0.01m, 0.01m], high);
        var low = RedPacketSplit.Split(200m, 3, (min, _) => min);
        Assert.Equal([0.01m, 0.01m, 199.98m], low);
        Assert.Equal([1.23m], RedPacketSplit.Split(1.23m, 1, (_, _) => throw new InvalidOperationException()));
    }

    [Fact]
    public void BadInput_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => RedPacketSplit.Split(0.09m, 10, new Random(1).Next));
        Assert.Throws<ArgumentException>(() => RedPacketSplit.Split(1.005m, 2, new Random(1).Next));
        Assert.Throws<ArgumentOutOfRangeException>(() => RedPacketSplit.Split(1m, 0, new Random(1).Next));
    }
}
