using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Common;
using SocialStore.Domain.Identity;
using SocialStore.Domain.RedPackets;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.RedPackets;

/// <summary>Issue 13 §2 on a phone: open a red packet link, open the packet, see the amount, find it in "My coupons".</summary>
[Collection(E2ECollection.Name)]
public sealed class RedPacketJourneyTests(BrowserFixture browser) : AppJourney
{
    [Fact]
    public async Task ShopperOpensThePacketLink_Claims_SeesTheAmountInMyCoupons()
    {
        var admin = await TestAdmins.UserAsync(app);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var service = app.Services.GetRequiredService<RedPacketService>();
        var id = await service.CreateAsync(principal, new RedPacketInput("恭喜发财，大吉大利", 5, 8.88m, 24), default);
        var shopper = await SocialApp.UserAsync(app, "rp" + Guid.NewGuid().ToString("N")[..10], "小红");

        var page = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(page, "red-packet-phone", async () =>
        {
            await BrowserSignIn.SignInAsync(page, app.BaseUrl, shopper.Email!);
            await page.GotoAsync($"{app.BaseUrl}/red-packets/{id}");
            await Assertions.Expect(page.Locator("[data-testid=rp-left]")).ToContainTextAsync("还剩 5 个");
            await Artifacts.ScreenshotAsync(page, "red-packet-open-phone");
            await page.ClickAsync("[data-testid=rp-claim]");
            await page.WaitForSelectorAsync("[data-testid=rp-got]");
            var view = await service.ViewAsync(id, shopper.Id, default);
            var amount = Money.Format(view!.Mine!.Amount, "CNY");
            await Assertions.Expect(page.Locator("[data-testid=rp-got]")).ToHaveTextAsync("你抢到 " + amount);
            await Assertions.Expect(page.Locator("[data-testid=rp-slot]")).ToHaveCountAsync(1);
            await Artifacts.ScreenshotAsync(page, "red-packet-claimed-phone");

            await page.ClickAsync("[data-testid=rp-wallet]");
            await page.WaitForURLAsync("**/me/coupons");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("恭喜发财，大吉大利");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("拼手气红包");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync(amount);
            await Artifacts.ScreenshotAsync(page, "red-packet-my-coupons-phone");
        });
    }
}
