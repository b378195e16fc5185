using Microsoft.Playwright;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>The live islands in a real browser: a follow button on a follower list, and the bell that hears of a new follower without a reload.</summary>
[Collection(E2ECollection.Name)]
public sealed class SocialLiveTests(BrowserFixture browser) : AppJourney
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task FollowFromAList_AndTheBellUpdatesLive_ThenMarkAllRead(string viewport)
    {
        var star = await SocialApp.UserAsync(app, "star", "明星");
        var fan = await SocialApp.UserAsync(app, "fan", "粉丝甲");
        var mei = await SocialApp.UserAsync(app, "mei", "小美");
        var follows = SocialApp.Service<FollowService>(app);
        await follows.FollowAsync(mei.Id, star.Id, default);

        var page = await browser.NewPageAsync(viewport);
        var name = $"social-{viewport}";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            await SignInAsync(page, fan);

            // The follower list of the star: follow 小美 from her row once the island is live.
            await page.GotoAsync(app.BaseUrl + "/u/star/followers");
            var button = page.Locator("[data-testid=person] [data-testid=follow-button][data-ready=true] button");
            await Assertions.Expect(button).ToHaveTextAsync("关注");
            await button.ClickAsync();
            await Assertions.Expect(button).ToHaveTextAsync("已关注");
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
            Assert.True(await follows.IsFollowingAsync(fan.Id, mei.Id, default));
            await Artifacts.ScreenshotAsync(page, $"{name}-1-followed");

            // Someone follows the fan while the page is open: the bell shows it without a reload.
            var bell = page.Locator(viewport == "phone" ? ".tabbar [data-testid=notification-bell][data-ready=true]" : ".topnav [data-testid=notification-bell][data-ready=true]");
            await Assertions.Expect(bell).ToHaveCountAsync(1);
            await follows.FollowAsync(star.Id, fan.Id, default);
            await Assertions.Expect(bell.Locator(".bell-badge")).ToHaveTextAsync("1");
            await follows.FollowAsync(mei.Id, fan.Id, default);
            await Assertions.Expect(bell.Locator(".bell-badge")).ToHaveTextAsync("2");
            await Artifacts.ScreenshotAsync(page, $"{name}-2-bell");

            // The messages page groups them; marking all read empties the badge.
            await page.GotoAsync(app.BaseUrl + "/messages");
            await Assertions.Expect(page.Locator("[data-testid=unread-groups] .notif-sentence")).ToHaveTextAsync("小美 和 明星 关注了你");
            await Artifacts.ScreenshotAsync(page, $"{name}-3-messages");
            await page.ClickAsync("[data-testid=mark-all-read]");
            await Assertions.Expect(page.Locator("[data-testid=unread-groups]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=notification-bell][data-ready=true] .bell-badge")).ToHaveCountAsync(0);
        });
        await page.Context.CloseAsync();
    }

    private async Task SignInAsync(IPage page, ApplicationUser user)
    {
        await page.GotoAsync(app.BaseUrl + "/Account/Login");
        await page.FillAsync("[id='Input.Email']", user.Email!);
        await page.FillAsync("[id='Input.Password']", TestAccounts.Password);
        await page.ClickAsync("button.btn-primary[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
    }
}
