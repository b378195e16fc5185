using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Search;

/// <summary>/search renders hits with highlights within six round trips, and no query breaks it.</summary>
public sealed class SearchPageTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public async Task InitializeAsync()
    {
        _ = app.Server;
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var user = await TestData.UserAsync(db, "search_author", "面霜研究员");
        await TestData.NoteAsync(db, user.Id, "冬天必备保湿面霜", "干皮救星 <script>alert(1)</script>", topics: ["护肤"]);
        await TestData.NoteAsync(db, user.Id, "夏日防晒霜测评", "SPF50 的防晒");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("/search?q=面霜")]
    [InlineData("/search?q=面霜&tab=products")]
    [InlineData("/search?q=面霜&tab=users")]
    [InlineData("/search?q=护肤&tab=topics")]
    [InlineData("/search?q=")]
    public async Task Search_RendersWithinSixRoundTrips(string url)
    {
        var client = app.CreateClient();
        await client.GetStringAsync(url);

        app.Commands.Reset();
        var response = await client.GetAsync(url);

        Assert.True(response.IsSuccessStatusCode, url);
        output.WriteLine($"{url}: {app.Commands.Count} round trips");
        Assert.True(app.Commands.Count <= 6, $"{url}: {app.Commands.Count} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");
    }

    [Fact]
    public async Task Search_Notes_ShowsCardsWithHighlightedTitles()
    {
        var html = await app.CreateClient().GetStringAsync("/search?q=" + Uri.EscapeDataString("面霜"));
        var document = new HtmlParser().ParseDocument(html);

        var card = Assert.Single(document.QuerySelectorAll("[data-testid=note-card]"));
        Assert.Equal("面霜", card.QuerySelector(".note-title mark")?.TextContent);
        Assert.NotNull(document.QuerySelector("[data-testid=search-tab-notes][aria-current=page]"));
        Assert.NotNull(document.QuerySelector("[data-testid=searchbox] input[name=q]"));
    }

    [Fact]
    public async Task Search_Users_HighlightsTheNameSafely()
    {
        var html = await app.CreateClient().GetStringAsync("/search?tab=users&q=" + Uri.EscapeDataString("面霜"));
        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal("面霜", Assert.Single(document.QuerySelectorAll("[data-testid=search-hit]")).QuerySelector("mark")?.TextContent);
    }

    [Theory]
    [InlineData("樱花")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR")]
    [InlineData("'")]
    [InlineData("a OR b")]
    [InlineData("-")]
    [InlineData(")")]
    [InlineData("！？。")]
    [InlineData("😀")]
    public async Task Search_NothingMatches_ShowsNothingFound(string query)
    {
        var response = await app.CreateClient().GetAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(document.QuerySelector("[data-testid=search-nothing]"));
    }

    [Fact]
    public async Task Search_FiveHundredCharacters_Renders()
    {
        var query = string.Concat(Enumerable.Repeat("面霜\"*'-", 90))[..500];
        foreach (var tab in new[] { "notes", "products", "users", "topics" })
        {
            var response = await app.CreateClient().GetAsync($"/search?tab={tab}&q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Suggest_ReturnsTopicsUsersAndNotes_AsJson()
    {
        var json = await app.CreateClient().GetStringAsync("/search/suggest?q=" + Uri.EscapeDataString("面霜"));
        var items = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();

        Assert.InRange(items.Count, 1, 8);
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "user" && i.GetProperty("url").GetString() == "/u/search_author");
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "note");
        Assert.Equal("[]", await app.CreateClient().GetStringAsync("/search/suggest?q=%22*"));
    }
}
