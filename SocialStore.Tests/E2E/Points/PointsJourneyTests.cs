using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Points;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Points;

/// <summary>
/// On a phone: a shopper checks in from "me", checks out with the best coupon and then points (exact amounts on the
/// page and in the order), cancels the unpaid order and finds every point back. Screenshots at 390 px, and the points
/// page and checkout again at 1440 px.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PointsJourneyTests(BrowserFixture browser) : AppJourney
{
    [Fact]
    public async Task Shopper_ChecksIn_PaysWithCouponAndPoints_Cancels_PointsBack()
    {
        var cream = await CatalogTestData.SimpleAsync(db, "云朵保湿面霜 50ml", 128m, stock: 20);
        var coupons = app.Services.GetRequiredService<CouponService>();
        var now = DateTimeOffset.UtcNow;
        var template = await coupons.CreateAsync(Domain.Coupons.CouponTestBed.Admin, new CouponTemplateInput("护肤满100减20", CouponKind.SpendAndSave, 100m, 20m, 0, 0m, CouponScope.AllProducts, null, [],
            now.AddHours(-1), now.AddDays(7), null, 50, 1), default);
        var buyer = await SocialApp.UserAsync(app, "pts" + Guid.NewGuid().ToString("N")[..6], "小红");
        await coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default);
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
            // Points from an earlier referral, credited the way that feature will.
            Assert.True(await PointsLedger.CreditAsync(context, buyer.Id, 2000, PointsKind.Referral, "referral:e2e-" + buyer.Id, now, default));
        }

        var page = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(page, "points-phone", async () =>
        {
            await BrowserSignIn.SignInAsync(page, app.BaseUrl, buyer.Email!);
            await page.GotoAsync(app.BaseUrl + "/me");
            await page.ClickAsync("[data-testid=my-points]");
            await page.WaitForURLAsync("**/me/points");
            await Assertions.Expect(page.Locator("[data-testid=points-balance]")).ToHaveTextAsync("2000");
            await page.ClickAsync("[data-testid=check-in]");
            await Assertions.Expect(page.Locator("[data-testid=checked-in-ok]")).ToContainTextAsync("+5");
            await Assertions.Expect(page.Locator("[data-testid=points-balance]")).ToHaveTextAsync("2005");
            await Assertions.Expect(page.Locator("[data-testid=checked-in]")).ToBeDisabledAsync();
            await Artifacts.ScreenshotAsync(page, "points-phone-1-checked-in");

            await page.GotoAsync(app.BaseUrl + $"/products/{cream.Id}");
            await page.ClickAsync("[data-testid=buy-now]");
            await page.WaitForURLAsync("**/checkout?sku=*");
            await Assertions.Expect(page.Locator("[data-testid=total]")).ToHaveTextAsync("¥108");
            // 1050 points = ¥10.50, after the ¥20 coupon: ¥97.50 to pay.
            await page.FillAsync("[data-testid=points-input]", "1050");
            await page.ClickAsync("[data-testid=apply-points]");
            await Assertions.Expect(page.Locator("[data-testid=adjustment-points]")).ToContainTextAsync("¥-10.5");
            await Assertions.Expect(page.Locator("[data-testid=adjustment-coupon]")).ToContainTextAsync("¥-20");
            await Assertions.Expect(page.Locator("[data-testid=total]")).ToHaveTextAsync("¥97.5");
            await Artifacts.ScreenshotAsync(page, "points-phone-2-checkout");

            await page.ClickAsync("[data-testid=place-order]");
            await page.WaitForURLAsync("**/sandbox-pay/**");
            await Assertions.Expect(page.GetByText("¥97.5").First).ToBeVisibleAsync();
            string number;
            await using (var context = await db.CreateDbContextAsync())
            {
                var order = await context.Orders.Include(o => o.Lines).SingleAsync(o => o.BuyerId == buyer.Id);
                number = order.Number;
                Assert.Equal((128m, -30.5m, 97.5m), (order.Subtotal, order.AdjustmentTotal, order.Total));
                Assert.Equal(955, await PointsLedger.BalanceAsync(context, buyer.Id, default));
            }

            await page.GotoAsync(app.BaseUrl + $"/orders/{number}");
            await page.ClickAsync("[data-testid=cancel-form] button[type=submit]");
            await Assertions.Expect(page.Locator("[data-testid=cancel-form]")).ToHaveCountAsync(0);

            await page.GotoAsync(app.BaseUrl + "/me/points");
            await Assertions.Expect(page.Locator("[data-testid=points-balance]")).ToHaveTextAsync("2005");
            await Assertions.Expect(page.Locator("[data-testid=points-entry][data-kind=SpendRestored] [data-testid=points-amount]")).ToHaveTextAsync("+1050");
            await Assertions.Expect(page.Locator("[data-testid=points-entry][data-kind=Spend] [data-testid=points-amount]")).ToHaveTextAsync("-1050");
            await Artifacts.ScreenshotAsync(page, "points-phone-3-restored");
        });

        var wide = await browser.NewPageAsync("desktop");
        await Artifacts.CaptureFailureAsync(wide, "points-desktop", async () =>
        {
            await BrowserSignIn.SignInAsync(wide, app.BaseUrl, buyer.Email!);
            await wide.GotoAsync(app.BaseUrl + "/me/points");
            await Assertions.Expect(wide.Locator("[data-testid=points-balance]")).ToHaveTextAsync("2005");
            await Artifacts.ScreenshotAsync(wide, "points-desktop-1-page");
            await wide.GotoAsync(app.BaseUrl + $"/products/{cream.Id}");
            await wide.ClickAsync("[data-testid=buy-now]");
            await wide.WaitForURLAsync("**/checkout?sku=*");
            await wide.GotoAsync(wide.Url + "&points=999999");
            await Assertions.Expect(wide.Locator("[data-testid=points-notice]")).ToContainTextAsync("积分不足");
            await Artifacts.ScreenshotAsync(wide, "points-desktop-2-checkout-too-many");
        });

        // The back office shows the member's ledger from the same rows: balance = ledger sum.
        var adminEmail = (await TestAdmins.UserAsync(app)).Email!;
        var admin = await browser.NewPageAsync("desktop");
        await Artifacts.CaptureFailureAsync(admin, "points-admin", async () =>
        {
            await BrowserSignIn.SignInAsync(admin, app.BaseUrl, adminEmail);
            await admin.GotoAsync(app.BaseUrl + "/admin/points");
            await Assertions.Expect(admin.Locator("[data-testid=admin-points]")).ToHaveAttributeAsync("data-ready", "true");
            await admin.FillAsync("input[data-testid=member-handle]", buyer.Handle);
            await admin.ClickAsync("[data-testid=find-member]");
            await Assertions.Expect(admin.Locator("[data-testid=member-summary]")).ToContainTextAsync("余额 2005，明细合计 2005，签到 1 次");
            await Assertions.Expect(admin.Locator("[data-testid=member-amount]")).ToHaveCountAsync(4);
            await Artifacts.ScreenshotAsync(admin, "points-admin-desktop");
            await admin.SetViewportSizeAsync(390, 844);
            await Artifacts.ScreenshotAsync(admin, "points-admin-phone");
        });
    }
}
