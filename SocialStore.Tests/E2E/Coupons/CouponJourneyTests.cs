using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Coupons;

/// <summary>
/// A shopper claims a coupon on a product page, checks out with it (the best coupon is preselected; the amounts are
/// exact), cancels the unpaid order and finds the coupon back in "my coupons"; the admin's figures count the real rows.
/// Screenshots of the product page, checkout, /me/coupons, /coupons and /admin/coupons at 390 and 1440 px.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class CouponJourneyTests(BrowserFixture browser) : AppJourney
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Shopper_ClaimsOnProductPage_ChecksOutWithIt_Cancels_CouponBack(string viewport)
    {
        var cream = await CatalogTestData.SimpleAsync(db, "云朵保湿面霜 50ml", 128m, stock: 20);
        var coupons = app.Services.GetRequiredService<CouponService>();
        var now = DateTimeOffset.UtcNow;
        var template = await coupons.CreateAsync(Domain.Coupons.CouponTestBed.Admin, new CouponTemplateInput("护肤满100减20", CouponKind.SpendAndSave, 100m, 20m, 0, 0m, CouponScope.AllProducts, null, [],
            now.AddHours(-1), now.AddDays(7), null, 50, 1), default);
        await coupons.CreateAsync(Domain.Coupons.CouponTestBed.Admin, new CouponTemplateInput("新人八折券", CouponKind.PercentOff, 0m, 0m, 20, 15m, CouponScope.AllProducts, null, [],
            now.AddHours(-1), now.AddDays(7), 3, 50, 1), default);
        var buyer = await SocialApp.UserAsync(app, "cpn" + Guid.NewGuid().ToString("N")[..6], "小红");
        await using (var context = await db.CreateDbContextAsync())
        {
            context.Addresses.Add(new Address
            {
                UserId = buyer.Id,
                Recipient = "王小明",
                Mobile = "13812345678",
                Province = "上海市",
                City = "上海市",
                District = "徐汇区",
                Detail = "漕溪北路 88 号",
                IsDefault = true,
                CreatedAt = now,
            });
            await context.SaveChangesAsync();
        }
        var name = $"coupons-{viewport}";

        var page = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            await BrowserSignIn.SignInAsync(page, app.BaseUrl, buyer.Email!);
            await page.GotoAsync(app.BaseUrl + $"/products/{cream.Id}");
            var ticket = page.Locator($"[data-testid=claimable-coupon][data-template='{template}']");
            await Assertions.Expect(ticket).ToContainTextAsync("满¥100减¥20");
            await ticket.Locator("[data-testid=claim-coupon]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=coupon-claimed]")).ToBeVisibleAsync();
            await Assertions.Expect(ticket.Locator("[data-testid=coupon-state]")).ToHaveTextAsync("已领取");
            await Artifacts.ScreenshotAsync(page, $"{name}-1-product-claimed");

            // Claiming again (a second tab, a back button) is refused by the per-person limit.
            await page.GotoAsync(app.BaseUrl + "/coupons");
            await Assertions.Expect(page.Locator("[data-testid=claimable-coupon]")).ToHaveCountAsync(2);
            await Artifacts.ScreenshotAsync(page, $"{name}-2-centre");

            await page.GotoAsync(app.BaseUrl + $"/products/{cream.Id}");
            await page.ClickAsync("[data-testid=buy-now]");
            await page.WaitForURLAsync("**/checkout?sku=*");
            // 128 ≥ 100: the 满100减20 coupon is the best (the 8折 coupon was not claimed) and applies by itself.
            await Assertions.Expect(page.Locator("[data-testid=adjustment-coupon]")).ToContainTextAsync("¥-20");
            await Assertions.Expect(page.Locator("[data-testid=subtotal]")).ToHaveTextAsync("¥128");
            await Assertions.Expect(page.Locator("[data-testid=total]")).ToHaveTextAsync("¥108");
            await Artifacts.ScreenshotAsync(page, $"{name}-3-checkout");

            // Choosing no coupon re-prices; choosing it again brings the discount back.
            await page.SelectOptionAsync("[data-testid=coupon-select]", "none");
            await page.ClickAsync("[data-testid=apply-coupon]");
            await Assertions.Expect(page.Locator("[data-testid=total]")).ToHaveTextAsync("¥128");
            await Assertions.Expect(page.Locator("[data-testid=adjustment-coupon]")).ToHaveCountAsync(0);
            var couponId = await page.Locator("[data-testid=coupon-select] option").First.GetAttributeAsync("value");
            await page.SelectOptionAsync("[data-testid=coupon-select]", couponId!);
            await page.ClickAsync("[data-testid=apply-coupon]");
            await Assertions.Expect(page.Locator("[data-testid=total]")).ToHaveTextAsync("¥108");

            await page.ClickAsync("[data-testid=place-order]");
            // On to the (sandbox) cashier with the exact amount.
            await page.WaitForURLAsync("**/sandbox-pay/**");
            await Assertions.Expect(page.GetByText("¥108").First).ToBeVisibleAsync();
            string number;
            await using (var context = await db.CreateDbContextAsync())
            {
                var order = await context.Orders.Include(o => o.Lines).SingleAsync(o => o.BuyerId == buyer.Id);
                number = order.Number;
                Assert.Equal((128m, -20m, 108m), (order.Subtotal, order.AdjustmentTotal, order.Total));
                Assert.Equal(108m, order.Lines.Single().Payable);
                Assert.Equal(CouponState.Locked, await context.Coupons.Where(c => c.OrderId == order.Id).Select(c => c.State).SingleAsync());
            }

            await page.GotoAsync(app.BaseUrl + "/me/coupons");
            await Assertions.Expect(page.Locator("[data-testid=coupon-locked]")).ToContainTextAsync(number);

            await page.GotoAsync(app.BaseUrl + $"/orders/{number}");
            await page.ClickAsync("[data-testid=cancel-form] button[type=submit]");
            await Assertions.Expect(page.Locator("[data-testid=cancel-form]")).ToHaveCountAsync(0);

            await page.GotoAsync(app.BaseUrl + "/me/coupons");
            var mine = page.Locator("[data-testid=wallet-coupon]");
            await Assertions.Expect(mine).ToHaveCountAsync(1);
            await Assertions.Expect(mine).ToHaveAttributeAsync("data-state", "Available");
            await Assertions.Expect(mine.Locator("[data-testid=coupon-source]")).ToContainTextAsync("商品页领取");
            await Assertions.Expect(page.Locator("[data-testid=coupon-locked]")).ToHaveCountAsync(0);
            await Artifacts.ScreenshotAsync(page, $"{name}-4-mine-back");
        });

        var adminEmail = (await TestAdmins.UserAsync(app)).Email!;
        var admin = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(admin, name + "-admin", async () =>
        {
            await BrowserSignIn.SignInAsync(admin, app.BaseUrl, adminEmail);
            await admin.GotoAsync(app.BaseUrl + "/admin/coupons");
            await Assertions.Expect(admin.Locator("[data-testid=admin-coupons]")).ToHaveAttributeAsync("data-ready", "true");
            await Assertions.Expect(admin.Locator("[data-testid=coupon-issued]").Last).ToHaveTextAsync("1 / 50");
            await Assertions.Expect(admin.Locator("[data-testid=coupon-used]").Last).ToHaveTextAsync("0");
            await Artifacts.ScreenshotAsync(admin, $"{name}-5-admin");
        });
    }
}
