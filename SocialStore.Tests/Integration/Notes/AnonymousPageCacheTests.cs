using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Notes;

public sealed class AnonymousPageCacheTests : IAsyncLifetime
{
    private readonly AppFactory app = new();
    private IDbContextFactory<SocialStoreDbContext> db = default!;

    public Task InitializeAsync()
    {
        app.Settings["Caching:AnonymousPages"] = "true";
        _ = app.Server;
        db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task AnonymousNotePage_IsServedFromCache_UntilAWriteEvictsIt()
    {
        var author = await TestData.UserAsync(db, "cached_author");
        var fan = await TestData.UserAsync(db, "cached_fan");
        var note = await TestData.NoteAsync(db, author.Id, "缓存测试");
        var client = app.CreateClient();

        var first = await client.GetAsync($"/notes/{note.Id}");
        Assert.False(first.Headers.Contains("Set-Cookie"));
        app.Commands.Reset();
        var cached = await client.GetStringAsync($"/notes/{note.Id}");
        Assert.Equal(0, app.Commands.Count); // no database work at all

        // A like through the real service (atomic counter update) evicts the cached page.
        await app.Services.GetRequiredService<LikeService>().LikeNoteAsync(fan.Id, note.Id, CancellationToken.None);
        var fresh = new HtmlParser().ParseDocument(await client.GetStringAsync($"/notes/{note.Id}"));
        Assert.Contains("1", fresh.QuerySelector("[data-testid=note-actions]")!.TextContent);
        Assert.NotEqual(cached, fresh.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Cache_KeepsOneCopyPerLanguage()
    {
        var zh = app.CreateClient();
        var en = app.CreateClient();
        en.DefaultRequestHeaders.Add("Accept-Language", "en-US");

        await zh.GetStringAsync("/");
        var english = await en.GetStringAsync("/");
        var chinese = await zh.GetStringAsync("/");

        Assert.Contains("lang=\"en-US\"", english);
        Assert.Contains("lang=\"zh-CN\"", chinese);
    }

    [Fact]
    public async Task SignedInRequests_AreNeverCached()
    {
        using var client = await AccountTestClient.SignedInAsync(app);
        await client.GetAsync("/");
        app.Commands.Reset();

        await client.GetAsync("/");

        Assert.True(app.Commands.Count > 0);
    }
}
