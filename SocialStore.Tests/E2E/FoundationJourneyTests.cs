using Microsoft.Playwright;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.E2E;

[Collection(E2ECollection.Name)]
public sealed class FoundationJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelAppFactory app = default!;

    public Task InitializeAsync()
    {
        app = new KestrelAppFactory(seed: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Register_SignIn_SwitchLanguage_ScrollFeed_SignOut(string viewport)
    {
        var page = await browser.NewPageAsync(viewport);
        var name = $"foundation-{viewport}";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            // The seeded feed, in Chinese by default.
            await page.GotoAsync(app.BaseUrl + "/");
            Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
            await Assertions.Expect(page.Locator("[data-testid=note-card]").First).ToBeVisibleAsync();
            Assert.True(await page.Locator("[data-testid=note-card]").CountAsync() >= 10);
            await Artifacts.ScreenshotAsync(page, $"{name}-1-feed-zh");

            // Register; Development shows the confirmation link on the page (there is no mail server).
            var email = $"e2e-{viewport}-{Guid.NewGuid():N}@example.test";
            const string password = TestAccounts.Password;
            await page.GotoAsync(app.BaseUrl + "/Account/Register");
            await page.FillAsync("[id='Input.Email']", email);
            if (await page.Locator("[id='Input.DisplayName']").CountAsync() > 0)
                await page.FillAsync("[id='Input.DisplayName']", "小测");
            await page.FillAsync("[id='Input.Password']", password);
            await page.FillAsync("[id='Input.ConfirmPassword']", password);
            await Artifacts.ScreenshotAsync(page, $"{name}-2-register");
            await page.ClickAsync("button.btn-primary[type=submit]");
            await page.WaitForURLAsync("**/Account/RegisterConfirmation**");
            await page.ClickAsync("a[href*='Account/ConfirmEmail']");
            await page.WaitForURLAsync("**/Account/ConfirmEmail**");

            // Sign in.
            await page.GotoAsync(app.BaseUrl + "/Account/Login");
            await page.FillAsync("[id='Input.Email']", email);
            await page.FillAsync("[id='Input.Password']", password);
            await page.ClickAsync("button.btn-primary[type=submit]");
            await page.WaitForURLAsync(app.BaseUrl + "/");
            await Assertions.Expect(page.Locator("[data-testid=me-link]")).ToBeVisibleAsync();

            // One click switches the language, and it is remembered.
            await page.ClickAsync("[data-testid=language-switch]");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
            await Assertions.Expect(page.Locator(".tabbar, .topnav").First).ToContainTextAsync("Discover");
            await page.GotoAsync(app.BaseUrl + "/shop");
            Assert.Equal("en-US", await page.GetAttributeAsync("html", "lang"));
            await page.GotoAsync(app.BaseUrl + "/");
            await Artifacts.ScreenshotAsync(page, $"{name}-3-feed-en");

            // Scrolling to the end loads the next page below (infinite scroll), without repeats.
            var firstPageIds = await CardHrefsAsync(page);
            var moreHref = await page.GetAttributeAsync("[data-testid=feed-more]", "href");
            await page.Mouse.WheelAsync(0, 30000);
            await Assertions.Expect(page.Locator("[data-testid=feed]")).ToHaveCountAsync(2);
            var afterScroll = await CardHrefsAsync(page);
            Assert.True(afterScroll.Length > firstPageIds.Length);
            Assert.Equal(afterScroll.Length, afterScroll.Distinct().Count());
            await Artifacts.ScreenshotAsync(page, $"{name}-4-feed-scrolled");

            // Without JavaScript the same "more" link is a plain page of the next notes.
            await page.GotoAsync(app.BaseUrl + moreHref);
            var secondPageIds = await CardHrefsAsync(page);
            Assert.NotEmpty(secondPageIds);
            Assert.Empty(firstPageIds.Intersect(secondPageIds));

            // Sign out from the Me page.
            await page.GotoAsync(app.BaseUrl + "/me");
            await page.ClickAsync("[data-testid=sign-out]");
            await page.WaitForURLAsync(app.BaseUrl + "/");
            await Assertions.Expect(page.Locator("[data-testid=me-link]")).ToHaveCountAsync(0);
            await Artifacts.ScreenshotAsync(page, $"{name}-5-signed-out");
        });
        await page.Context.CloseAsync();
    }

    private static async Task<string[]> CardHrefsAsync(IPage page) =>
        (await page.Locator("[data-testid=note-card] a.note-card-link").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"));
}
