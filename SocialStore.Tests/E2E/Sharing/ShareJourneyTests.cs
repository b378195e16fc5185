using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialStore.Tests.Domain.Sharing;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Sharing;

namespace SocialStore.Tests.E2E.Sharing;

[Collection(E2ECollection.Name)]
public sealed class ShareJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelAppFactory app = default!;

    public async Task InitializeAsync()
    {
        app = new KestrelAppFactory();
        var community = app.Community();
        var creator = await community.UserAsync("creator", "小红", bio: "分享日常好物，坐标上海。");
        await community.UserAsync("sharer", "分享者", password: TestAccounts.Password);
        for (var i = 0; i < 5; i++)
            await community.NoteAsync(creator.Id, TestCommunity.Start.AddMinutes(i), title: $"好物第{i + 1}期");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task ShareAProfile_CopyTheShortLink_AFriendFollowsIt(string viewport)
    {
        var page = await browser.NewPageAsync(viewport);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = app.BaseUrl });
        var name = $"share-{viewport}";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            // Signed out, the share button asks to sign in and comes back.
            await page.GotoAsync(app.BaseUrl + "/u/creator");
            await Artifacts.ScreenshotAsync(page, $"{name}-1-profile-signed-out");
            Assert.Equal("/Account/Login?ReturnUrl=%2Fu%2Fcreator", await page.GetAttributeAsync("[data-testid=share-sign-in]", "href"));

            await page.GotoAsync(app.BaseUrl + "/Account/Login");
            await page.FillAsync("[id='Input.Email']", "sharer@example.test");
            await page.FillAsync("[id='Input.Password']", TestAccounts.Password);
            await page.ClickAsync("button.btn-primary[type=submit]");
            await page.WaitForURLAsync(app.BaseUrl + "/");

            // Signed in: the button opens a sheet with the short link, a copy button and the QR code.
            await page.GotoAsync(app.BaseUrl + "/u/creator");
            await page.Locator("[data-testid=share][data-ready=true]").WaitForAsync();
            await page.ClickAsync("[data-testid=share-button]");
            var url = page.Locator("[data-testid=share-url]");
            await Assertions.Expect(url).ToHaveValueAsync(new Regex($"^{Regex.Escape(app.BaseUrl)}/s/[0-9A-Za-z]{{10}}$"));
            var shortUrl = await url.InputValueAsync();
            await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=share-qr]'); return i && i.complete && i.naturalWidth > 0; }");
            await page.ClickAsync("[data-testid=share-copy]");
            await Assertions.Expect(page.Locator("[data-testid=share-status]")).ToHaveTextAsync("链接已复制。");
            Assert.Equal(shortUrl, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
            await Artifacts.ScreenshotAsync(page, $"{name}-2-share-sheet");

            // Opening and closing again reuses the same link.
            await page.ClickAsync("[data-testid=share-button]");
            await Assertions.Expect(page.Locator("[data-testid=share-sheet]")).ToHaveCountAsync(0);
            await page.ClickAsync("[data-testid=share-button]");
            await Assertions.Expect(url).ToHaveValueAsync(shortUrl);

            // A friend opens the link: they land on the profile with an attribution cookie.
            var friend = await browser.NewPageAsync(viewport);
            await friend.GotoAsync(shortUrl);
            Assert.Equal(app.BaseUrl + "/u/creator", friend.Url);
            var cookies = await friend.Context.CookiesAsync();
            var attribution = Assert.Single(cookies, c => c.Name == "ss_attr");
            Assert.True(attribution.HttpOnly);
            Assert.Equal(SameSiteAttribute.Lax, attribution.SameSite);
            await friend.Context.CloseAsync();
        });
        await page.Context.CloseAsync();
    }
}
