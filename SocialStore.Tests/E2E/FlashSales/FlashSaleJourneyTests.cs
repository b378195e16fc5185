using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.FlashSales;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Ordering;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.FlashSales;

/// <summary>
/// A shopper waits for a flash sale on the product page (countdown to the start, flash price, 7-day reference price),
/// buys when it opens, pays in the sandbox; the admin's sell-through shows the real sale.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class FlashSaleJourneyTests(BrowserFixture browser) : AppJourney
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Shopper_SeesTheCountdown_BuysWhenItOpens_PaysInTheSandbox(string viewport)
    {
        var db = PaymentApp.Db(app);
        var buyer = await SocialApp.UserAsync(app, "flash" + Guid.NewGuid().ToString("N")[..8], "小闪");
        await using (var context = await db.CreateDbContextAsync())
        {
            context.Addresses.Add(new Address { UserId = buyer.Id, Recipient = "张三", Mobile = "13812345678", Province = "上海市", City = "上海市", District = "徐汇区", Detail = "漕溪北路 88 号", IsDefault = true, CreatedAt = DateTimeOffset.UtcNow });
            await context.SaveChangesAsync();
        }
        var product = await CatalogTestData.SimpleAsync(db, "秒杀面霜 " + viewport, 199m, 50);
        var flash = app.Services.GetRequiredService<FlashSaleService>();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "e2e-admin"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(8);
        var slot = await flash.CreateSlotAsync(admin, new FlashSlotInput("20 点场", startsAt, startsAt.AddHours(1)), default);
        await flash.AddItemAsync(admin, slot, new FlashItemInput(product.Skus.Single().Id, 99m, 10, 1), default);

        var page = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(page, $"flash-{viewport}", async () =>
        {
            await BrowserSignIn.SignInAsync(page, app.BaseUrl, buyer.Email!);
            await page.GotoAsync($"{app.BaseUrl}/products/{product.Id}");
            var panel = page.Locator("[data-testid=flash-panel]");
            await panel.WaitForAsync();
            Assert.Equal("upcoming", await panel.GetAttributeAsync("data-state"));
            Assert.Contains("距开始", await page.InnerTextAsync("[data-testid=flash-countdown]"));
            Assert.Equal("¥99", (await page.InnerTextAsync("[data-testid=flash-price]")).Trim());
            // Never sold lower in the 7 days before: the reference is the listed price.
            Assert.Contains("¥199", await page.InnerTextAsync("[data-testid=flash-reference]"));
            Assert.True(await page.IsDisabledAsync("[data-testid=flash-buy]"));
            await Artifacts.ScreenshotAsync(page, $"flash-product-upcoming-{viewport}");

            // The countdown reaches zero: the button turns on without a reload.
            await page.WaitForSelectorAsync("[data-testid=flash-panel][data-state=live]", new PageWaitForSelectorOptions { Timeout = 20_000 });
            Assert.Contains("距结束", await page.InnerTextAsync("[data-testid=flash-countdown]"));
            Assert.False(await page.IsDisabledAsync("[data-testid=flash-buy]"));
            await Artifacts.ScreenshotAsync(page, $"flash-product-live-{viewport}");

            await page.ClickAsync("[data-testid=flash-buy]");
            await page.WaitForURLAsync("**/orders/**");
            Assert.Contains("¥99", await page.InnerTextAsync("main"));
            await Artifacts.ScreenshotAsync(page, $"flash-order-{viewport}");

            await page.ClickAsync("[data-testid=pay-now]");
            await page.WaitForURLAsync("**/sandbox-pay/**");
            Assert.Contains("¥99", await page.InnerTextAsync("[data-testid=amount]")); // 99 ships free (from 99)
            await page.ClickAsync("[data-testid=sandbox-pay]");
            await page.WaitForSelectorAsync("[data-state=paid]", new PageWaitForSelectorOptions { Timeout = 20_000 });

            // A second try: the cap of 1 holds, and the buyer is told so in plain words.
            await page.GotoAsync($"{app.BaseUrl}/products/{product.Id}");
            await page.ClickAsync("[data-testid=flash-buy]");
            await page.WaitForSelectorAsync("[data-testid=flash-problem]");
            Assert.Equal("已达限购", (await page.InnerTextAsync("[data-testid=flash-problem]")).Trim());
            Assert.Contains("剩余 9 件", await page.InnerTextAsync("[data-testid=flash-left]"));
            await Artifacts.ScreenshotAsync(page, $"flash-limit-{viewport}");

            await page.GotoAsync($"{app.BaseUrl}/flash-sales");
            await page.WaitForSelectorAsync("[data-testid=flash-card]");
            Assert.Contains("秒杀面霜 " + viewport, await page.InnerTextAsync("[data-testid=flash-sales-page]"));
            await Artifacts.ScreenshotAsync(page, $"flash-list-{viewport}");
        });
        await page.Context.CloseAsync();

        await using var check = await db.CreateDbContextAsync();
        var order = await check.Orders.Include(o => o.Lines).SingleAsync(o => o.BuyerId == buyer.Id);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(99m, order.Lines.Single().UnitPrice);

        // The back office's sell-through counts that sale.
        var staff = await TestAdmins.UserAsync(app);
        var adminPage = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(adminPage, $"flash-admin-{viewport}", async () =>
        {
            await BrowserSignIn.SignInAsync(adminPage, app.BaseUrl, staff.Email!);
            await adminPage.GotoAsync(app.BaseUrl + "/admin/flash-sales");
            await adminPage.WaitForSelectorAsync("[data-testid=admin-flash-sales][data-ready=true]");
            var row = adminPage.Locator("[data-testid=admin-flash-item]", new PageLocatorOptions { HasText = "秒杀面霜 " + viewport });
            Assert.Equal("1 / 10", (await row.Locator("[data-testid=item-sold]").InnerTextAsync()).Trim());
            Assert.Equal("1", (await row.Locator("[data-testid=item-paid]").InnerTextAsync()).Trim());
            await Artifacts.ScreenshotAsync(adminPage, $"flash-admin-{viewport}");
        });
        await adminPage.Context.CloseAsync();
    }
}
