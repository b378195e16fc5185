using SocialStore.Tests.Infrastructure;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;

namespace SocialStore.Tests.Domain.Social;

public class FollowServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Follow_ThenAgain_ThenUnfollow_MovesBothCountersOnce(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var mei = await bed.UserAsync("mei", "小美");
        var fan = await bed.UserAsync("fan");

        Assert.Equal(new FollowResult(true, 1, true), await bed.Follows.FollowAsync(fan.Id, mei.Id, default));
        Assert.Equal(new FollowResult(true, 1, false), await bed.Follows.FollowAsync(fan.Id, mei.Id, default));
        var cardOfMei = await bed.Follows.FindByHandleAsync("MEI", fan.Id, default);
        var cardOfFan = await bed.Follows.FindByHandleAsync("fan", null, default);
        Assert.Equal((1, 0, true), (cardOfMei!.FollowerCount, cardOfMei.FollowingCount, cardOfMei.ViewerFollows));
        Assert.Equal((0, 1, false), (cardOfFan!.FollowerCount, cardOfFan.FollowingCount, cardOfFan.ViewerFollows));
        Assert.True(await bed.Follows.IsFollowingAsync(fan.Id, mei.Id, default));
        Assert.Equal((NotificationKind.Follow, fan.Id, (long?)null), (await bed.NotificationsOfAsync(mei.Id)).Select(n => (n.Kind, n.ActorId, n.NoteId)).Single());

        Assert.Equal(new FollowResult(false, 0, true), await bed.Follows.UnfollowAsync(fan.Id, mei.Id, default));
        Assert.Equal(new FollowResult(false, 0, false), await bed.Follows.UnfollowAsync(fan.Id, mei.Id, default));
        cardOfFan = await bed.Follows.FindByHandleAsync("fan", null, default);
        Assert.Equal(0, cardOfFan!.FollowingCount);
        Assert.Empty(await bed.NotificationsOfAsync(mei.Id));
        Assert.Null(await bed.Follows.FindByHandleAsync("nobody", null, default));
    }

    [Fact]
    public async Task Follow_YourselfOrNobody_IsRefused()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var me = await bed.UserAsync("me");

        var self = await Assert.ThrowsAsync<DomainException>(() => bed.Follows.FollowAsync(me.Id, me.Id, default));
        var nobody = await Assert.ThrowsAsync<DomainException>(() => bed.Follows.FollowAsync(me.Id, "no-such-user", default));

        Assert.Equal(SocialErrors.FollowSelf, self.Code);
        Assert.Equal(SocialErrors.UserNotFound, nobody.Code);
        var card = await bed.Follows.FindByHandleAsync("me", null, default);
        Assert.Equal((0, 0), (card!.FollowerCount, card.FollowingCount));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FollowersAndFollowing_PageNewestFirstWithTheReadersState(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var star = await bed.UserAsync("star");
        var fans = await bed.ManyUsersAsync("fan", 7);
        for (var i = 0; i < fans.Count; i++)
        {
            await bed.Follows.FollowAsync(fans[i].Id, star.Id, default);
            await bed.Follows.FollowAsync(star.Id, fans[i].Id, default);
            if (i % 2 == 1) bed.Clock.Advance(TimeSpan.FromMinutes(1)); // pairs share a timestamp
        }
        await bed.Follows.FollowAsync(fans[0].Id, fans[3].Id, default);

        var followers = await ReadAllAsync((cursor) => bed.Follows.FollowersAsync(star.Id, cursor, fans[0].Id, 3, default));
        var following = await ReadAllAsync((cursor) => bed.Follows.FollowingAsync(star.Id, cursor, null, 2, default));

        Assert.Equal(7, followers.Select(u => u.Id).Distinct().Count());
        Assert.Equal(fans.Select(f => f.Id).ToHashSet(), followers.Select(u => u.Id).ToHashSet());
        Assert.Equal(fans[6].Id, followers[0].Id); // newest first
        Assert.Contains(followers[^1].Id, new[] { fans[0].Id, fans[1].Id }); // the oldest pair; the id breaks the tie
        Assert.True(followers.Single(u => u.Id == fans[3].Id).ViewerFollows);
        Assert.False(followers.Single(u => u.Id == fans[4].Id).ViewerFollows);
        Assert.Equal(7, following.Select(u => u.Id).Distinct().Count());
        Assert.Equal(2, followers.Single(u => u.Id == fans[3].Id).FollowerCount);
    }

    private static async Task<List<UserCard>> ReadAllAsync(Func<string?, Task<UserPage>> read)
    {
        var all = new List<UserCard>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await read(cursor);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
            Assert.True(++pages < 20);
        }
        while (cursor is not null);
        return all;
    }
}
