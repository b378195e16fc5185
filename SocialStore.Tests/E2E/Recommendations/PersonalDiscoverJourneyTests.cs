using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Recommendations;

/// <summary>
/// On a phone: a reader likes three #咖啡 notes, Discover says "because you liked #咖啡" on their cards, "not interested
/// in #咖啡" removes them on the next page, the interest tags show in /me/settings, and with personalisation switched
/// off the reader's Discover lists exactly the notes a signed-out visitor sees.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PersonalDiscoverJourneyTests(BrowserFixture browser) : AppJourney
{
    [Fact]
    public async Task Reader_LikesThreeCoffeeNotes_SeesWhy_HidesTopic_SwitchesOff_GetsTheAnonymousFeed()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var baristaA = await SocialApp.UserAsync(app, "ba" + tag, "咖啡师阿明");
        var baristaB = await SocialApp.UserAsync(app, "bb" + tag, "咖啡师小林");
        var traveller = await SocialApp.UserAsync(app, "tr" + tag, "旅行家");
        var reader = await SocialApp.UserAsync(app, "rd" + tag, "小读者");
        var coffee = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            coffee.Add(await NoteAsync(baristaA.Id, $"手冲咖啡第{i + 1}杯", "咖啡"));
            coffee.Add(await NoteAsync(baristaB.Id, $"拿铁拉花{i + 1}", "咖啡"));
            await NoteAsync(traveller.Id, $"周末旅行{i + 1}", "旅行");
        }

        var page = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(page, "recs-phone", async () =>
        {
            await BrowserSignIn.SignInAsync(page, app.BaseUrl, reader.Email!);
            foreach (var id in coffee.Take(3))
            {
                await page.GotoAsync(app.BaseUrl + $"/notes/{id}");
                var like = page.Locator("[data-testid=like-button][data-ready=true] button");
                await like.ClickAsync();
                await Assertions.Expect(like).ToHaveAttributeAsync("aria-pressed", "true");
            }

            await page.GotoAsync(app.BaseUrl + "/");
            var because = page.Locator("[data-testid=personal-card]", new() { HasText = "因为你喜欢 #咖啡" });
            await Assertions.Expect(because.First).ToBeVisibleAsync();
            Assert.Equal(await page.Locator("[data-testid=personal-card]").CountAsync(), await page.Locator("[data-testid=personal-card] [data-testid=why]").CountAsync());
            await Artifacts.ScreenshotAsync(page, "recs-phone-1-because-coffee");

            await because.First.Locator("[data-testid=not-interested-menu]").ClickAsync();
            await Artifacts.ScreenshotAsync(page, "recs-phone-2-menu");
            await because.First.Locator("[data-testid=not-interested-topic]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=recs-done]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=personal-card]").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=personal-card]", new() { HasText = "#咖啡" })).ToHaveCountAsync(0);
            foreach (var id in coffee) await Assertions.Expect(page.Locator($"[data-testid=personal-card][data-note='{id}']")).ToHaveCountAsync(0);
            await Artifacts.ScreenshotAsync(page, "recs-phone-3-topic-hidden");

            await page.GotoAsync(app.BaseUrl + "/me/settings");
            await Assertions.Expect(page.Locator("[data-testid=hidden-topics]")).ToContainTextAsync("#咖啡");
            await page.Locator("[data-testid=recs-settings]").ScrollIntoViewIfNeededAsync();
            await Artifacts.ScreenshotAsync(page, "recs-phone-4-settings");
            await page.ClickAsync("[data-testid=recs-switch]");
            await Assertions.Expect(page.Locator("[data-testid=recs-done]")).ToContainTextAsync("个性化推荐已关闭");

            await page.GotoAsync(app.BaseUrl + "/");
            await Assertions.Expect(page.Locator("[data-testid=note-card]").First).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("[data-testid=why]").CountAsync());
            var mine = await NoteIdsAsync(page);
            await Artifacts.ScreenshotAsync(page, "recs-phone-5-switched-off");

            var visitor = await browser.NewPageAsync("phone");
            await visitor.GotoAsync(app.BaseUrl + "/");
            await Assertions.Expect(visitor.Locator("[data-testid=note-card]").First).ToBeVisibleAsync();
            Assert.Equal(await NoteIdsAsync(visitor), mine);
            Assert.NotEmpty(mine);
        });
    }

    private static async Task<List<string>> NoteIdsAsync(IPage page) =>
        (await page.Locator("[data-testid=feed] [data-testid=note-card] a.note-card-link").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))")).ToList();

    private async Task<long> NoteAsync(string authorId, string title, string topicName)
    {
        var id = await SocialApp.NoteAsync(app, authorId, title);
        await using var context = await db.CreateDbContextAsync();
        var topic = await context.Topics.FirstOrDefaultAsync(t => t.Name == topicName);
        if (topic is null)
        {
            topic = new Topic { Name = topicName, CreatedAt = DateTimeOffset.UtcNow };
            context.Topics.Add(topic);
            await context.SaveChangesAsync();
        }
        context.NoteTopics.Add(new NoteTopic { NoteId = id, TopicId = topic.Id });
        await context.SaveChangesAsync();
        return id;
    }
}
