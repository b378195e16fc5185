using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Bargains;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Bargains;

/// <summary>
/// Issue 12 §3 in two browser contexts (phone): the owner starts a bargain from the product page, a friend opens its
/// link and cuts once, and both read the exact amount still to cut in yuan; the owner buys at the reached price and
/// pays in the sandbox. The back office (desktop) counts it.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class BargainJourneyTests(BrowserFixture browser) : AppJourney
{
    [Fact]
    public async Task OwnerStarts_FriendCuts_BothSeeTheExactRemaining_OwnerBuysAtTheReachedPrice()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var product = await CatalogTestData.SimpleAsync(factory, "暖光护眼台灯 砍价款", 199m, 50);
        var seed = Path.Combine(app.DataDirectory, "media", "seed");
        Directory.CreateDirectory(seed);
        await File.WriteAllTextAsync(Path.Combine(seed, "p.svg"),
            "<svg xmlns='http://www.w3.org/2000/svg' width='800' height='800'><rect width='800' height='800' fill='#fff1e0'/><rect x='360' y='260' width='80' height='360' fill='#d4560b'/><path d='M220 300 L400 120 L580 300 Z' fill='#f6b26b'/></svg>");
        var admin = await TestAdmins.UserAsync(app);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var now = DateTimeOffset.UtcNow;
        await app.Services.GetRequiredService<BargainService>().CreateCampaignAsync(principal,
            new BargainCampaignInput(product.Skus.Single().Id, 9.9m, 3, 24 * 60, now.AddMinutes(-5), now.AddDays(3), 10), default);
        var owner = await ShopperAsync(factory, "小砍");
        var friend = await ShopperAsync(factory, "阿友");

        var pageA = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(pageA, "bargain-phone", async () =>
        {
            await BrowserSignIn.SignInAsync(pageA, app.BaseUrl, owner.Email!);
            await pageA.GotoAsync($"{app.BaseUrl}/products/{product.Id}");
            var panel = pageA.Locator("[data-testid=bg-panel]");
            await Assertions.Expect(panel).ToContainTextAsync("砍价到 ¥9.9");
            await panel.ScrollIntoViewIfNeededAsync();
            await Artifacts.ScreenshotAsync(pageA, "bargain-product-phone");
            await pageA.ClickAsync("[data-testid=bg-start]");
            await pageA.WaitForURLAsync("**/bargains/*");
            long id;
            await using (var db = await factory.CreateDbContextAsync())
                id = await db.Bargains.Where(b => b.OwnerId == owner.Id).Select(b => b.Id).SingleAsync();
            await Assertions.Expect(pageA.Locator("[data-testid=bg-floor]")).ToHaveTextAsync("¥9.9");
            await Assertions.Expect(pageA.Locator("[data-testid=bg-remaining]")).ToContainTextAsync("还差 ¥189.1 砍到底价");
            await Assertions.Expect(pageA.Locator("[data-testid=bg-remaining]")).ToContainTextAsync("还需 3 位好友助力");
            await Artifacts.ScreenshotAsync(pageA, "bargain-owner-start-phone");

            // "Ask friends to cut" is a share link /s/{code} (ADR-057).
            await pageA.Locator("[data-testid=share][data-ready=true]").WaitForAsync();
            await pageA.ClickAsync("[data-testid=share-button]");
            var shareUrl = pageA.Locator("[data-testid=share-url]");
            await Assertions.Expect(shareUrl).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/s/[0-9A-Za-z]{10}$"));
            var shortUrl = await shareUrl.InputValueAsync();
            await Artifacts.ScreenshotAsync(pageA, "bargain-owner-share-phone");

            // The friend opens the link in another browser context and cuts once.
            var pageB = await browser.NewPageAsync("phone");
            await BrowserSignIn.SignInAsync(pageB, app.BaseUrl, friend.Email!);
            await pageB.GotoAsync(shortUrl);
            await pageB.WaitForURLAsync($"{app.BaseUrl}/bargains/{id}");
            await using (var db = await factory.CreateDbContextAsync())
                Assert.Equal(1, await db.ShareVisits.CountAsync(v => v.VisitorId == friend.Id));
            await pageB.ClickAsync("[data-testid=bg-help]");
            await pageB.WaitForSelectorAsync("[data-testid=bg-you-cut]");
            var bargain = await BargainAsync(factory, id);
            Assert.Equal(1, bargain.HelperCount);
            var remaining = "还差 " + Money.Format(bargain.MaxCut - bargain.TotalCut, "CNY") + " 砍到底价";
            await Assertions.Expect(pageB.Locator("[data-testid=bg-you-cut]")).ToContainTextAsync(Money.Format(bargain.TotalCut, "CNY"));
            await Assertions.Expect(pageB.Locator("[data-testid=bg-remaining]")).ToContainTextAsync(remaining);
            await Assertions.Expect(pageB.Locator("[data-testid=bg-remaining]")).ToContainTextAsync("还需 2 位好友助力");
            await Assertions.Expect(pageB.Locator("[data-testid=bg-cut]")).ToContainTextAsync("阿友");
            Assert.Equal(0, await pageB.Locator("[data-testid=bg-help]").CountAsync()); // once
            await Artifacts.ScreenshotAsync(pageB, "bargain-friend-cut-phone");
            await pageB.Context.CloseAsync();

            // The owner sees the same exact amount, then buys at the reached price.
            await pageA.ReloadAsync();
            await Assertions.Expect(pageA.Locator("[data-testid=bg-remaining]")).ToContainTextAsync(remaining);
            await Assertions.Expect(pageA.Locator("[data-testid=bg-cut]")).ToContainTextAsync("砍掉 " + Money.Format(bargain.TotalCut, "CNY"));
            await Artifacts.ScreenshotAsync(pageA, "bargain-owner-after-cut-phone");
            await pageA.ClickAsync("[data-testid=bg-buy]");
            await pageA.WaitForURLAsync("**/sandbox-pay/**");
            await pageA.ClickAsync("[data-testid=sandbox-pay]");
            await pageA.WaitForURLAsync("**/payments/return/**");
            await pageA.WaitForSelectorAsync("[data-state=paid]", new PageWaitForSelectorOptions { Timeout = 20_000 });
            await using (var db = await factory.CreateDbContextAsync())
            {
                var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.BuyerId == owner.Id);
                Assert.Equal(OrderStatus.Paid, order.Status);
                Assert.Equal(199m - bargain.TotalCut, order.Lines.Single().UnitPrice);
            }
            await pageA.GotoAsync($"{app.BaseUrl}/me/bargains");
            await Assertions.Expect(pageA.Locator("[data-testid=bg-mine-row]")).ToContainTextAsync("已购买");
            await Artifacts.ScreenshotAsync(pageA, "bargain-mine-phone");

            // The back office counts real rows.
            var adminPage = await browser.NewPageAsync("desktop");
            await BrowserSignIn.SignInAsync(adminPage, app.BaseUrl, admin.Email!);
            await adminPage.GotoAsync(app.BaseUrl + "/admin/bargains");
            await adminPage.WaitForSelectorAsync("[data-testid=admin-bargains][data-ready=true]");
            await Assertions.Expect(adminPage.Locator("[data-testid=bg-started]").First).ToHaveTextAsync("1");
            await Assertions.Expect(adminPage.Locator("[data-testid=bg-bought-count]").First).ToHaveTextAsync("1");
            await Artifacts.ScreenshotAsync(adminPage, "bargain-admin-desktop");
            await adminPage.GotoAsync($"{app.BaseUrl}/bargains/{id}");
            await Assertions.Expect(adminPage.Locator("[data-testid=bg-remaining]")).ToContainTextAsync("已结束");
            await Artifacts.ScreenshotAsync(adminPage, "bargain-page-desktop");
            await adminPage.Context.CloseAsync();
        });
        await pageA.Context.CloseAsync();
    }

    private async Task<ApplicationUser> ShopperAsync(IDbContextFactory<SocialStoreDbContext> factory, string name)
    {
        var user = await SocialApp.UserAsync(app, "bg" + Guid.NewGuid().ToString("N")[..10], name);
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

    private static async Task<Bargain> BargainAsync(IDbContextFactory<SocialStoreDbContext> factory, long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Bargains.AsNoTracking().SingleAsync(b => b.Id == id);
    }
}
