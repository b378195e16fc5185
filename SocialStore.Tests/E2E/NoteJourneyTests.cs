using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Domain.Media;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>
/// Issue 3's journey: A signs up and posts a note with two images and a topic; it is on the topic page
/// and A's profile; B likes, collects into a new board and comments; A replies and sees the notifications;
/// a visitor opens A's share link and lands on the note.
/// </summary>
/// <remarks>Both viewports share one seeded app (seeding is the slow part of its start): each signs up its own author with its own topic and reader.</remarks>
[Collection(E2ECollection.Name)]
public sealed class NoteJourneyTests(BrowserFixture browser, SeededJourneyApp shared) : IClassFixture<SeededJourneyApp>
{
    private readonly KestrelAppFactory app = shared.App;

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task SignUp_Post_Discover_Interact_Notify_Share(string viewport)
    {
        var name = $"note-journey-{viewport}";
        var topic = $"journey{viewport}";
        var a = await browser.NewPageAsync(viewport);
        var b = await browser.NewPageAsync(viewport);
        var visitor = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(a, name, async () =>
        {
            // A signs up (Development shows the confirmation link on the page) and signs in.
            var email = $"a{viewport}{Guid.NewGuid():N}"[..20] + "@example.test";
            const string password = TestAccounts.Password;
            await a.GotoAsync(app.BaseUrl + "/Account/Register");
            await a.FillAsync("[id='Input.Email']", email);
            if (await a.Locator("[id='Input.DisplayName']").CountAsync() > 0) await a.FillAsync("[id='Input.DisplayName']", "作者小A");
            await a.FillAsync("[id='Input.Password']", password);
            await a.FillAsync("[id='Input.ConfirmPassword']", password);
            await a.ClickAsync("button.btn-primary[type=submit]");
            await a.WaitForURLAsync("**/Account/RegisterConfirmation**");
            await a.ClickAsync("a[href*='Account/ConfirmEmail']");
            await a.WaitForURLAsync("**/Account/ConfirmEmail**");
            await SignInAsync(a, email, password);
            var handle = await HandleOfAsync(email);

            var userB = await SocialApp.UserAsync(app, $"reader{viewport}", "读者小B");

            // The + button opens the composer.
            await a.ClickAsync(viewport == "phone" ? ".tabbar a.tab-post" : ".topbar a[href='/notes/new']");
            await a.WaitForURLAsync(app.BaseUrl + "/notes/new");
            await a.Locator("[data-testid=compose][data-ready=true]").WaitForAsync();
            await Artifacts.ScreenshotAsync(a, $"{name}-1-compose");

            // Two photos and a text file: the photos upload, the text file gets its own message.
            await a.SetInputFilesAsync("[data-testid=image-input]",
            [
                new FilePayload { Name = "one.jpg", MimeType = "image/jpeg", Buffer = TestImages.Solid(900, 1200, ".jpg") },
                new FilePayload { Name = "two.png", MimeType = "image/png", Buffer = TestImages.Solid(1200, 900, ".png", 40, 120, 200) },
                new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "not an image"u8.ToArray() },
            ]);
            await Assertions.Expect(a.Locator("[data-testid=image-tile] img")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
            await Assertions.Expect(a.Locator("[data-testid=tile-error]")).ToHaveCountAsync(1);
            await Assertions.Expect(a.Locator("[data-testid=tile-error]")).ToContainTextAsync("JPEG");
            await Assertions.Expect(a.Locator("[data-testid=image-tile]").First.Locator("[data-testid=cover-badge]")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(a, $"{name}-2-images");
            await a.Locator(".has-error [data-testid=remove-image]").ClickAsync();
            await Assertions.Expect(a.Locator("[data-testid=image-tile]")).ToHaveCountAsync(2);

            // Publishing without a title is refused with a clear message, and nothing is saved.
            await a.ClickAsync("[data-testid=publish]");
            await Assertions.Expect(a.Locator("[data-testid=compose-error]")).ToHaveTextAsync("请填写标题");
            Assert.EndsWith("/notes/new", a.Url);

            // Title with its counter; body with #topic autocomplete (↓/Enter) and a new topic.
            await a.FillAsync("[data-testid=title-input]", "我的护肤日记");
            await Assertions.Expect(a.Locator("[data-testid=title-count]")).ToHaveTextAsync("6/20");
            await a.ClickAsync("[data-testid=body-input]");
            await a.Keyboard.TypeAsync("今天的#护", new() { Delay = 60 });
            await Assertions.Expect(a.Locator("[data-testid=suggestions] li").First).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(a, $"{name}-3-suggestions");
            await a.Keyboard.PressAsync("ArrowDown");
            await a.Keyboard.PressAsync("ArrowUp");
            await a.Keyboard.PressAsync("Enter");
            await Assertions.Expect(a.Locator("[data-testid=suggestions]")).ToHaveCountAsync(0);
            await Assertions.Expect(a.Locator("[data-testid=body-input]")).ToHaveValueAsync(new Regex("^今天的#护\\S* $"));
            // The whole handle: the other viewport's reader (same app, same display name) must not be a second match.
            await a.Keyboard.TypeAsync($"分享 #{topic} 好用 @reader{viewport}", new() { Delay = 30 });
            await Assertions.Expect(a.Locator("[data-testid=suggestions] li", new() { HasText = "读者小B" })).ToBeVisibleAsync();
            await a.Keyboard.PressAsync("Enter");
            await Assertions.Expect(a.Locator("[data-testid=body-input]")).ToHaveValueAsync(new Regex($"#{topic} 好用 @reader{viewport} $"));
            // Tag a product: search as you type, pick one, it becomes a chip.
            await a.FillAsync("[data-testid=product-search]", "面霜");
            await a.Locator("[data-testid=product-results] button").First.ClickAsync();
            await Assertions.Expect(a.Locator("[data-testid=product-chips] li")).ToHaveCountAsync(1);
            await a.Locator("[data-testid=product-chips]").ScrollIntoViewIfNeededAsync();
            await Artifacts.ScreenshotAsync(a, $"{name}-3b-product");
            await a.ClickAsync("[data-testid=preview]");
            await Assertions.Expect(a.Locator("[data-testid=compose-preview] a[href='/topics/" + topic + "']")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(a, $"{name}-4-preview");
            await a.ClickAsync("[data-testid=preview]");
            await a.ClickAsync("[data-testid=publish]");
            await a.WaitForURLAsync(new Regex("/notes/[0-9]+$"), new() { Timeout = 15_000 });
            var noteUrl = a.Url;
            var noteId = noteUrl[(noteUrl.LastIndexOf('/') + 1)..];
            await Assertions.Expect(a.Locator("h1.note-heading")).ToHaveTextAsync("我的护肤日记");
            await Assertions.Expect(a.Locator("[data-testid=edit-note]")).ToBeVisibleAsync();
            await Assertions.Expect(a.Locator(".note-products a.tagged-product")).ToHaveCountAsync(1);
            await Artifacts.ScreenshotAsync(a, $"{name}-5-published");

            // It is on its topic's page and on A's profile; Discover is ranked, so it is only checked to load.
            await a.GotoAsync($"{app.BaseUrl}/topics/{topic}");
            await Assertions.Expect(a.Locator($"[data-testid=note-card] a[href='/notes/{noteId}']")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(a, $"{name}-6-topic");
            await a.GotoAsync($"{app.BaseUrl}/u/{handle}");
            await Assertions.Expect(a.Locator($"[data-testid=note-card] a[href='/notes/{noteId}']")).ToBeVisibleAsync();
            await a.GotoAsync(app.BaseUrl + "/");
            await Assertions.Expect(a.Locator("[data-testid=note-card]").First).ToBeVisibleAsync();

            // B likes, collects into a new board and comments.
            await SignInAsync(b, userB.Email!, TestAccounts.Password);
            await b.GotoAsync(noteUrl);
            var like = b.Locator("[data-testid=like-button][data-ready=true] button");
            await like.ClickAsync();
            await Assertions.Expect(like).ToHaveAttributeAsync("aria-pressed", "true");
            await b.Locator("[data-testid=collect-button][data-ready=true] button.collect-btn").ClickAsync();
            await b.ClickAsync("[data-testid=collect-sheet] [data-testid=change-board]");
            await b.FillAsync("[data-testid=collect-sheet] .board-new input.input", "护肤灵感");
            await b.ClickAsync("[data-testid=collect-sheet] .board-new button[type=submit]");
            await Assertions.Expect(b.Locator("[data-testid=collect-sheet] .sheet-saved")).ToContainTextAsync("护肤灵感");
            await Artifacts.ScreenshotAsync(b, $"{name}-7-collected");
            await b.Locator("[data-testid=collect-sheet] .sheet-close").ClickAsync();
            await b.Locator("[data-testid=comment-thread][data-ready=true]").WaitForAsync();
            await b.FillAsync("[data-testid=comment-input]", "好用吗？想买");
            await b.ClickAsync("[data-testid=comment-send]");
            await Assertions.Expect(b.Locator("[data-testid=comment-body]", new() { HasText = "好用吗？想买" })).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(b, $"{name}-8-commented");

            // A replies.
            await a.GotoAsync(noteUrl);
            await a.Locator("[data-testid=comment-thread][data-ready=true]").WaitForAsync();
            await a.Locator("[data-testid=comment]", new() { HasText = "好用吗？想买" }).GetByRole(AriaRole.Button, new() { Name = "回复", Exact = true }).ClickAsync();
            await a.FillAsync("[data-testid=comment-input]", "很好用，推荐");
            await a.ClickAsync("[data-testid=comment-send]");
            await Assertions.Expect(a.Locator("[data-testid=comment-body]", new() { HasText = "很好用，推荐" })).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(a, $"{name}-9-replied");

            // A's notifications: the like, the collect and the comment.
            await a.GotoAsync(app.BaseUrl + "/messages");
            var unread = a.Locator("[data-testid=unread-groups] .notif-sentence");
            await Assertions.Expect(unread).ToHaveCountAsync(3);
            await Assertions.Expect(a.Locator("[data-testid=unread-groups]")).ToContainTextAsync("读者小B");
            await Artifacts.ScreenshotAsync(a, $"{name}-10-messages");

            // A shares; a visitor opens the short link and lands on the note.
            await a.GotoAsync(noteUrl);
            await a.Locator("[data-testid=share][data-ready=true]").WaitForAsync();
            await a.ClickAsync("[data-testid=share-button]");
            var shareUrl = a.Locator("[data-testid=share-url]");
            await Assertions.Expect(shareUrl).ToHaveValueAsync(new Regex("/s/[0-9A-Za-z]+$"));
            var shortUrl = await shareUrl.InputValueAsync();
            await Artifacts.ScreenshotAsync(a, $"{name}-11-share");
            await visitor.GotoAsync(shortUrl);
            await visitor.WaitForURLAsync(new Regex($"/notes/{noteId}"));
            await Assertions.Expect(visitor.Locator("h1.note-heading")).ToHaveTextAsync("我的护肤日记");
            await Artifacts.ScreenshotAsync(visitor, $"{name}-12-visitor");
        });
        foreach (var page in new[] { a, b, visitor }) await page.Context.CloseAsync();
    }

    private async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(app.BaseUrl + "/Account/Login");
        await page.FillAsync("[id='Input.Email']", email);
        await page.FillAsync("[id='Input.Password']", password);
        await page.ClickAsync("button.btn-primary[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
    }

    private async Task<string> HandleOfAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.Handle;
    }
}
