using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Recommendations;

/// <summary>ADR-060: the shared trending pool and cards, and the kept ranked list, never delay what a person does or a deleted note.</summary>
public class DiscoverCardsTests
{
    /// <summary>Coffee, skincare and travel authors (5 notes each), fans of coffee and travel, two readers who like coffee and follow the skincare author.</summary>
    private static async Task<(RecsTestBed Bed, string[] Readers, List<long> Coffee, List<long> Skincare, List<long> Travel)> CommunityAsync(DatabaseProvider provider)
    {
        var bed = await RecsTestBed.CreateAsync(provider);
        var people = await bed.Social.UsersAsync([("coffee", "咖啡师"), ("skin", "护肤达人"), ("travel", "旅行家"), ("reader1", "读者一"), ("reader2", "读者二")]);
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
        foreach (var fan in await bed.Social.ManyUsersAsync("fan", 4))
        {
            foreach (var id in coffee.Take(2)) await bed.Social.Likes.LikeNoteAsync(fan.Id, id, default);
            foreach (var id in travel) await bed.Social.Likes.LikeNoteAsync(fan.Id, id, default);
        }
        var readers = new[] { people[3].Id, people[4].Id };
        await using (var db = await bed.Social.Db.Factory.CreateDbContextAsync())
        {
            db.Follows.AddRange(readers.Select(r => new Follow { FollowerId = r, FolloweeId = people[1].Id, CreatedAt = bed.Social.Clock.GetUtcNow() }));
            await db.SaveChangesAsync();
        }
        foreach (var reader in readers) await bed.Social.Likes.LikeNoteAsync(reader, coffee[0], default);
        return (bed, readers, coffee, skincare, travel);
    }

    private static IEnumerable<(long, ReasonKind, string?)> Shape(PersonalFeedPage? page) => page!.Items.Select(i => (i.Card.Id, i.Reason, i.Subject));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TrendingPool_IsSharedByReaders_ButADeletedNoteLeavesTheNextComputedPage(DatabaseProvider provider)
    {
        var (bed, readers, _, _, travel) = await CommunityAsync(provider);
        await using var _1 = bed;

        var first = (await bed.Personal.DiscoverAsync(readers[0], null, 60, default))!;
        var pool = await bed.Cards.TrendingAsync(default);
        var second = (await bed.Personal.DiscoverAsync(readers[1], null, 60, default))!;

        // One pool for both readers: no reload within the interval.
        Assert.Same(pool, await bed.Cards.TrendingAsync(default));
        Assert.Contains(second.Items, i => i.Card.Id == travel[0]);
        Assert.Equal(Shape(await bed.Personal.DiscoverLiveAsync(readers[1], null, 60, default)), Shape(second));

        // A note deleted now: its card is still cached and it is still in the shared pool, yet a page computed now leaves it out.
        await bed.Social.QueryAsync(db => db.Notes.Where(n => n.Id == travel[0]).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoteStatus.Deleted)));
        Assert.Contains(pool.Ids, id => id == travel[0]);
        bed.Personal.ForgetKeptList(readers[0], 60);
        var after = (await bed.Personal.DiscoverAsync(readers[0], null, 60, default))!;
        Assert.Contains(first.Items, i => i.Card.Id == travel[0]);
        Assert.DoesNotContain(after.Items, i => i.Card.Id == travel[0]);

        // After the interval the pool is read again, without the deleted note.
        bed.Social.Clock.Advance(DiscoverCards.TrendingTtl);
        var reloaded = await bed.Cards.TrendingAsync(default);
        Assert.NotSame(pool, reloaded);
        Assert.DoesNotContain(reloaded.Ids, id => id == travel[0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KeptList_GivesTheLivePages_AndEveryChoiceOfThePersonActsOnTheNextRequest(DatabaseProvider provider)
    {
        var (bed, readers, _, _, _) = await CommunityAsync(provider);
        await using var _1 = bed;
        var reader = readers[0];
        var likes = TestServices.Get<LikeService>(bed.Social.Db, bed.Social.Clock, s => s.AddSingleton(bed.Sink));

        // Pages one and two: the second comes from the list kept by the first, and both equal the live computation.
        var page1 = await bed.Personal.DiscoverAsync(reader, null, 6, default);
        var page2 = await bed.Personal.DiscoverAsync(reader, "o6", 6, default);
        Assert.Equal(Shape(await bed.Personal.DiscoverLiveAsync(reader, null, 6, default)), Shape(page1));
        Assert.Equal(Shape(await bed.Personal.DiscoverLiveAsync(reader, "o6", 6, default)), Shape(page2));
        Assert.Contains(page1!.Items, i => i.Reason == ReasonKind.Topic && i.Subject == "咖啡");

        // "Not interested" in the first card: gone from the very next request of the same page.
        var top = page1.Items[0].Card.Id;
        await bed.Personalisation.NotInterestedAsync(reader, FeedbackKind.Note, top.ToString(CultureInfo.InvariantCulture), default);
        var afterNote = (await bed.Personal.DiscoverAsync(reader, null, 6, default))!;
        Assert.DoesNotContain(afterNote.Items, i => i.Card.Id == top);

        // Deleting the coffee interest tag: no card explained by it on the next request.
        await bed.Personalisation.RemoveInterestAsync(reader, await bed.TopicIdAsync("咖啡"), default);
        var afterTag = (await bed.Personal.DiscoverAsync(reader, null, 6, default))!;
        Assert.DoesNotContain(afterTag.Items, i => i.Reason == ReasonKind.Topic && i.Subject == "咖啡");

        // A like: the liked note leaves the next page.
        var liked = afterTag.Items.First(i => i.Card.Id != top).Card.Id;
        await likes.LikeNoteAsync(reader, liked, default);
        var afterLike = (await bed.Personal.DiscoverAsync(reader, null, 6, default))!;
        Assert.DoesNotContain(afterLike.Items, i => i.Card.Id == liked);
        Assert.Equal(Shape(await bed.Personal.DiscoverLiveAsync(reader, null, 6, default)), Shape(afterLike));

        // The switch: off is the anonymous feed on the next request, on again is personal again.
        await bed.Personalisation.SetEnabledAsync(reader, false, default);
        Assert.Null(await bed.Personal.DiscoverAsync(reader, null, 6, default));
        await bed.Personalisation.SetEnabledAsync(reader, true, default);
        Assert.NotNull(await bed.Personal.DiscoverAsync(reader, null, 6, default));
    }
}
