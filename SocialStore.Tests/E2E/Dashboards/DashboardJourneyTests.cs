using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Dashboards;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Dashboards;

/// <summary>
/// Two buyers pay for the same two products; after the also-bought rebuild the product page shows the other product.
/// An admin opens the dashboard on a phone (and at 1440 px): the figures with their definitions, the funnel saying the
/// cart step has no events yet, and a range with the end before the start refused with the localised message.
/// Exact figures are asserted in <c>DashboardQueriesTests</c>.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class DashboardJourneyTests(BrowserFixture browser) : AppJourney
{
    [Fact]
    public async Task AlsoBoughtOnProductPage_AdminDashboardWithDefinitionsAndBadRangeRefused()
    {
        var cream = (await CatalogTestData.SimpleAsync(db, "修护面霜 50ml", 168m, stock: 20)).Skus[0];
        var serum = (await CatalogTestData.SimpleAsync(db, "玻尿酸精华 30ml", 128m, stock: 20)).Skus[0];
        var suffix = Guid.NewGuid().ToString("N")[..6];
        foreach (var handle in new[] { "ab1", "ab2" })
        {
            var buyer = await SocialApp.UserAsync(app, handle + suffix, "买家");
            var order = await OrderTestData.PendingAsync(db, buyer.Id, [new(cream, 1), new(serum, 1)], at: DateTimeOffset.UtcNow.AddMinutes(-10));
            await OrderTestData.PayAsync(db, order, DateTimeOffset.UtcNow.AddMinutes(-5));
        }
        await app.Services.GetRequiredService<AlsoBoughtRefresher>().RefreshAsync(default);
        var adminUser = await TestAdmins.UserAsync(app);

        var page = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(page, "dashboard", async () =>
        {
            await page.GotoAsync(app.BaseUrl + $"/products/{cream.ProductId}");
            var item = page.Locator("[data-testid=also-bought-item]");
            await Assertions.Expect(item).ToHaveCountAsync(1);
            await Assertions.Expect(item).ToContainTextAsync("玻尿酸精华 30ml");
            await Assertions.Expect(item).ToContainTextAsync("2 人同时购买");
            await item.ScrollIntoViewIfNeededAsync();
            await Artifacts.ScreenshotAsync(page, "dashboard-1-also-bought-phone");

            await BrowserSignIn.SignInAsync(page, app.BaseUrl, adminUser.Email!);
            await page.GotoAsync(app.BaseUrl + "/admin/dashboard");
            await Assertions.Expect(page.Locator("[data-testid=figure-orders] [data-testid=value]")).ToHaveTextAsync("2");
            await Assertions.Expect(page.Locator("[data-testid=figure-paying-users] [data-testid=value]")).ToHaveTextAsync("2");
            await Assertions.Expect(page.Locator("[data-testid=figure-gmv]")).ToContainTextAsync("范围内支付的订单实付金额之和");
            await Assertions.Expect(page.Locator("[data-testid=funnel-Cart]")).ToContainTextAsync("暂未记录此类事件");
            await Assertions.Expect(page.Locator("[data-testid=dash-retention]")).ToContainTextAsync("D1 / D7 / D30");
            await Assertions.Expect(page.Locator("[data-testid=dash-retention]")).Not.ToContainTextAsync("{n}");
            await Assertions.Expect(page.Locator("[data-testid=dash-kfactor]")).ToContainTextAsync("K = 人均邀请数 × 转化率");
            await Assertions.Expect(page.Locator("[data-testid=dash-top-notes]")).ToContainTextAsync("归因");
            await Assertions.Expect(page.Locator("[data-testid=dash-chart-funnel] svg")).ToHaveCountAsync(1);
            await Artifacts.ScreenshotAsync(page, "dashboard-2-phone");
            await page.SetViewportSizeAsync(1440, 900);
            await FullPageAsync(page, "dashboard-3-desktop");

            var kfactor = await page.APIRequest.GetAsync(app.BaseUrl + "/admin/dashboard/kfactor.csv?from=2026-01-01&to=2026-01-14");
            Assert.Equal(200, kfactor.Status);
            Assert.StartsWith("week_start,inviters,invites,converted,invites_per_inviter,conversion,k,open\n2025-12-29,0,0,0,", await kfactor.TextAsync());
            Assert.Equal(404, (await page.APIRequest.GetAsync(app.BaseUrl + "/admin/dashboard/passwords.csv")).Status);
            Assert.Equal(400, (await page.APIRequest.GetAsync(app.BaseUrl + "/admin/dashboard/funnel.csv?from=2016-01-01&to=2026-01-01")).Status);

            var csv = await page.APIRequest.GetAsync(app.BaseUrl + "/admin/dashboard/daily.csv?from=2026-01-01&to=2026-01-02");
            Assert.Equal(200, csv.Status);
            Assert.StartsWith("day,orders,gmv,net_gmv,paying_users,active_users\n2026-01-01,", await csv.TextAsync());

            await page.GotoAsync(app.BaseUrl + "/admin/dashboard?from=2026-11-10&to=2026-11-01");
            await Assertions.Expect(page.Locator("[data-testid=dash-error]")).ToContainTextAsync("结束日期早于开始日期");
            await Assertions.Expect(page.Locator("[data-testid=dash-figures]")).ToHaveCountAsync(0);
            await page.SetViewportSizeAsync(390, 844);
            await Artifacts.ScreenshotAsync(page, "dashboard-4-bad-range-phone");
            await page.GotoAsync(app.BaseUrl + "/admin/dashboard?from=abc&to=%00");
            await Assertions.Expect(page.Locator("[data-testid=dash-error]")).ToContainTextAsync("YYYY-MM-DD");
        });

        var english = await browser.NewPageAsync("phone", "en-US");
        await Artifacts.CaptureFailureAsync(english, "dashboard-en", async () =>
        {
            await BrowserSignIn.SignInAsync(english, app.BaseUrl, adminUser.Email!);
            await english.GotoAsync(app.BaseUrl + "/admin/dashboard");
            await Assertions.Expect(english.Locator("[data-testid=dash-kfactor]")).ToContainTextAsync("K = invites per inviter × conversion");
            await Assertions.Expect(english.Locator("[data-testid=dash-retention]")).ToContainTextAsync("D1 / D7 / D30");
            await FullPageAsync(english, "dashboard-5-phone-en");
            await english.SetViewportSizeAsync(1440, 900);
            await FullPageAsync(english, "dashboard-6-desktop-en");
        });
    }

    private static Task FullPageAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Directory, name + ".png"), FullPage = true });
}
