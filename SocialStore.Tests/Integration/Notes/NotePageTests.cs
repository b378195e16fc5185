using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Notes;

public sealed class NotePageTests : IAsyncLifetime
{
    private readonly AppFactory app = new();
    private IDbContextFactory<SocialStoreDbContext> db = default!;

    public async Task InitializeAsync()
    {
        _ = app.Server; // starts the app and applies migrations
        db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task NotePage_HasOpenGraphTwitterCanonicalAndJsonLd_WithoutJavaScript()
    {
        var author = await TestData.UserAsync(db, "meimei", "小美");
        var note = await TestData.NoteAsync(db, author.Id, "秋冬面霜</script>测评", "**超级**好用的面霜，推荐 #护肤\n\n第二段 [链接](https://example.com)", topics: "护肤");
        var client = app.CreateClient();

        var html = await client.GetStringAsync($"/notes/{note.Id}");
        var doc = new HtmlParser().ParseDocument(html);
        string? Meta(string key) => doc.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        Assert.Equal("秋冬面霜</script>测评", Meta("og:title"));
        Assert.Equal("超级好用的面霜，推荐 #护肤 第二段 链接", Meta("og:description"));
        Assert.Equal($"http://localhost/notes/{note.Id}", Meta("og:url"));
        Assert.Equal("http://localhost/media/seed/test.svg", Meta("og:image"));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal($"http://localhost/notes/{note.Id}", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var jsonLd = JsonDocument.Parse(doc.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("SocialMediaPosting", jsonLd.GetProperty("@type").GetString());
        Assert.Equal("秋冬面霜</script>测评", jsonLd.GetProperty("headline").GetString());
        Assert.Equal("小美", jsonLd.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(1, doc.QuerySelectorAll("script[type='application/ld+json']").Length);
        Assert.NotNull(doc.QuerySelector(".note-body strong"));
        Assert.Contains(doc.QuerySelectorAll(".note-topics a"), a => a.GetAttribute("href") == "/topics/%E6%8A%A4%E8%82%A4");
    }

    [Fact]
    public async Task NotePage_DeletedOrDraftOrUnknown_IsFriendly404()
    {
        var author = await TestData.UserAsync(db, "author2");
        var deleted = await TestData.NoteAsync(db, author.Id, "删掉的");
        await using (var context = await db.CreateDbContextAsync())
        {
            var n = await context.Notes.SingleAsync(x => x.Id == deleted.Id);
            n.Delete(DateTimeOffset.UtcNow);
            context.Notes.Add(Note.Create(author.Id, "草稿", "", [], DateTimeOffset.UtcNow, draft: true));
            await context.SaveChangesAsync();
        }
        var draftId = await (await db.CreateDbContextAsync()).Notes.Where(n => n.Status == NoteStatus.Draft).Select(n => n.Id).SingleAsync();
        var client = app.CreateClient();

        foreach (var url in new[] { $"/notes/{deleted.Id}", $"/notes/{draftId}", "/notes/999999", "/notes/abc", "/topics/不存在的话题" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Discover_ShowsPublishedNotesOnly_AndTopicPageListsItsNotes()
    {
        var author = await TestData.UserAsync(db, "author3", "作者三");
        var a = await TestData.NoteAsync(db, author.Id, "旅行笔记", topics: "旅行");
        var b = await TestData.NoteAsync(db, author.Id, "美食笔记", topics: "美食");
        var client = app.CreateClient();

        var feed = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        var hrefs = feed.QuerySelectorAll("[data-testid=note-card] a.note-card-link").Select(x => x.GetAttribute("href")).ToList();
        Assert.Contains($"/notes/{a.Id}", hrefs);
        Assert.Contains($"/notes/{b.Id}", hrefs);
        Assert.Contains(feed.QuerySelectorAll(".chips a"), x => x.TextContent == "#旅行");

        var topic = new HtmlParser().ParseDocument(await client.GetStringAsync("/topics/旅行"));
        var topicHrefs = topic.QuerySelectorAll("[data-testid=note-card] a.note-card-link").Select(x => x.GetAttribute("href")).ToList();
        Assert.Equal([$"/notes/{a.Id}"], topicHrefs);
    }
}
