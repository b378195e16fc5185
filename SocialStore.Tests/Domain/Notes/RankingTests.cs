using SocialStore.Domain.Notes;

namespace SocialStore.Tests.Domain.Notes;

public class RankingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void HotScore_TenTimesTheEngagement_EqualsOneDayNewer()
    {
        var older = Ranking.HotScore(99, 0, 0, 0, T0);            // E = 99 → log10(100) = 2
        var newer = Ranking.HotScore(9, 0, 0, 0, T0.AddDays(1));  // E = 9 → log10(10) = 1, one day later
        Assert.Equal(older, newer, 9);
    }

    [Fact]
    public void Engagement_WeighsCollectsCommentsAndSharesAboveLikes()
    {
        Assert.Equal(1 + 2 * 1 + 3 * 1 + 4 * 1, Ranking.Engagement(1, 1, 1, 1));
        Assert.True(Ranking.HotScore(0, 1, 0, 0, T0) > Ranking.HotScore(1, 0, 0, 0, T0));
        Assert.True(Ranking.HotScore(0, 0, 0, 1, T0) > Ranking.HotScore(0, 0, 1, 0, T0));
    }

    [Fact]
    public void HotScore_NewerWinsAtEqualEngagement_AndNegativeCountsCountAsZero()
    {
        Assert.True(Ranking.HotScore(5, 1, 1, 0, T0.AddHours(1)) > Ranking.HotScore(5, 1, 1, 0, T0));
        Assert.Equal(Ranking.HotScore(0, 0, 0, 0, T0), Ranking.HotScore(-3, -1, 0, 0, T0));
    }

    [Fact]
    public void HotScore_OldViralNoteSinksBelowAFreshOne()
    {
        var viral = Ranking.HotScore(10_000, 500, 300, 50, T0);          // E ≈ 12,100, a week old
        var fresh = Ranking.HotScore(3, 0, 1, 0, T0.AddDays(7));
        Assert.True(fresh > viral);
    }

    [Theory]
    [InlineData("AAAB", "AABA")]
    [InlineData("AAAAB", "AABAA")]
    [InlineData("AAAABB", "AABAAB")]
    [InlineData("ABABAB", "ABABAB")]
    [InlineData("AAAA", "AAAA")]          // nothing else to interleave: the rest goes at the end in order
    [InlineData("AAABBBC", "AABABBC")]
    public void LimitAuthorRuns_NoMoreThanTwoInARow(string input, string expected)
    {
        var items = input.Select((author, i) => (Author: author.ToString(), Rank: i)).ToList();

        var result = Ranking.LimitAuthorRuns(items, x => x.Author);

        Assert.Equal(expected, string.Concat(result.Select(r => r.Author)));
        Assert.Equal(items.Count, result.Count);
        Assert.Equal(items.OrderBy(i => i.Rank), result.OrderBy(r => r.Rank));
    }

    [Fact]
    public void LimitAuthorRuns_KeepsRankOrderWithinEachAuthor()
    {
        var items = new[] { ("a", 1), ("a", 2), ("a", 3), ("b", 4), ("a", 5), ("c", 6) };

        var result = Ranking.LimitAuthorRuns(items, x => x.Item1);

        Assert.Equal([1, 2, 4, 3, 5, 6], result.Select(r => r.Item2));
        Assert.Equal([1, 2, 3, 5], result.Where(r => r.Item1 == "a").Select(r => r.Item2));
    }
}
