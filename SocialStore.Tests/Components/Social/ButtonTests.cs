using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Social;
using SocialStore.Web.Components.Pages.Messages;
using SocialStore.Web.Components.Pages.Notes.Interactions;

namespace SocialStore.Tests.Components.Social;

public class ButtonTests
{
    [Fact]
    public async Task LikeButton_Visitor_LinksToSignInAndBack()
    {
        var doc = await SocialComponentHost.RenderAsync<LikeButton>(
            new Dictionary<string, object?> { ["NoteId"] = 42L, ["InitialLiked"] = false, ["InitialCount"] = 128 }, userId: null);

        var link = doc.QuerySelector("[data-testid=like-button] a.like-btn")!;
        Assert.Equal("/Account/Login?ReturnUrl=%2Fnotes%2F42", link.GetAttribute("href"));
        Assert.Equal("128", link.QuerySelector(".like-count")!.TextContent);
        Assert.Contains("128 个赞", link.TextContent);
        Assert.Null(doc.QuerySelector("button"));
        Assert.Null(doc.QuerySelector("[data-testid=like-button]")!.GetAttribute("data-ready"));
    }

    [Theory]
    [InlineData(true, "true", "♥")]
    [InlineData(false, "false", "♡")]
    public async Task LikeButton_SignedIn_IsAToggleButton(bool liked, string pressed, string icon)
    {
        var doc = await SocialComponentHost.RenderAsync<LikeButton>(
            new Dictionary<string, object?> { ["NoteId"] = 42L, ["InitialLiked"] = liked, ["InitialCount"] = 3 }, userId: "u1", culture: "en-US");

        var button = doc.QuerySelector("[data-testid=like-button] button")!;
        Assert.Equal(pressed, button.GetAttribute("aria-pressed"));
        Assert.Equal(icon, button.QuerySelector(".like-icon")!.TextContent);
        Assert.Contains("3 likes", button.TextContent);
    }

    [Fact]
    public async Task CollectButton_VisitorAndCollected_RenderTheirStates()
    {
        var visitor = await SocialComponentHost.RenderAsync<CollectButton>(
            new Dictionary<string, object?> { ["NoteId"] = 7L, ["InitialCount"] = 9, ["ReturnUrl"] = "/notes/7?from=feed" }, userId: null);
        var collected = await SocialComponentHost.RenderAsync<CollectButton>(
            new Dictionary<string, object?> { ["NoteId"] = 7L, ["InitialCollected"] = true, ["InitialCount"] = 9 }, userId: "u1");

        Assert.Equal("/Account/Login?ReturnUrl=%2Fnotes%2F7%3Ffrom%3Dfeed", visitor.QuerySelector("a.collect-btn")!.GetAttribute("href"));
        var button = collected.QuerySelector("button.collect-btn")!;
        Assert.Equal("true", button.GetAttribute("aria-pressed"));
        Assert.Equal("★", button.QuerySelector(".collect-icon")!.TextContent);
        Assert.Contains("9 个收藏", button.TextContent);
        Assert.Null(collected.QuerySelector("[data-testid=collect-sheet]"));
    }

    [Fact]
    public async Task FollowButton_ForYourself_RendersNothing()
    {
        var doc = await SocialComponentHost.RenderAsync<FollowButton>(
            new Dictionary<string, object?> { ["TargetUserId"] = "me", ["InitialFollowerCount"] = 5 }, userId: "me");

        Assert.Null(doc.QuerySelector("[data-testid=follow-button]"));
        Assert.Equal("", doc.Body!.InnerHtml.Trim());
    }

    [Fact]
    public async Task FollowButton_VisitorAndFollower_RenderTheirStates()
    {
        var visitor = await SocialComponentHost.RenderAsync<FollowButton>(
            new Dictionary<string, object?> { ["TargetUserId"] = "star", ["ReturnUrl"] = "/u/star" }, userId: null);
        var fan = await SocialComponentHost.RenderAsync<FollowButton>(
            new Dictionary<string, object?> { ["TargetUserId"] = "star", ["InitialFollowing"] = true, ["InitialFollowerCount"] = 1200 }, userId: "fan");
        var stranger = await SocialComponentHost.RenderAsync<FollowButton>(
            new Dictionary<string, object?> { ["TargetUserId"] = "star" }, userId: "other", culture: "en-US");

        Assert.Equal("/Account/Login?ReturnUrl=%2Fu%2Fstar", visitor.QuerySelector("a.follow-btn")!.GetAttribute("href"));
        Assert.Equal("关注", visitor.QuerySelector("a.follow-btn")!.TextContent.Trim());
        var following = fan.QuerySelector("button.follow-btn")!;
        Assert.Equal("已关注", following.TextContent.Trim());
        Assert.Equal("true", following.GetAttribute("aria-pressed"));
        Assert.Contains("btn-ghost", following.ClassList);
        Assert.Equal("1200 粉丝", fan.QuerySelector(".follow-count")!.TextContent);
        Assert.Equal("Follow", stranger.QuerySelector("button.follow-btn")!.TextContent.Trim());
        Assert.Null(stranger.QuerySelector(".follow-count"));
    }

    [Fact]
    public async Task NotificationBell_ShowsTheUnreadCount()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fans = await bed.ManyUsersAsync("fan", 3);
        var noteId = await bed.NoteAsync(author.Id);
        foreach (var fan in fans) await bed.Likes.LikeNoteAsync(fan.Id, noteId, default);

        var withUnread = await SocialComponentHost.RenderAsync<NotificationBell>(new Dictionary<string, object?>(), author.Id, bed);
        var none = await SocialComponentHost.RenderAsync<NotificationBell>(new Dictionary<string, object?>(), fans[0].Id, bed);
        var visitor = await SocialComponentHost.RenderAsync<NotificationBell>(new Dictionary<string, object?>(), null, bed);

        Assert.Equal("3", withUnread.QuerySelector(".bell-badge")!.TextContent);
        Assert.Equal("3 条未读消息", withUnread.QuerySelector(".bell .visually-hidden")!.TextContent);
        Assert.Null(none.QuerySelector(".bell-badge"));
        Assert.Null(visitor.QuerySelector(".bell-badge"));
    }
}
