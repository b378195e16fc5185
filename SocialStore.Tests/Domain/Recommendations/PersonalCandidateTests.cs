using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Recommendations;

/// <summary>ADR-053: the precomputed candidate sets give the same page as the live computation, and go stale when they must.</summary>
public class PersonalCandidateTests
{
    /// <summary>Coffee, skincare and travel authors (5 notes each), fans who like coffee and travel, and a reader who follows the skincare author.</summary>
    private static async Task<(RecsTestBed Bed, string Reader, List<long> Coffee, List<long> Skincare, List<long> Travel)> CommunityAsync(DatabaseProvider provider)
    {
        var bed = await RecsTestBed.CreateAsync(provider);
        var people = await bed.Social.UsersAsync([("coffee", "咖啡师"), ("skin", "护肤达人"), ("travel", "旅行家"), ("reader", "读者")]);
        var coffee = new List<long>();
        var skincare = new List<long>();
        var travel = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            coffee.Add(await bed.NoteAsync(people[0].Id, $"手冲 {i}", "咖啡"));
            skincare.Add(await bed.NoteAsync(people[1].Id, $"面霜 {i}", "护肤"));
            travel.Add(await bed.NoteAsync(people[2].Id, $"云南 {i}", "旅行"));
            bed.Social.Clock.Advance(TimeSpan.FromMinutes(10));
        }
        var fans = await bed.Social.ManyUsersAsync("fan", 4);
        foreach (var fan in fans)
        {
            foreach (var id in coffee.Take(2)) await bed.Social.Likes.LikeNoteAsync(fan.Id, id, default);
            foreach (var id in travel) await bed.Social.Likes.LikeNoteAsync(fan.Id, id, default);
        }
        await using (var db = await bed.Social.Db.Factory.CreateDbContextAsync())
        {
            db.Follows.Add(new Follow { FollowerId = people[3].Id, FolloweeId = people[1].Id, CreatedAt = bed.Social.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        return (bed, people[3].Id, coffee, skincare, travel);
    }

    private static IEnumerable<(long, ReasonKind, string?)> Shape(PersonalFeedPage? page) => page!.Items.Select(i => (i.Card.Id, i.Reason, i.Subject));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PrecomputedPage_EqualsTheLiveComputation_AndNotInterestedIsAppliedAtReadTime(DatabaseProvider provider)
    {
        var (bed, reader, coffee, skincare, _) = await CommunityAsync(provider);
        await using var _1 = bed;
        await bed.Social.Likes.LikeNoteAsync(reader, coffee[0], default);
        await bed.Social.Collects.CollectAsync(reader, coffee[1], null, default);

        var live = await bed.Personal.DiscoverLiveAsync(reader, null, 6, default);
        var stored = await bed.Personal.DiscoverAsync(reader, null, 6, default);
        var secondLive = await bed.Personal.DiscoverLiveAsync(reader, "o6", 6, default);
        var secondStored = await bed.Personal.DiscoverAsync(reader, "o6", 6, default);

        Assert.Equal(Shape(live), Shape(stored));
        Assert.Equal(Shape(secondLive), Shape(secondStored));
        Assert.Contains(stored!.Items, i => i.Reason == ReasonKind.Topic && i.Subject == "咖啡");
        Assert.Contains(stored.Items, i => i.Reason == ReasonKind.Follow && i.Subject == "护肤达人");
        var rows = await bed.Social.QueryAsync(db => db.PersonalCandidates.CountAsync(c => c.UserId == reader));
        Assert.True(rows > 0);

        // The set is not recomputed for "not interested": it is filtered when read, on the very next request.
        var refreshedAt = await bed.Social.QueryAsync(db => db.PersonalCandidateSets.Where(s => s.UserId == reader).Select(s => s.RefreshedAt).SingleAsync());
        await bed.Personalisation.NotInterestedAsync(reader, FeedbackKind.Topic, (await bed.TopicIdAsync("咖啡")).ToString(CultureInfo.InvariantCulture), default);
        await bed.Personalisation.NotInterestedAsync(reader, FeedbackKind.Note, skincare[4].ToString(CultureInfo.InvariantCulture), default);
        var after = (await bed.Personal.DiscoverAsync(reader, null, 60, default))!;

        Assert.DoesNotContain(after.Items, i => coffee.Contains(i.Card.Id));
        Assert.DoesNotContain(after.Items, i => i.Card.Id == skincare[4]);
        Assert.Equal(Shape(await bed.Personal.DiscoverLiveAsync(reader, null, 60, default)), Shape(after));
        Assert.Equal(refreshedAt, await bed.Social.QueryAsync(db => db.PersonalCandidateSets.Where(s => s.UserId == reader).Select(s => s.RefreshedAt).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Set_IsRefilled_AfterALike_WhenTooOld_AndByTheWorkerForActivePeople(DatabaseProvider provider)
    {
        var (bed, reader, coffee, _, travel) = await CommunityAsync(provider);
        await using var _1 = bed;
        var likes = TestServices.Get<LikeService>(bed.Social.Db, bed.Social.Clock, s => s.AddSingleton(bed.Sink));

        var first = (await bed.Personal.DiscoverAsync(reader, null, 60, default))!;
        Assert.DoesNotContain(first.Items, i => i.Reason == ReasonKind.Topic);
        Assert.Equal(0, await bed.Social.QueryAsync(db => db.PersonalInterests.CountAsync(i => i.UserId == reader)));

        // A like through the service marks the set stale in this process: the next page already explains by the topic.
        bed.Social.Clock.Advance(TimeSpan.FromSeconds(1));
        await likes.LikeNoteAsync(reader, coffee[0], default);
        var next = (await bed.Personal.DiscoverAsync(reader, null, 60, default))!;
        Assert.Contains(next.Items, i => i.Reason == ReasonKind.Topic && i.Subject == "咖啡");
        Assert.DoesNotContain(next.Items, i => i.Card.Id == coffee[0]);

        // A like this process did not see (another node): the set is refilled by the worker for active people…
        await bed.Social.Likes.LikeNoteAsync(reader, travel[0], default);
        bed.Sink.Record(BehaviourKind.View, reader, BehaviourEventSink.ClientKeyFor(reader, null), noteId: travel[0], dwellMs: 5000);
        await bed.Writer.DrainAsync(default);
        var personalisation = bed.Personalisation;
        Assert.Equal(0, await bed.Candidates.RefreshActiveAsync(personalisation, default)); // still fresh
        bed.Social.Clock.Advance(new PersonalCandidateOptions().RefreshAfter + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await bed.Candidates.RefreshActiveAsync(personalisation, default));
        var travelTopic = await bed.TopicIdAsync("旅行");
        Assert.Contains(travelTopic, await bed.Social.QueryAsync(db => db.PersonalInterests.Where(i => i.UserId == reader).Select(i => i.TopicId).ToListAsync()));

        // …or by the request when it is older than the maximum age.
        await bed.Social.Likes.LikeNoteAsync(reader, coffee[2], default);
        bed.Social.Clock.Advance(new PersonalCandidateOptions().MaxAge + TimeSpan.FromMinutes(1));
        var late = (await bed.Personal.DiscoverAsync(reader, null, 60, default))!;
        Assert.DoesNotContain(late.Items, i => i.Card.Id == coffee[2]);
        Assert.Equal(Shape(await bed.Personal.DiscoverLiveAsync(reader, null, 60, default)), Shape(late));
        Assert.Equal(bed.Social.Clock.GetUtcNow(), await bed.Social.QueryAsync(db => db.PersonalCandidateSets.Where(s => s.UserId == reader).Select(s => s.RefreshedAt).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentRefills_OfOnePerson_LeaveOneConsistentSet(DatabaseProvider provider)
    {
        var (bed, reader, coffee, _, _) = await CommunityAsync(provider);
        await using var _1 = bed;
        await bed.Social.Likes.LikeNoteAsync(reader, coffee[0], default);
        var state = await bed.Personalisation.StateAsync(reader, default);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => bed.Candidates.RefillAsync(reader, state, default))));

        Assert.Equal(1, await bed.Social.QueryAsync(db => db.PersonalCandidateSets.CountAsync(s => s.UserId == reader)));
        var live = await bed.Personal.DiscoverLiveAsync(reader, null, 60, default);
        Assert.Equal(Shape(live), Shape(await bed.Personal.DiscoverAsync(reader, null, 60, default)));
        var ids = await bed.Social.QueryAsync(db => db.PersonalCandidates.Where(c => c.UserId == reader).Select(c => c.NoteId).ToListAsync());
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
