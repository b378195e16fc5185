using Bunit;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Social;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Pages.Notifications;

namespace SocialStore.Tests.Components.Social;

public class NotificationBellTests
{
    [Fact]
    public async Task Render_ShowsTheUnreadCount()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fans = await bed.ManyUsersAsync("fan", 3);
        var noteId = await bed.NoteAsync(author.Id);
        foreach (var fan in fans) await bed.Likes.LikeNoteAsync(fan.Id, noteId, default);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock);

        var withUnread = ctx.SignIn(author.Id).Render<NotificationBell>();
        var none = ctx.SignIn(fans[0].Id).Render<NotificationBell>();
        var visitor = ctx.SignOut().Render<NotificationBell>();

        Assert.Equal("3", withUnread.Find(".bell-badge").TextContent);
        Assert.Equal("3 条未读消息", withUnread.Find(".bell .visually-hidden").TextContent);
        Assert.Empty(none.FindAll(".bell-badge"));
        Assert.Empty(visitor.FindAll(".bell-badge"));
    }

    [Fact]
    public async Task Like_WhileShown_RaisesTheCountLive()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(author.Id);
        var cut = ctx.Render<NotificationBell>();
        Assert.Empty(cut.FindAll(".bell-badge"));

        // The circuit's own services (and so its notification bus) carry the like.
        await ctx.Service<SocialStore.Domain.Social.LikeService>().LikeNoteAsync(fan.Id, noteId, default);

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find(".bell-badge").TextContent));
        Assert.Equal("1", cut.Find("[data-testid=notification-bell]").GetAttribute("data-unread"));
    }
}
