using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.GroupBuys;

/// <summary>
/// Issue 12 §1 in three browsers: A starts a group of 3 from the product page and pays in the sandbox; B and C open
/// the group page, join and pay; A's open group page turns "拼团成功" live, without a reload. Then the back office
/// shows the real figures.
/// </summary>
/// <remarks>The four tests share one app: each makes its own product, campaign and shoppers and reads only those.</remarks>
[Collection(E2ECollection.Name)]
public sealed class GroupBuyJourneyTests(BrowserFixture browser, SharedJourneyApp shared) : AppJourney(shared), IClassFixture<SharedJourneyApp>
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task GroupOfThree_LeaderPays_TwoJoinFromTheGroupPage_LeadersPageTurnsSucceededLive(string viewport)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var product = await CatalogTestData.SimpleAsync(factory, "云朵保湿面霜 拼团装", 129m, 50);
        var seed = Path.Combine(app.DataDirectory, "media", "seed");
        Directory.CreateDirectory(seed);
        await File.WriteAllTextAsync(Path.Combine(seed, "p.svg"),
            "<svg xmlns='http://www.w3.org/2000/svg' width='800' height='800'><rect width='800' height='800' fill='#fde2e4'/><circle cx='400' cy='430' r='190' fill='#fff'/><rect x='250' y='200' width='300' height='110' rx='30' fill='#f4a3b4'/></svg>");
        var admin = await TestAdmins.UserAsync(app);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var now = DateTimeOffset.UtcNow;
        await app.Services.GetRequiredService<GroupBuyService>().CreateCampaignAsync(principal,
            new CampaignInput(product.Skus.Single().Id, 99m, 3, 24 * 60, now.AddMinutes(-5), now.AddDays(3), 20, 1), default);
        var a = await ShopperAsync(factory, "小A");
        var b = await ShopperAsync(factory, "小B");
        var c = await ShopperAsync(factory, "小C");

        var pageA = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(pageA, $"groupbuy-{viewport}", async () =>
        {
            await BrowserSignIn.SignInAsync(pageA, app.BaseUrl, a.Email!);
            await pageA.GotoAsync($"{app.BaseUrl}/products/{product.Id}");
            var panel = pageA.Locator("[data-testid=gb-panel]");
            await Assertions.Expect(panel.Locator("[data-testid=gb-buy-alone]")).ToContainTextAsync("单独购买 ¥129");
            await Assertions.Expect(panel.Locator("[data-testid=gb-start]")).ToContainTextAsync("发起拼团 ¥99");
            await panel.ScrollIntoViewIfNeededAsync();
            await Artifacts.ScreenshotAsync(pageA, $"groupbuy-product-{viewport}");

            await pageA.ClickAsync("[data-testid=gb-start]");
            await PayAsync(pageA);
            long groupId;
            await using (var db = await factory.CreateDbContextAsync())
                groupId = await db.GroupBuyGroups.Where(g => g.LeaderId == a.Id).Select(g => g.Id).SingleAsync();
            await WaitForAsync(async () => (await GroupAsync(factory, groupId)).Status == GroupBuyStatus.Open);

            // A finds the open group on the product page and opens it.
            await pageA.GotoAsync($"{app.BaseUrl}/products/{product.Id}");
            await Assertions.Expect(pageA.Locator($"[data-testid=gb-group][data-group='{groupId}']")).ToContainTextAsync("还差 2 人");
            await pageA.Locator("[data-testid=gb-panel]").ScrollIntoViewIfNeededAsync();
            await Artifacts.ScreenshotAsync(pageA, $"groupbuy-product-open-{viewport}");
            await pageA.ClickAsync($"[data-group='{groupId}'] [data-testid=gb-join-link]");
            await pageA.WaitForURLAsync($"**/group-buys/{groupId}");
            await pageA.WaitForSelectorAsync("[data-testid=gb-live][data-ready=true]");
            Assert.Equal("还差 2 人 · 拼团价 ¥99", await pageA.GetAttributeAsync("meta[property='og:description']", "content"));
            await Assertions.Expect(pageA.Locator("[data-testid=gb-status]")).ToContainTextAsync("还差 2 人");
            Assert.Equal(1, await pageA.Locator("[data-testid=gb-member]").CountAsync());
            await Artifacts.ScreenshotAsync(pageA, $"groupbuy-group-open-{viewport}");

            foreach (var (joiner, left) in new[] { (b, 1), (c, 0) })
            {
                var page = await browser.NewPageAsync(viewport);
                await BrowserSignIn.SignInAsync(page, app.BaseUrl, joiner.Email!);
                await page.GotoAsync($"{app.BaseUrl}/group-buys/{groupId}");
                await Artifacts.ScreenshotAsync(page, $"groupbuy-join-{joiner.DisplayName}-{viewport}");
                await page.ClickAsync("[data-testid=gb-join]");
                await PayAsync(page);
                await page.GotoAsync($"{app.BaseUrl}/group-buys/{groupId}");
                await page.WaitForSelectorAsync("[data-testid=gb-member-note]");
                await page.Context.CloseAsync();

                // A's page follows without a reload.
                if (left > 0)
                    await Assertions.Expect(pageA.Locator("[data-testid=gb-status]")).ToContainTextAsync($"还差 {left} 人", new() { Timeout = 20_000 });
            }
            await Assertions.Expect(pageA.Locator("[data-testid=gb-live][data-status=Succeeded]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Assertions.Expect(pageA.Locator("[data-testid=gb-status]")).ToContainTextAsync("拼团成功");
            Assert.Equal(3, await pageA.Locator("[data-testid=gb-member]").CountAsync());
            await Artifacts.ScreenshotAsync(pageA, $"groupbuy-group-succeeded-{viewport}");

            var group = await GroupAsync(factory, groupId);
            Assert.Equal((GroupBuyStatus.Succeeded, 3), (group.Status, group.PaidCount));
            await using (var db = await factory.CreateDbContextAsync())
                Assert.Equal(3, await db.Orders.CountAsync(o => o.Status == OrderStatus.Paid && db.GroupBuyMembers.Any(m => m.GroupId == groupId && m.OrderId == o.Id)));

            // The back office counts it.
            var adminPage = await browser.NewPageAsync(viewport);
            await BrowserSignIn.SignInAsync(adminPage, app.BaseUrl, admin.Email!);
            await adminPage.GotoAsync(app.BaseUrl + "/admin/group-buys");
            await adminPage.WaitForSelectorAsync("[data-testid=admin-group-buys][data-ready=true]");
            await Assertions.Expect(adminPage.Locator("[data-testid=gb-succeeded]").First).ToHaveTextAsync("1");
            await Artifacts.ScreenshotAsync(adminPage, $"groupbuy-admin-{viewport}");
            await adminPage.Context.CloseAsync();
        });
        await pageA.Context.CloseAsync();
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task GroupOfThree_OneJoiner_Expires_BothRefundedAutomatically_VisibleOnOrderPages(string viewport)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var product = await CatalogTestData.SimpleAsync(factory, "柔雾唇釉 拼团装", 89m, 50);
        var admin = await TestAdmins.UserAsync(app);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var now = DateTimeOffset.UtcNow;
        var campaign = await app.Services.GetRequiredService<GroupBuyService>().CreateCampaignAsync(principal,
            new CampaignInput(product.Skus.Single().Id, 69m, 3, 24 * 60, now.AddMinutes(-5), now.AddDays(3), 20, 1), default);
        var a = await ShopperAsync(factory, "小A");
        var b = await ShopperAsync(factory, "小B");

        var pageA = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(pageA, $"groupbuy-expiry-{viewport}", async () =>
        {
            await BrowserSignIn.SignInAsync(pageA, app.BaseUrl, a.Email!);
            await pageA.GotoAsync($"{app.BaseUrl}/products/{product.Id}");
            await pageA.ClickAsync("[data-testid=gb-start]");
            await PayAsync(pageA);
            long groupId;
            await using (var db = await factory.CreateDbContextAsync())
                groupId = await db.GroupBuyGroups.Where(g => g.LeaderId == a.Id).Select(g => g.Id).SingleAsync();
            await WaitForAsync(async () => (await GroupAsync(factory, groupId)).Status == GroupBuyStatus.Open);

            var pageB = await browser.NewPageAsync(viewport);
            await BrowserSignIn.SignInAsync(pageB, app.BaseUrl, b.Email!);
            await pageB.GotoAsync($"{app.BaseUrl}/group-buys/{groupId}");
            await pageB.ClickAsync("[data-testid=gb-join]");
            await PayAsync(pageB);

            await pageA.GotoAsync($"{app.BaseUrl}/group-buys/{groupId}");
            await pageA.WaitForSelectorAsync("[data-testid=gb-live][data-ready=true]");
            await Assertions.Expect(pageA.Locator("[data-testid=gb-status]")).ToContainTextAsync("还差 1 人");

            // The deadline passes (moved in the database: the app runs on the real clock), and the expiry runs.
            await using (var db = await factory.CreateDbContextAsync())
                await db.GroupBuyGroups.Where(g => g.Id == groupId).ExecuteUpdateAsync(x => x.SetProperty(g => g.Deadline, DateTimeOffset.UtcNow.AddSeconds(-1)));
            Assert.Equal(1, await app.Services.GetRequiredService<GroupBuyExpirer>().SweepAsync(default));
            await Assertions.Expect(pageA.Locator("[data-testid=gb-live][data-status=Refunded]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Assertions.Expect(pageA.Locator("[data-testid=gb-status]")).ToContainTextAsync("拼团失败，已全额退款");
            Assert.Equal(0, await pageA.Locator("[data-testid=gb-member]").CountAsync());
            await Artifacts.ScreenshotAsync(pageA, $"groupbuy-group-refunded-{viewport}");

            foreach (var (page, buyer) in new[] { (pageA, a), (pageB, b) })
            {
                string number;
                await using (var db = await factory.CreateDbContextAsync())
                {
                    var order = await db.Orders.SingleAsync(o => o.BuyerId == buyer.Id);
                    Assert.Equal((OrderStatus.Cancelled, order.Total), (order.Status, order.RefundedAmount));
                    number = order.Number;
                }
                await page.GotoAsync($"{app.BaseUrl}/orders/{number}");
                await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("拼团失败，已自动全额退款");
                await Artifacts.ScreenshotAsync(page, $"groupbuy-order-refunded-{buyer.DisplayName}-{viewport}");
            }
            await pageB.Context.CloseAsync();

            var figures = (await app.Services.GetRequiredService<GroupBuyQueries>().CampaignsAsync(default)).Single(c => c.Id == campaign);
            Assert.Equal((1, 2, 69m * 2 + 20m), (figures.Failed, figures.RefundsIssued, figures.RefundedTotal));
        });
        await pageA.Context.CloseAsync();
    }

    private async Task<ApplicationUser> ShopperAsync(IDbContextFactory<SocialStoreDbContext> factory, string name)
    {
        var user = await SocialApp.UserAsync(app, "gb" + Guid.NewGuid().ToString("N")[..10], name);
        await using var db = await factory.CreateDbContextAsync();
        db.Addresses.Add(new Address
        {
            UserId = user.Id,
            Recipient = name,
            Mobile = "13812345678",
            Province = "上海市",
            City = "上海市",
            District = "徐汇区",
            Detail = "漕溪北路 88 号",
            IsDefault = true,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>On the sandbox's hosted page: pay, then wait on the return page until the signed callback was applied.</summary>
    private static async Task PayAsync(IPage page)
    {
        await page.WaitForURLAsync("**/sandbox-pay/**");
        await page.ClickAsync("[data-testid=sandbox-pay]");
        await page.WaitForURLAsync("**/payments/return/**");
        await page.WaitForSelectorAsync("[data-state=paid]", new PageWaitForSelectorOptions { Timeout = 20_000 });
    }

    private static async Task<GroupBuyGroup> GroupAsync(IDbContextFactory<SocialStoreDbContext> factory, long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.GroupBuyGroups.AsNoTracking().SingleAsync(g => g.Id == id);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(200);
        Assert.True(await condition());
    }
}
