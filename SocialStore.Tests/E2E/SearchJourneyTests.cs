using Microsoft.Playwright;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.E2E;

/// <summary>Search from the top bar on a desktop (suggestions by keyboard) and from the icon on a phone; screenshots of both.</summary>
[Collection(E2ECollection.Name)]
public sealed class SearchJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelAppFactory app = default!;

    public Task InitializeAsync()
    {
        app = new KestrelAppFactory(seed: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Desktop_TypeInTopBar_SuggestionsByKeyboard_ThenResultsWithHighlights()
    {
        var page = await browser.NewPageAsync("desktop");
        await Artifacts.CaptureFailureAsync(page, "search-desktop", async () =>
        {
            await page.GotoAsync(app.BaseUrl + "/");
            var box = page.Locator("[data-testid=searchbox] input");
            await box.FillAsync("面霜");
            var options = page.Locator("[data-testid=searchbox] [role=option]");
            await options.First.WaitForAsync();
            await box.PressAsync("ArrowDown");
            Assert.Equal("true", await options.First.GetAttributeAsync("aria-selected"));
            Assert.Equal(await options.First.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
            await Artifacts.ScreenshotAsync(page, "search-desktop-1-suggestions");
            await box.PressAsync("Escape");
            await box.PressAsync("Enter");
            await page.WaitForURLAsync("**/search?q=*");
            await page.Locator("[data-testid=note-card] mark").First.WaitForAsync();
            await Artifacts.ScreenshotAsync(page, "search-desktop-2-notes");
            await page.Locator("[data-testid=search-tab-products]").ClickAsync();
            await page.WaitForURLAsync("**tab=products*");
            await Artifacts.ScreenshotAsync(page, "search-desktop-3-products");
        });
    }

    [Fact]
    public async Task Phone_SearchIcon_OpensSearchPage()
    {
        var page = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(page, "search-phone", async () =>
        {
            await page.GotoAsync(app.BaseUrl + "/");
            Assert.False(await page.Locator("[data-testid=searchbox]").IsVisibleAsync());
            await page.Locator("[data-testid=search-icon]").ClickAsync();
            await page.WaitForURLAsync("**/search");
            var input = page.Locator("[data-testid=search-input]");
            await input.FillAsync("防晒");
            await page.Locator("[data-testid=search-page] [role=option]").First.WaitForAsync();
            await Artifacts.ScreenshotAsync(page, "search-phone-1-suggestions");
            await input.PressAsync("Escape");
            await input.PressAsync("Enter");
            await page.WaitForURLAsync("**/search?q=*");
            await Artifacts.ScreenshotAsync(page, "search-phone-2-notes");
            await page.GotoAsync(app.BaseUrl + "/search?q=" + Uri.EscapeDataString("\"*'-)"));
            await page.Locator("[data-testid=search-nothing]").WaitForAsync();
            await Artifacts.ScreenshotAsync(page, "search-phone-3-nothing");
        });
    }
}
