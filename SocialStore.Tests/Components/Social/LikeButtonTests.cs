using Bunit;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Domain.Social;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Pages.Social;

namespace SocialStore.Tests.Components.Social;

public class LikeButtonTests
{
    [Fact]
    public void Render_Visitor_LinksToSignInAndBack()
    {
        using var ctx = new ComponentTestContext().UseDatabase();

        var cut = ctx.Render<LikeButton>(p => p.Add(c => c.NoteId, 42L).Add(c => c.InitialLiked, false).Add(c => c.InitialCount, 128));

        var link = cut.Find("[data-testid=like-button] a.like-btn");
        Assert.Equal("/Account/Login?ReturnUrl=%2Fnotes%2F42", link.GetAttribute("href"));
        Assert.Equal("128", link.QuerySelector(".like-count")!.TextContent);
        Assert.Contains("128 个赞", link.TextContent);
        Assert.Empty(cut.FindAll("button"));
    }

    [Theory]
    [InlineData(true, "true", "♥")]
    [InlineData(false, "false", "♡")]
    public void Render_SignedIn_IsAToggleButtonMarkedReady(bool liked, string pressed, string icon)
    {
        using var ctx = new ComponentTestContext("en-US").UseDatabase().SignIn("u1");

        var cut = ctx.Render<LikeButton>(p => p.Add(c => c.NoteId, 42L).Add(c => c.InitialLiked, liked).Add(c => c.InitialCount, 3));

        var button = cut.Button("Like");
        Assert.Equal(pressed, button.GetAttribute("aria-pressed"));
        Assert.Equal(icon, button.QuerySelector(".like-icon")!.TextContent);
        Assert.Contains("3 likes", button.TextContent);
        // After the first interactive render the island says clicks will work (e2e tests wait for it).
        Assert.Equal("true", cut.Find("[data-testid=like-button]").GetAttribute("data-ready"));
    }

    [Fact]
    public async Task Click_NotLiked_ShowsTheLikeAtOnceThenStoresIt()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(fan.Id);
        var cut = ctx.Render<LikeButton>(p => p.Add(c => c.NoteId, noteId).Add(c => c.InitialCount, 0));

        ctx.Gate.Close();
        var click = cut.Button("点赞").ClickAsync(new());
        await ctx.Gate.Reached;

        var pending = cut.Button("点赞");
        Assert.True(pending.IsPressed());
        Assert.Contains("1 个赞", pending.TextContent);
        Assert.True(pending.HasAttribute("disabled"));
        Assert.Equal(0, await bed.QueryAsync(db => db.NoteLikes.CountAsync()));

        ctx.Gate.Open();
        await click;

        var done = cut.Button("点赞");
        Assert.True(done.IsPressed());
        Assert.Equal("♥", done.QuerySelector(".like-icon")!.TextContent);
        Assert.Contains("1 个赞", done.TextContent);
        Assert.False(done.HasAttribute("disabled"));
        Assert.Equal("", cut.Said("status"));
        Assert.True(await bed.QueryAsync(db => db.NoteLikes.AnyAsync(l => l.NoteId == noteId && l.UserId == fan.Id)));
        Assert.Equal(1, (await bed.ReadNoteAsync(noteId)).LikeCount);
    }

    [Fact]
    public async Task Click_Liked_RemovesTheLike()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fans = await bed.ManyUsersAsync("fan", 2);
        var noteId = await bed.NoteAsync(author.Id);
        foreach (var f in fans) await bed.Likes.LikeNoteAsync(f.Id, noteId, default);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(fans[0].Id);
        var cut = ctx.Render<LikeButton>(p => p.Add(c => c.NoteId, noteId).Add(c => c.InitialLiked, true).Add(c => c.InitialCount, 2));

        await cut.Button("点赞").ClickAsync(new());

        var button = cut.Button("点赞");
        Assert.False(button.IsPressed());
        Assert.Contains("1 个赞", button.TextContent);
        Assert.False(await bed.QueryAsync(db => db.NoteLikes.AnyAsync(l => l.UserId == fans[0].Id)));
        Assert.Equal(1, (await bed.ReadNoteAsync(noteId)).LikeCount);
    }

    [Fact]
    public async Task Click_NoteHiddenAfterRender_RollsBackAndSaysWhy()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(fan.Id);
        var cut = ctx.Render<LikeButton>(p => p.Add(c => c.NoteId, noteId).Add(c => c.InitialCount, 7));
        await bed.QueryAsync(db => db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoteStatus.Hidden)));

        ctx.Gate.Close();
        var click = cut.Button("点赞").ClickAsync(new());
        await ctx.Gate.Reached;
        Assert.Contains("8 个赞", cut.Button("点赞").TextContent);
        ctx.Gate.Open();
        await click;

        var button = cut.Button("点赞");
        Assert.False(button.IsPressed());
        Assert.Contains("7 个赞", button.TextContent);
        Assert.Equal("这篇笔记已无法查看", cut.Said("status"));
        Assert.Equal(0, await bed.QueryAsync(db => db.NoteLikes.CountAsync()));
    }
}
