namespace SocialStore.Domain.Bargains;

/// <summary>
/// How much the next helper cuts, in whole fen (cents): a random share of what remains, at least one fen for every
/// helper still to come, and everything that remains for the last one — so the N-th helper reaches the floor exactly.
/// Pure: the caller passes the randomness (seeded in tests).
/// </summary>
public static class BargainCutAlgorithm
{
    /// <param name="remaining">What is left to cut, in yuan (2 places), at least one fen per helper left.</param>
    /// <param name="helpersLeft">Helpers still needed, this one included (≥ 1).</param>
    /// <param name="random">The source of randomness.</param>
    public static decimal NextCut(decimal remaining, int helpersLeft, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(helpersLeft, 1);
        var fen = (long)decimal.Round(remaining * 100m, 0);
        if (fen < helpersLeft) throw new ArgumentOutOfRangeException(nameof(remaining), "At least one fen per helper left.");
        if (helpersLeft == 1) return fen / 100m;
        // Up to twice the fair share (the classic "double the mean" draw), never leaving less than a fen for each helper after this one.
        var max = Math.Min(fen - (helpersLeft - 1), Math.Max(1, 2 * fen / helpersLeft));
        var cut = random.NextInt64(1, max + 1);
        return cut / 100m;
    }
}
