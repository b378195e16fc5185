using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>
/// Word screening in a real browser (ADR-044): a moderator adds "高仿" to the word list as "hold for review";
/// a comment saying "高 仿" is saved hidden; the moderator finds it in the queue with the term highlighted.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ScreeningJourneyTests(BrowserFixture browser) : AppJourney
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task WordList_Hold_QueueHighlightsTheTerm(string viewport)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var author = await SocialApp.UserAsync(app, "author" + tag, "作者");
        var commenter = await SocialApp.UserAsync(app, "fan" + tag, "评论者");
        var moderator = await SocialApp.UserAsync(app, "mod" + tag, "审核员");
        await TestAdmins.MakeStaffAsync(app, moderator.Id, Roles.Moderator);
        var noteId = await SocialApp.NoteAsync(app, author.Id, "秋冬穿搭");
        var name = $"screening-{viewport}";

        var m = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(m, name, async () =>
        {
            await BrowserSignIn.SignInAsync(m, app.BaseUrl, moderator.Email!);
            await m.GotoAsync(app.BaseUrl + "/admin/moderation/words");
            await Assertions.Expect(m.Locator("[data-testid=word-list][data-ready=true]")).ToBeAttachedAsync();

            // Bad input: only punctuation.
            await m.Locator("[data-testid=word-term]").FillAsync(" ，。 ");
            await m.Locator("[data-testid=word-add]").ClickAsync();
            await Assertions.Expect(m.Locator(".mud-snackbar")).ToContainTextAsync("不能为空");
            await Assertions.Expect(m.Locator("[data-testid=word-row-term]")).ToHaveCountAsync(0);

            await m.Locator("[data-testid=word-term]").FillAsync("高仿");
            await m.Locator("[data-testid=word-action]").ClickAsync();
            await m.Locator(".mud-popover-open .mud-list-item", new() { HasText = "待审核" }).ClickAsync();
            await m.Locator("[data-testid=word-add]").ClickAsync();
            await Assertions.Expect(m.Locator("[data-testid=word-row-term]")).ToHaveTextAsync(["高仿"]);
            await Artifacts.ScreenshotAsync(m, $"{name}-1-words");

            var comments = app.Services.GetRequiredService<CommentService>();
            var held = await comments.AddAsync(commenter.Id, noteId, "我这里有 高 仿 的，私我", null, CancellationToken.None);

            await m.GotoAsync(app.BaseUrl + "/admin/moderation");
            await Assertions.Expect(m.Locator("[data-testid=moderation-queue][data-ready=true]")).ToBeAttachedAsync();
            var item = m.Locator($"[data-testid=queue-item][data-target='Comment:{held.Id}']");
            await item.Locator("[data-testid=queue-review]").ClickAsync();
            await Assertions.Expect(m.Locator("[data-testid=moderation-detail][data-ready=true]")).ToBeAttachedAsync();
            await Assertions.Expect(m.Locator("[data-testid=screening-term]")).ToHaveTextAsync(["高 仿"]);
            await Artifacts.ScreenshotAsync(m, $"{name}-2-detail");
        });
        await m.Context.CloseAsync();
    }
}
