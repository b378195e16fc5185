using Bunit;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Social;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Pages.Social;

namespace SocialStore.Tests.Components.Social;

public class FollowButtonTests
{
    [Fact]
    public void Render_ForYourself_RendersNothing()
    {
        using var ctx = new ComponentTestContext().UseDatabase().SignIn("me");

        var cut = ctx.Render<FollowButton>(p => p.Add(c => c.TargetUserId, "me").Add(c => c.InitialFollowerCount, 5));

        Assert.Empty(cut.FindAll("[data-testid=follow-button]"));
        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public void Render_VisitorAndFollower_RenderTheirStates()
    {
        using var ctx = new ComponentTestContext().UseDatabase();

        var visitor = ctx.Render<FollowButton>(p => p.Add(c => c.TargetUserId, "star").Add(c => c.ReturnUrl, "/u/star"));
        var fan = ctx.SignIn("fan").Render<FollowButton>(p => p.Add(c => c.TargetUserId, "star").Add(c => c.InitialFollowing, true).Add(c => c.InitialFollowerCount, 1200));

        Assert.Equal("/Account/Login?ReturnUrl=%2Fu%2Fstar", visitor.Find("a.follow-btn").GetAttribute("href"));
        Assert.Equal("关注", visitor.Find("a.follow-btn").TextContent.Trim());
        var following = fan.Button("关注");
        Assert.Equal("已关注", following.TextContent.Trim());
        Assert.True(following.IsPressed());
        Assert.Contains("btn-ghost", following.ClassList);
        Assert.Equal("1200 粉丝", fan.Find(".follow-count").TextContent);
    }

    [Fact]
    public void Render_EnglishWithoutCount_ShowsOnlyTheButton()
    {
        using var ctx = new ComponentTestContext("en-US").UseDatabase().SignIn("other");

        var stranger = ctx.Render<FollowButton>(p => p.Add(c => c.TargetUserId, "star"));

        Assert.Equal("Follow", stranger.Button("Follow").TextContent.Trim());
        Assert.Empty(stranger.FindAll(".follow-count"));
    }

    [Fact]
    public async Task Click_NotFollowing_ShowsAtOnceThenStoresTheFollow()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var star = await bed.UserAsync("star");
        var fan = await bed.UserAsync("fan");
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(fan.Id);
        var cut = ctx.Render<FollowButton>(p => p.Add(c => c.TargetUserId, star.Id).Add(c => c.InitialFollowerCount, 0));

        ctx.Gate.Close();
        var click = cut.Button("关注").ClickAsync(new());
        await ctx.Gate.Reached;

        Assert.Equal("已关注", cut.Button("关注").TextContent.Trim());
        Assert.Equal("1 粉丝", cut.Find(".follow-count").TextContent);
        Assert.False(await bed.QueryAsync(db => db.Follows.AnyAsync()));

        ctx.Gate.Open();
        await click;

        Assert.Equal("已关注", cut.Button("关注").TextContent.Trim());
        Assert.True(cut.Button("关注").IsPressed());
        Assert.Equal("1 粉丝", cut.Find(".follow-count").TextContent);
        Assert.True(await bed.QueryAsync(db => db.Follows.AnyAsync(f => f.FollowerId == fan.Id && f.FolloweeId == star.Id)));
        Assert.Equal(1, await bed.QueryAsync(db => db.Users.Where(u => u.Id == star.Id).Select(u => u.FollowerCount).SingleAsync()));
    }

    [Fact]
    public async Task Click_Following_Unfollows()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var star = await bed.UserAsync("star");
        var fan = await bed.UserAsync("fan");
        await bed.Follows.FollowAsync(fan.Id, star.Id, default);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(fan.Id);
        var cut = ctx.Render<FollowButton>(p => p.Add(c => c.TargetUserId, star.Id).Add(c => c.InitialFollowing, true).Add(c => c.InitialFollowerCount, 1));

        await cut.Button("关注").ClickAsync(new());

        Assert.Equal("关注", cut.Button("关注").TextContent.Trim());
        Assert.False(cut.Button("关注").IsPressed());
        Assert.Equal("0 粉丝", cut.Find(".follow-count").TextContent);
        Assert.False(await bed.QueryAsync(db => db.Follows.AnyAsync()));
    }

    [Fact]
    public async Task Click_UserGoneAfterRender_RollsBackAndSaysWhy()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var star = await bed.UserAsync("star");
        var fan = await bed.UserAsync("fan");
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(fan.Id);
        var cut = ctx.Render<FollowButton>(p => p.Add(c => c.TargetUserId, star.Id).Add(c => c.InitialFollowerCount, 3));
        await bed.QueryAsync(db => db.Users.Where(u => u.Id == star.Id).ExecuteDeleteAsync());

        ctx.Gate.Close();
        var click = cut.Button("关注").ClickAsync(new());
        await ctx.Gate.Reached;
        Assert.Equal("4 粉丝", cut.Find(".follow-count").TextContent);
        ctx.Gate.Open();
        await click;

        Assert.Equal("关注", cut.Button("关注").TextContent.Trim());
        Assert.False(cut.Button("关注").IsPressed());
        Assert.Equal("3 粉丝", cut.Find(".follow-count").TextContent);
        Assert.Equal("该用户不存在", cut.Said("status"));
        Assert.False(await bed.QueryAsync(db => db.Follows.AnyAsync()));
    }
}
