namespace SocialStore.Domain.Ordering;

/// <summary>
/// Spreads an amount over lines in proportion to their weights, exact to the fen: every share is a
/// whole number of fen, the shares add up to the amount, and the leftover fen go to the lines with the
/// largest remainders (ties to the earlier line). This is what makes partial refunds exact.
/// </summary>
public static class PriceAllocation
{
    public static decimal[] Spread(decimal amount, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (decimal.Round(amount, 2) != amount) throw new ArgumentException("The amount must be whole fen.", nameof(amount));
        var shares = new decimal[weights.Count];
        if (weights.Count == 0 || amount == 0) return shares;
        if (weights.Any(w => w < 0)) throw new ArgumentException("Weights must not be negative.", nameof(weights));
        var totalWeight = weights.Sum();
        // With no weight at all (every line free), spread evenly.
        var effective = totalWeight == 0 ? weights.Select(_ => 1m).ToArray() : [.. weights];
        totalWeight = effective.Sum();

        var fen = (long)(amount * 100);
        var sign = Math.Sign(fen);
        fen = Math.Abs(fen);
        var floors = new long[effective.Length];
        var remainders = new decimal[effective.Length];
        long given = 0;
        for (var i = 0; i < effective.Length; i++)
        {
            var exact = fen * effective[i] / totalWeight;
            floors[i] = (long)decimal.Floor(exact);
            remainders[i] = exact - floors[i];
            given += floors[i];
        }
        var order = Enumerable.Range(0, effective.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; given < fen; k++, given++) floors[order[k % order.Length]]++;
        for (var i = 0; i < shares.Length; i++) shares[i] = sign * floors[i] / 100m;
        return shares;
    }
}
