namespace SocialStore.Domain.Notes;

/// <summary>
/// Discover's ranking: recency-decayed engagement in the form of Reddit's "hot" score (ADR-009).
/// <c>score = log10(1 + E) + t / T</c> where E = likes + 2·collects + 3·comments + 4·shares, t is
/// the publish time in hours since <see cref="Epoch"/> and T = <see cref="HoursPerTenfold"/>.
/// A note needs ten times the engagement to outrank one published T hours later. The score does
/// not change as time passes, so it can be stored, indexed and keyset-paged.
/// </summary>
public static class Ranking
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const double HoursPerTenfold = 24;

    public const int MaxRunPerAuthor = 2;

    public static double Engagement(int likes, int collects, int comments, int shares) =>
        Math.Max(0, likes) + 2.0 * Math.Max(0, collects) + 3.0 * Math.Max(0, comments) + 4.0 * Math.Max(0, shares);

    public static double HotScore(int likes, int collects, int comments, int shares, DateTimeOffset publishedAt) =>
        Math.Log10(1 + Engagement(likes, collects, comments, shares)) + (publishedAt - Epoch).TotalHours / HoursPerTenfold;

    /// <summary>
    /// Reorders a ranked list so no author has more than <see cref="MaxRunPerAuthor"/> notes in a row:
    /// a note that would extend a run waits for the next place where it fits; order is otherwise kept.
    /// </summary>
    public static List<T> LimitAuthorRuns<T>(IReadOnlyList<T> ranked, Func<T, string> author, int maxRun = MaxRunPerAuthor)
    {
        var result = new List<T>(ranked.Count);
        var waiting = new List<T>();
        foreach (var item in ranked)
        {
            waiting.Add(item);
            Drain();
        }
        // Whatever cannot be placed without a long run goes at the end, still in rank order.
        Drain();
        result.AddRange(waiting);
        return result;

        void Drain()
        {
            var placed = true;
            while (placed)
            {
                placed = false;
                for (var i = 0; i < waiting.Count; i++)
                {
                    if (RunLength(author(waiting[i])) >= maxRun) continue;
                    result.Add(waiting[i]);
                    waiting.RemoveAt(i);
                    placed = true;
                    break;
                }
            }
        }

        int RunLength(string a)
        {
            var n = 0;
            for (var i = result.Count - 1; i >= 0 && author(result[i]) == a; i--) n++;
            return n;
        }
    }
}
