using SocialStore.Domain.Recommendations;

namespace SocialStore.Tests.Domain.Recommendations;

public class PersonalRankingTests
{
    [Fact]
    public void Diversify_OneAuthorAndTopicDominate_NoPageHasMoreThanTheCaps()
    {
        // 30 ranked notes: the first 12 by author "a" in topic 1, then 18 by distinct authors in distinct topics.
        var ranked = Enumerable.Range(0, 30)
            .Select(i => i < 12 ? (Id: i, Author: "a", Topics: (IReadOnlyList<int>)[1]) : (Id: i, Author: "x" + i, Topics: [100 + i]))
            .ToList();

        var result = PersonalRanking.Diversify(ranked, r => r.Author, r => r.Topics, pageSize: 10);

        Assert.Equal(30, result.Count);
        Assert.Equal(ranked.Select(r => r.Id).Order(), result.Select(r => r.Id).Order());
        foreach (var page in result.Take(20).Chunk(10))
        {
            Assert.True(page.Count(r => r.Author == "a") <= PersonalRanking.MaxPerAuthorPerPage);
            Assert.True(page.Count(r => r.Topics.Contains(1)) <= PersonalRanking.MaxPerTopicPerPage);
        }
        // The best of the flood still leads the first page; what did not fit comes later, in rank order.
        Assert.Equal([0, 1], result.Take(10).Where(r => r.Author == "a").Select(r => r.Id));
        Assert.Equal(result.Where(r => r.Author == "a").Select(r => r.Id).Order(), result.Where(r => r.Author == "a").Select(r => r.Id));
    }

    [Fact]
    public void Diversify_VarietyAlready_KeepsRankOrder()
    {
        var ranked = Enumerable.Range(0, 25).Select(i => (Id: i, Author: "u" + i, Topics: (IReadOnlyList<int>)[i])).ToList();

        var result = PersonalRanking.Diversify(ranked, r => r.Author, r => r.Topics, pageSize: 10);

        Assert.Equal(ranked, result);
    }

    [Fact]
    public void Freshness_HalvesEveryHalfLife_AndNewerWinsAtEqualTerms()
    {
        Assert.Equal(1.0, PersonalRanking.Freshness(TimeSpan.Zero), 12);
        Assert.Equal(0.5, PersonalRanking.Freshness(TimeSpan.FromHours(PersonalRanking.HalfLifeHours)), 12);
        Assert.Equal(0.25, PersonalRanking.Freshness(TimeSpan.FromHours(2 * PersonalRanking.HalfLifeHours)), 12);
        var terms = PersonalRanking.Terms(followed: false, topicAffinity: 1, similarity: 0, engagement: 10, maxEngagement: 10);
        Assert.True(PersonalRanking.Score(terms, TimeSpan.FromHours(1)) > PersonalRanking.Score(terms, TimeSpan.FromHours(30)));
    }

    [Theory]
    [InlineData(true, 0.0, 0.0, 0.0, ReasonKind.Follow)]
    [InlineData(false, 1.0, 0.0, 10.0, ReasonKind.Topic)]
    [InlineData(true, 1.0, 0.0, 0.0, ReasonKind.Topic)]
    [InlineData(false, 0.2, 0.9, 1.0, ReasonKind.Similar)]
    [InlineData(false, 0.1, 0.1, 100.0, ReasonKind.Trending)]
    [InlineData(false, 0.0, 0.0, 0.0, ReasonKind.Trending)]
    public void Why_IsTheLargestTerm(bool followed, double topic, double similar, double engagement, ReasonKind expected)
    {
        var terms = PersonalRanking.Terms(followed, topic, similar, engagement, maxEngagement: 100);

        Assert.Equal(expected, terms.Largest);
        var values = new Dictionary<ReasonKind, double>
        {
            [ReasonKind.Follow] = terms.Follow,
            [ReasonKind.Topic] = terms.Topic,
            [ReasonKind.Similar] = terms.Similar,
            [ReasonKind.Trending] = terms.Trending,
        };
        Assert.Equal(values.Values.Max(), values[terms.Largest]);
    }
}
