using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Recommendations;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Recommendations;

public class PersonalFeedTests
{
    /// <summary>Two coffee authors (4 notes each), a skincare author (4), a travel author (4, much liked), and the reader.</summary>
    private static async Task<(RecsTestBed Bed, string Reader, List<long> Coffee, List<long> Skincare, List<long> Travel, string TravelAuthor)> CommunityAsync(DatabaseProvider provider)
    {
        var bed = await RecsTestBed.CreateAsync(provider);
        var people = await bed.Social.UsersAsync([("coffee1", "咖啡师甲"), ("coffee2", "咖啡师乙"), ("skin", "护肤达人"), ("travel", "旅行家"), ("reader", "读者")]);
        var coffee = new List<long>();
        var skincare = new List<long>();
        var travel = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            coffee.Add(await bed.NoteAsync(people[0].Id, $"手冲咖啡 {i}", "咖啡"));
            coffee.Add(await bed.NoteAsync(people[1].Id, $"拿铁 {i}", "咖啡"));
            skincare.Add(await bed.NoteAsync(people[2].Id, $"护肤 {i}", "护肤"));
            travel.Add(await bed.NoteAsync(people[3].Id, $"旅行 {i}", "旅行"));
            bed.Social.Clock.Advance(TimeSpan.FromMinutes(10));
        }
        var fans = await bed.Social.ManyUsersAsync("fan", 6);
        foreach (var fan in fans)
            foreach (var id in travel)
                await bed.Social.Likes.LikeNoteAsync(fan.Id, id, default);
        return (bed, people[4].Id, coffee, skincare, travel, people[3].Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Discover_AfterLikingThreeCoffeeNotes_ExplainsByTopic_AndNotInterestedTopicRemovesThemOnTheNextPage(DatabaseProvider provider)
    {
        var (bed, reader, coffee, _, travel, _) = await CommunityAsync(provider);
        await using var _1 = bed;
        foreach (var id in coffee.Take(3)) await bed.Social.Likes.LikeNoteAsync(reader, id, default);

        // A page of five out of thirteen candidates, so the diversity caps bind.
        var page = (await bed.Personal.DiscoverAsync(reader, null, 5, default))!;

        Assert.NotNull(page);
        Assert.Equal(5, page.Items.Count);
        Assert.Equal("o5", page.NextCursor);
        var ids = page.Items.Select(i => i.Card.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain(coffee[0], ids);
        var coffeeCards = page.Items.Where(i => coffee.Contains(i.Card.Id)).ToList();
        Assert.NotEmpty(coffeeCards);
        Assert.All(coffeeCards, c => Assert.Equal((ReasonKind.Topic, "咖啡"), (c.Reason, c.Subject)));
        Assert.Equal(ReasonKind.Topic, page.Items[0].Reason);
        Assert.Contains(page.Items, i => travel.Contains(i.Card.Id) && i.Reason == ReasonKind.Trending);
        // Diversity: no author more than twice, no topic more than three times on the page.
        Assert.All(page.Items.GroupBy(i => i.AuthorId), g => Assert.True(g.Count() <= PersonalRanking.MaxPerAuthorPerPage));
        Assert.True(coffeeCards.Count <= PersonalRanking.MaxPerTopicPerPage);

        await bed.Personalisation.NotInterestedAsync(reader, FeedbackKind.Topic, (await bed.TopicIdAsync("咖啡")).ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        var next = (await bed.Personal.DiscoverAsync(reader, null, 20, default))!;

        Assert.DoesNotContain(next.Items, i => coffee.Contains(i.Card.Id));
        Assert.DoesNotContain(next.Items, i => i.Reason == ReasonKind.Topic && i.Subject == "咖啡");
        Assert.DoesNotContain(await bed.Personalisation.InterestsAsync(reader, default), t => t.Name == "咖啡");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NotInterested_NoteAndAuthor_LeaveTheFeed_DeletedNoteIsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        var (bed, reader, _, skincare, travel, travelAuthor) = await CommunityAsync(provider);
        await using var _1 = bed;
        await bed.Personalisation.NotInterestedAsync(reader, FeedbackKind.Note, skincare[0].ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        await bed.Personalisation.NotInterestedAsync(reader, FeedbackKind.Note, skincare[0].ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        await bed.Personalisation.NotInterestedAsync(reader, FeedbackKind.Author, travelAuthor, default);
        var deleted = await bed.Social.NoteAsync(travelAuthor, NoteStatus.Deleted);

        var refused = await Assert.ThrowsAsync<DomainException>(() => bed.Personalisation.NotInterestedAsync(reader, FeedbackKind.Note, deleted.ToString(System.Globalization.CultureInfo.InvariantCulture), default));
        var badTopic = await Assert.ThrowsAsync<DomainException>(() => bed.Personalisation.NotInterestedAsync(reader, FeedbackKind.Topic, "999999", default));
        var page = (await bed.Personal.DiscoverAsync(reader, null, 60, default))!;

        Assert.Equal(RecommendationErrors.NoteUnavailable, refused.Code);
        Assert.Equal(RecommendationErrors.TopicNotFound, badTopic.Code);
        Assert.Equal(2, await bed.Social.QueryAsync(db => db.RecommendationFeedback.CountAsync(f => f.UserId == reader)));
        Assert.DoesNotContain(page.Items, i => i.Card.Id == skincare[0]);
        Assert.DoesNotContain(page.Items, i => travel.Contains(i.Card.Id));
        Assert.Contains(page.Items, i => i.Card.Id == skincare[1]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Switch_OffThenOnQuickly_OneRowLastChoiceWins_OffMeansTheAnonymousFeed(DatabaseProvider provider)
    {
        var (bed, reader, coffee, _, _, _) = await CommunityAsync(provider);
        await using var _1 = bed;
        foreach (var id in coffee.Take(3)) await bed.Social.Likes.LikeNoteAsync(reader, id, default);
        Assert.NotNull(await bed.Personal.DiscoverAsync(reader, null, 20, default));

        // Switching off and on quickly, from parallel requests: one row, never an error.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => bed.Personalisation.SetEnabledAsync(reader, i % 2 == 0, default)));
        await bed.Personalisation.SetEnabledAsync(reader, false, default);

        Assert.Equal(1, await bed.Social.QueryAsync(db => db.PersonalisationSettings.CountAsync(s => s.UserId == reader)));
        Assert.Null(await bed.Personal.DiscoverAsync(reader, null, 20, default));
        Assert.False((await bed.Personalisation.StateAsync(reader, default)).Enabled);

        await bed.Personalisation.SetEnabledAsync(reader, true, default);
        Assert.NotNull(await bed.Personal.DiscoverAsync(reader, null, 20, default));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InterestTags_ComeFromLikesAndCollects_DeletingOneRemovesIt(DatabaseProvider provider)
    {
        var (bed, reader, coffee, skincare, _, _) = await CommunityAsync(provider);
        await using var _1 = bed;
        foreach (var id in coffee.Take(3)) await bed.Social.Likes.LikeNoteAsync(reader, id, default);
        await bed.Social.Collects.CollectAsync(reader, skincare[0], null, default);

        var before = await bed.Personalisation.InterestsAsync(reader, default);
        await bed.Personalisation.RemoveInterestAsync(reader, await bed.TopicIdAsync("咖啡"), default);
        var after = await bed.Personalisation.InterestsAsync(reader, default);

        Assert.Equal([("咖啡", 3), ("护肤", 2)], before.Select(t => (t.Name, t.Count)));
        Assert.Equal([("护肤", 2)], after.Select(t => (t.Name, t.Count)));
    }
}
