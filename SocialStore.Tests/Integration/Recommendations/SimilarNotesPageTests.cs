using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Integration.Recommendations;

/// <summary>ADR-053 §3: the note page shows similar notes when there are, nothing otherwise, within six round trips.</summary>
public sealed class SimilarNotesPageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task NotePage_ShowsSimilarNotes_OnlyWithEnoughData_WithinSixRoundTrips()
    {
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var author = await TestData.UserAsync(db, "sn_author", "作者");
        var a = (await TestData.NoteAsync(db, author.Id, "手冲入门", topics: ["咖啡"])).Id;
        var b = (await TestData.NoteAsync(db, author.Id, "磨豆机推荐", topics: ["咖啡"])).Id;
        var lonely = (await TestData.NoteAsync(db, author.Id, "无人问津", topics: ["咖啡"])).Id;
        await using (var context = await db.CreateDbContextAsync())
        {
            for (var i = 0; i < 3; i++)
            {
                var fan = await TestData.UserAsync(db, $"sn_fan{i}", $"粉丝{i}");
                context.NoteLikes.Add(new NoteLike { UserId = fan.Id, NoteId = a, CreatedAt = DateTimeOffset.UtcNow });
                context.NoteLikes.Add(new NoteLike { UserId = fan.Id, NoteId = b, CreatedAt = DateTimeOffset.UtcNow });
            }
            await context.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<SimilarNotesRefresher>().RefreshAsync(default);
        var client = app.CreateClient();

        await client.GetStringAsync($"/notes/{a}");
        app.Commands.Reset();
        var response = await client.GetAsync($"/notes/{a}");
        var html = await response.Content.ReadAsStringAsync();
        output.WriteLine($"/notes/{a} with similar notes: {app.Commands.Count} round trips");
        Assert.True(response.IsSuccessStatusCode);
        Assert.True(app.Commands.Count <= 6, $"{app.Commands.Count} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var panel = doc.QuerySelector("[data-testid=similar-notes]");
        Assert.NotNull(panel);
        Assert.Contains("相似笔记", panel!.TextContent);
        Assert.Equal([$"/notes/{b}"], panel.QuerySelectorAll("a[href^='/notes/']").Select(x => x.GetAttribute("href")).Distinct());

        var lonelyHtml = await client.GetStringAsync($"/notes/{lonely}");
        Assert.DoesNotContain("data-testid=\"similar-notes\"", lonelyHtml);
    }
}
