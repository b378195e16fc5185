namespace SocialStore.Domain.Data.Seed.Generation;

/// <summary>
/// Deterministic randomness. Each note, product or user gets its own generator derived from the run's
/// seed and its position, so any row can be regenerated alone and in any order with the same result.
/// (HashCode is randomised per process, so it cannot be used here.)
/// </summary>
internal static class SeedRandom
{
    public static Random For(int seed, string stream, long index) => new(Derive(seed, stream, index));

    public static int Derive(int seed, string stream, long index)
    {
        var x = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
        foreach (var c in stream) x = (x ^ c) * 0x100000001B3UL;
        x ^= (ulong)index + 0x632BE59BD9B4E019UL;
        // SplitMix64 finaliser: spreads close inputs far apart.
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (int)(x & 0x7FFFFFFF);
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static double Gaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A moment between <paramref name="from"/> and <paramref name="to"/>, leaning early when <paramref name="skew"/> &gt; 1, in whole seconds.</summary>
    public static DateTimeOffset Between(this Random random, DateTimeOffset from, DateTimeOffset to, double skew = 1)
    {
        if (to <= from) return Seconds(from);
        var fraction = Math.Pow(random.NextDouble(), skew);
        return Seconds(from + TimeSpan.FromTicks((long)((to - from).Ticks * fraction)));
    }

    /// <summary>Whole seconds, UTC: every provider then stores and returns exactly the same instant.</summary>
    public static DateTimeOffset Seconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>k distinct integers from [0, n) in ascending order (Floyd's algorithm: k draws, no shuffle of n).</summary>
    public static int[] Distinct(this Random random, int n, int k, HashSet<int> scratch)
    {
        k = Math.Clamp(k, 0, n);
        scratch.Clear();
        for (var j = n - k; j < n; j++)
        {
            var t = random.Next(j + 1);
            if (!scratch.Add(t)) scratch.Add(j);
        }
        var result = scratch.ToArray();
        Array.Sort(result);
        return result;
    }
}
