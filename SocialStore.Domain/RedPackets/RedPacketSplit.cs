namespace SocialStore.Domain.RedPackets;

/// <summary>
/// The 拼手气 split, done once when a packet is created: in whole fen, each slot but the last draws uniformly between
/// ¥0.01 and twice the mean of what remains (never so much that a later slot would get less than ¥0.01); the last
/// slot takes the rest. The slots always sum to the total and each is at least ¥0.01.
/// </summary>
public static class RedPacketSplit
{
    /// <param name="total">Yuan with at most two decimals, at least ¥0.01 per slot.</param>
    /// <param name="slots">At least 1.</param>
    /// <param name="next">Returns an integer in [min, maxExclusive) — <see cref="Random.Next(int, int)"/> or a test's sequence.</param>
    public static IReadOnlyList<decimal> Split(decimal total, int slots, Func<int, int, int> next)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var fen = total * 100m;
        if (fen != decimal.Truncate(fen)) throw new ArgumentException("The total must be whole fen.", nameof(total));
        var remaining = (long)fen;
        if (remaining < slots) throw new ArgumentException("The total must give every slot at least ¥0.01.", nameof(total));
        var result = new decimal[slots];
        for (var i = 0; i < slots - 1; i++)
        {
            var left = slots - i;
            var twiceMean = 2 * remaining / left;
            var max = Math.Min(Math.Max(1, twiceMean), remaining - (left - 1));
            var drawn = next(1, (int)max + 1);
            if (drawn < 1 || drawn > max) throw new InvalidOperationException("The random source returned a value out of range.");
            result[i] = drawn / 100m;
            remaining -= drawn;
        }
        result[slots - 1] = remaining / 100m;
        return result;
    }
}
