using Bunit;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Domain.Social;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Pages.Social;

namespace SocialStore.Tests.Components.Social;

public class CollectButtonTests
{
    [Fact]
    public void Render_VisitorAndCollected_RenderTheirStates()
    {
        using var ctx = new ComponentTestContext().UseDatabase();

        var visitor = ctx.Render<CollectButton>(p => p.Add(c => c.NoteId, 7L).Add(c => c.InitialCount, 9).Add(c => c.ReturnUrl, "/notes/7?from=feed"));
        var collected = ctx.SignIn("u1").Render<CollectButton>(p => p.Add(c => c.NoteId, 7L).Add(c => c.InitialCollected, true).Add(c => c.InitialCount, 9));

        Assert.Equal("/Account/Login?ReturnUrl=%2Fnotes%2F7%3Ffrom%3Dfeed", visitor.Find("a.collect-btn").GetAttribute("href"));
        var button = collected.Button("收藏");
        Assert.True(button.IsPressed());
        Assert.Equal("★", button.QuerySelector(".collect-icon")!.TextContent);
        Assert.Contains("9 个收藏", button.TextContent);
        Assert.Empty(collected.FindAll("[role=dialog]"));
    }

    [Fact]
    public async Task Click_NotCollected_ShowsAtOnceThenFilesItInTheDefaultBoard()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(fan.Id);
        var cut = ctx.Render<CollectButton>(p => p.Add(c => c.NoteId, noteId));

        ctx.Gate.Close();
        var click = cut.Button("收藏").ClickAsync(new());
        await ctx.Gate.Reached;

        Assert.True(cut.Button("收藏").IsPressed());
        Assert.Contains("1 个收藏", cut.Button("收藏").TextContent);
        Assert.False(await bed.QueryAsync(db => db.Collects.AnyAsync()));

        ctx.Gate.Open();
        await click;

        var button = cut.Button("收藏");
        Assert.True(button.IsPressed());
        Assert.Equal("★", button.QuerySelector(".collect-icon")!.TextContent);
        Assert.Contains("1 个收藏", button.TextContent);
        Assert.Equal("已收藏到「默认专辑」", cut.Find("[role=dialog] .sheet-saved").TextContent);
        var stored = await bed.QueryAsync(db => db.Collects.AsNoTracking().SingleAsync());
        Assert.Equal((fan.Id, noteId), (stored.UserId, stored.NoteId));
        Assert.Equal(1, (await bed.ReadNoteAsync(noteId)).CollectCount);
    }

    [Fact]
    public async Task Click_Collected_RemovesItAndSaysSo()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        await bed.Collects.CollectAsync(fan.Id, noteId, null, default);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(fan.Id);
        var cut = ctx.Render<CollectButton>(p => p.Add(c => c.NoteId, noteId).Add(c => c.InitialCollected, true).Add(c => c.InitialCount, 1));

        await cut.Button("收藏").ClickAsync(new());

        Assert.False(cut.Button("收藏").IsPressed());
        Assert.Contains("0 个收藏", cut.Button("收藏").TextContent);
        Assert.Equal("已取消收藏", cut.Said("status"));
        Assert.False(await bed.QueryAsync(db => db.Collects.AnyAsync()));
        Assert.Equal(0, (await bed.ReadNoteAsync(noteId)).CollectCount);
    }

    [Fact]
    public async Task Click_NoteDeletedAfterRender_RollsBackAndSaysWhy()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(fan.Id);
        var cut = ctx.Render<CollectButton>(p => p.Add(c => c.NoteId, noteId).Add(c => c.InitialCount, 4));
        await bed.QueryAsync(db => db.Notes.Where(n => n.Id == noteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoteStatus.Deleted)));

        ctx.Gate.Close();
        var click = cut.Button("收藏").ClickAsync(new());
        await ctx.Gate.Reached;
        Assert.Contains("5 个收藏", cut.Button("收藏").TextContent);
        ctx.Gate.Open();
        await click;

        var button = cut.Button("收藏");
        Assert.False(button.IsPressed());
        Assert.Contains("4 个收藏", button.TextContent);
        Assert.Equal("这篇笔记已无法查看", cut.Said("status"));
        Assert.Empty(cut.FindAll("[role=dialog]"));
        Assert.False(await bed.QueryAsync(db => db.Collects.AnyAsync()));
    }
}
