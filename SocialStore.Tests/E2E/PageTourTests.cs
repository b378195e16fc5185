using Microsoft.Playwright;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.E2E;

/// <summary>Visits the public pages of the seeded site at phone and desktop sizes in both languages: no errors in the console, no horizontal overflow, a screenshot each.</summary>
[Collection(E2ECollection.Name)]
public sealed class PageTourTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelAppFactory app = default!;

    public Task InitializeAsync()
    {
        app = new KestrelAppFactory(seed: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("phone", "zh-CN")]
    [InlineData("desktop", "en-US")]
    public async Task PublicPages_RenderCleanly(string viewport, string locale)
    {
        var page = await browser.NewPageAsync(viewport, locale);
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        var name = $"tour-{viewport}-{locale}";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            await page.GotoAsync(app.BaseUrl + "/");
            var noteHref = await page.GetAttributeAsync("[data-testid=note-card] a.note-card-link >> nth=0", "href");
            var authorHref = await page.GetAttributeAsync("[data-testid=note-card] a.note-author >> nth=0", "href");
            var topicHref = await page.GetAttributeAsync(".chips a >> nth=0", "href");
            var stops = new (string Step, string Url)[]
            {
                ("note", noteHref!), ("profile", authorHref!), ("topic", topicHref!), ("shop", "/shop"), ("following", "/following"), ("messages", "/messages"), ("me", "/me"),
            };
            foreach (var (step, url) in stops)
            {
                var response = await page.GotoAsync(app.BaseUrl + url);
                Assert.True(response!.Ok, $"{url}: {response.Status}");
                Assert.Equal(locale, await page.GetAttributeAsync("html", "lang"));
                var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
                Assert.False(overflow, $"{url} scrolls sideways");
                await Artifacts.ScreenshotAsync(page, $"{name}-{step}");
            }
            Assert.Empty(errors);
        });
        await page.Context.CloseAsync();
    }
}
