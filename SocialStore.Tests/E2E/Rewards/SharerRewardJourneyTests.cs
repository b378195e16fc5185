using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Rewards;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Rewards;

/// <summary>
/// Issue 13 §2 (sharer red packets) on a phone: A shares a note link, B opens it in another browser, signs up, and A
/// finds the red packet in "My coupons" with where it came from — in Chinese and in English.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SharerRewardJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelAppFactory app = default!;

    public Task InitializeAsync()
    {
        app = new KestrelAppFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ShareANote_AFriendSignsUpThroughIt_TheSharerSeesTheRedPacketInMyCoupons()
    {
        var admin = await TestAdmins.UserAsync(app);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var now = DateTimeOffset.UtcNow;
        var campaign = await app.Services.GetRequiredService<CouponService>().CreateAsync(principal, new CouponTemplateInput(
            "分享红包 5 元", CouponKind.NoThreshold, 0m, 5m, 0, 0m, CouponScope.AllProducts, null, [], now.AddMinutes(-1), now.AddDays(90), 30, 1000, 10, GrantOnly: true), default);
        await app.Services.GetRequiredService<RewardService>().SaveAsync(principal, new RewardSettingsInput(
            RewardKind.Coupon, campaign, 0, RewardKind.Points, null, 200, null, null), default);

        var author = await SocialApp.UserAsync(app, "au" + Guid.NewGuid().ToString("N")[..8], "小红");
        var noteId = await SocialApp.NoteAsync(app, author.Id, "秋冬护肤清单");
        var sharer = await SocialApp.UserAsync(app, "sa" + Guid.NewGuid().ToString("N")[..8], "阿珍");
        var friendEmail = "friend" + Guid.NewGuid().ToString("N")[..6] + "@example.com";

        // A shares the note: the share sheet gives the short link.
        var a = await browser.NewPageAsync("phone");
        string shortUrl = "";
        await Artifacts.CaptureFailureAsync(a, "sharer-reward-a-share", async () =>
        {
            await BrowserSignIn.SignInAsync(a, app.BaseUrl, sharer.Email!);
            await a.GotoAsync($"{app.BaseUrl}/notes/{noteId}");
            await a.Locator("[data-testid=share][data-ready=true]").WaitForAsync();
            await a.ClickAsync("[data-testid=share-button]");
            var url = a.Locator("[data-testid=share-url]");
            await Assertions.Expect(url).ToHaveValueAsync(new Regex($"^{Regex.Escape(app.BaseUrl)}/s/[0-9A-Za-z]{{10}}$"));
            shortUrl = await url.InputValueAsync();
        });

        // B, in another browser, follows the link and signs up.
        var b = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(b, "sharer-reward-b-sign-up", async () =>
        {
            await b.GotoAsync(shortUrl);
            await Assertions.Expect(b.Locator("body")).ToContainTextAsync("秋冬护肤清单");
            await b.GotoAsync(app.BaseUrl + "/Account/Register");
            await b.FillAsync("[id='Input.Email']", friendEmail);
            await b.FillAsync("[id='Input.DisplayName']", "小新");
            await b.FillAsync("[id='Input.Password']", TestAccounts.Password);
            await b.FillAsync("[id='Input.ConfirmPassword']", TestAccounts.Password);
            await b.ClickAsync("button.btn-primary[type=submit]");
            await b.WaitForURLAsync("**/Account/RegisterConfirmation**");
            await b.ClickAsync("a[href*='Account/ConfirmEmail']");
            await b.WaitForURLAsync("**/Account/ConfirmEmail**");
            await BrowserSignIn.SignInAsync(b, app.BaseUrl, friendEmail);
            await b.GotoAsync(app.BaseUrl + "/me");
        });

        // A finds the red packet in "My coupons", with where it came from.
        await Artifacts.CaptureFailureAsync(a, "sharer-reward-a-coupons", async () =>
        {
            await a.GotoAsync(app.BaseUrl + "/me/coupons");
            var coupon = a.Locator("[data-testid=wallet-coupon]");
            await Assertions.Expect(coupon).ToHaveCountAsync(1);
            await Assertions.Expect(coupon).ToContainTextAsync("分享红包 5 元");
            // "分享奖励" once: on the origin line, not again on the source line.
            await Assertions.Expect(coupon.Locator("[data-testid=coupon-source]")).Not.ToContainTextAsync("分享奖励");
            await Assertions.Expect(coupon.Locator("[data-testid=coupon-origin]")).ToHaveTextAsync("分享奖励 · 来自 小新 的注册");
            await Artifacts.ScreenshotAsync(a, "sharer-reward-my-coupons-phone-zh");
        });

        var english = await browser.NewPageAsync("phone", "en-US");
        await Artifacts.CaptureFailureAsync(english, "sharer-reward-a-coupons-en", async () =>
        {
            await BrowserSignIn.SignInAsync(english, app.BaseUrl, sharer.Email!);
            await english.GotoAsync(app.BaseUrl + "/me/coupons");
            var coupon = english.Locator("[data-testid=wallet-coupon]");
            await Assertions.Expect(coupon.Locator("[data-testid=coupon-source]")).Not.ToContainTextAsync("Share reward");
            await Assertions.Expect(coupon.Locator("[data-testid=coupon-origin]")).ToHaveTextAsync("Share reward · 小新 signed up through your link");
            await Artifacts.ScreenshotAsync(english, "sharer-reward-my-coupons-phone-en");
        });

        // The back office shows the settings and the grant, counted from its row.
        foreach (var viewport in new[] { "phone", "desktop" })
        {
            var office = await browser.NewPageAsync(viewport);
            await Artifacts.CaptureFailureAsync(office, "sharer-reward-admin-" + viewport, async () =>
            {
                await BrowserSignIn.SignInAsync(office, app.BaseUrl, admin.Email!);
                await office.GotoAsync(app.BaseUrl + "/admin/rewards");
                await Assertions.Expect(office.Locator("[data-testid=admin-rewards]")).ToHaveAttributeAsync("data-ready", "true");
                await Assertions.Expect(office.Locator("[data-testid=rw-granted]").First).ToHaveTextAsync("1");
                await Assertions.Expect(office.Locator("[data-testid=rw-latest]")).ToContainTextAsync("小新");
                await Artifacts.ScreenshotAsync(office, "sharer-reward-admin-" + viewport);
            });
        }
    }
}
