using SocialStore.Domain.Moderation.Engagement;

namespace SocialStore.Tests.Domain.Moderation.Engagement;

public sealed class EngagementDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<(string, string)> NoFriends = [];

    private static IEnumerable<EngagementAct> Acts(string actor, string target, int count) =>
        Enumerable.Range(0, count).Select(i => new EngagementAct(actor, target, T0.AddMinutes(i)));

    [Fact]
    public void FindRings_ThreeAccountsLikingOnlyEachOther_IsOneRingWithFullConcentration()
    {
        var acts = Acts("a", "b", 4).Concat(Acts("a", "c", 4)).Concat(Acts("b", "a", 4)).Concat(Acts("b", "c", 4))
            .Concat(Acts("c", "a", 4)).Concat(Acts("c", "b", 4));

        var ring = Assert.Single(EngagementDetector.FindRings(acts, NoFriends));

        Assert.Equal(["a", "b", "c"], ring.Members.Select(m => m.UserId));
        Assert.All(ring.Members, m => Assert.Equal(1.0, m.Concentration));
    }

    [Fact]
    public void FindRings_TwoAccounts_AreNotARing()
    {
        var acts = Acts("a", "b", 10).Concat(Acts("b", "a", 10));

        Assert.Empty(EngagementDetector.FindRings(acts, NoFriends));
    }

    [Fact]
    public void FindRings_MembersSpendingMostEngagementElsewhere_AreNotARing()
    {
        // Each likes the others a little (3 of 10 acts), the rest goes to many different authors: 30 % < 80 %.
        var acts = new List<EngagementAct>();
        foreach (var m in new[] { "a", "b", "c" })
        {
            foreach (var o in new[] { "a", "b", "c" }.Where(o => o != m)) acts.AddRange(Acts(m, o, 2));
            for (var i = 0; i < 16; i++) acts.AddRange(Acts(m, $"author{i}", 1));
        }

        Assert.Empty(EngagementDetector.FindRings(acts, NoFriends));
    }

    [Fact]
    public void FindRings_LongStandingMutualFollowers_AreNotEvidence()
    {
        var acts = Acts("a", "b", 4).Concat(Acts("a", "c", 4)).Concat(Acts("b", "a", 4)).Concat(Acts("b", "c", 4))
            .Concat(Acts("c", "a", 4)).Concat(Acts("c", "b", 4));
        var friends = new HashSet<(string, string)> { EngagementDetector.Pair("a", "b"), EngagementDetector.Pair("b", "c"), EngagementDetector.Pair("a", "c") };

        Assert.Empty(EngagementDetector.FindRings(acts, friends));
    }

    [Fact]
    public void FindRings_RingInsideABiggerComponent_PrunesTheOutsiders()
    {
        // a, b, c, d ring; e reciprocates with a but spreads its engagement widely, so it is pruned.
        var ring = new[] { "a", "b", "c", "d" };
        var acts = new List<EngagementAct>();
        foreach (var m in ring)
            foreach (var o in ring.Where(o => o != m)) acts.AddRange(Acts(m, o, 5));
        acts.AddRange(Acts("a", "e", 1));
        acts.AddRange(Acts("e", "a", 2));
        for (var i = 0; i < 20; i++) acts.AddRange(Acts("e", $"x{i}", 1));

        var found = Assert.Single(EngagementDetector.FindRings(acts, NoFriends));

        Assert.Equal(ring, found.Members.Select(m => m.UserId));
    }

    [Fact]
    public void FindRings_FewActs_AreNotJudged()
    {
        var acts = Acts("a", "b", 1).Concat(Acts("b", "c", 1)).Concat(Acts("c", "a", 1)).Concat(Acts("b", "a", 1)).Concat(Acts("c", "b", 1)).Concat(Acts("a", "c", 1));

        Assert.Empty(EngagementDetector.FindRings(acts, NoFriends));
    }

    [Fact]
    public void FindBursts_TenNewAccountsWithinAnHour_IsABurst_OldAccountsAndSlowLikesAreNot()
    {
        var young = Enumerable.Range(0, 10).Select(i => new NoteLikeAct(1, $"new{i}", T0.AddMinutes(i * 5), T0.AddDays(-2)));
        var old = Enumerable.Range(0, 10).Select(i => new NoteLikeAct(2, $"old{i}", T0.AddMinutes(i * 5), T0.AddDays(-30)));
        var slow = Enumerable.Range(0, 10).Select(i => new NoteLikeAct(3, $"slow{i}", T0.AddMinutes(i * 10), T0.AddDays(-1)));

        var burst = Assert.Single(EngagementDetector.FindBursts(young.Concat(old).Concat(slow)));

        Assert.Equal(1, burst.NoteId);
        Assert.Equal(10, burst.Likes);
        Assert.Equal(10, burst.Members.Count);
        Assert.Equal(T0, burst.WindowStart);
    }

    [Fact]
    public void FindDuplicateReviews_SameTextWrittenDifferently_AcrossAccounts_IsFound_CommonShortPhrasesAreNot()
    {
        var reviews = new[]
        {
            new ReviewText(1, "a", "质地很清爽，用了一周皮肤明显变好了，推荐购买！"),
            new ReviewText(2, "b", "质地很清爽 用了一周皮肤明显变好了 推荐购买"),
            new ReviewText(3, "c", "質地很清爽，用了一周皮肤明显变好了，推荐购买!!"), // traditional 質: a different text
            new ReviewText(4, "d", "很好用"),
            new ReviewText(5, "e", "很好用！"),
            new ReviewText(6, "a", "Great texture and it really works for dry skin"),
            new ReviewText(7, "a", "GREAT texture and it really works for dry skin."), // same author twice: not across accounts
        };

        var dup = Assert.Single(EngagementDetector.FindDuplicateReviews(reviews));

        Assert.Equal(["a", "b"], dup.Members);
        Assert.Equal([1L, 2L], dup.ReviewIds);
    }
}
