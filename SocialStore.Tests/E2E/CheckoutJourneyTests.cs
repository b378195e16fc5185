using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Ordering;

namespace SocialStore.Tests.E2E;

/// <summary>
/// Issue 5's journey through the browser: a shopper adds two SKUs from the product page, sees the cart badge, checks out
/// with a new address, pays on the sandbox's hosted page; an admin ships and marks it delivered; the shopper reads the
/// timeline and asks for a refund of one line; the admin approves with the goods returned; the stock comes back and the
/// refund shows on the order.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class CheckoutJourneyTests(BrowserFixture browser) : AppJourney
{
    [GeneratedRegex(@"/sandbox-pay/ss_[0-9]{16}\.")]
    private static partial Regex SandboxUrl();

    private async Task<string> RegisterAndSignInAsync(IPage page)
    {
        var email = $"shopper{Guid.NewGuid():N}"[..19] + "@example.test";
        await page.GotoAsync(app.BaseUrl + "/Account/Register");
        await page.FillAsync("[id='Input.Email']", email);
        if (await page.Locator("[id='Input.DisplayName']").CountAsync() > 0) await page.FillAsync("[id='Input.DisplayName']", "小红");
        await page.FillAsync("[id='Input.Password']", TestAccounts.Password);
        await page.FillAsync("[id='Input.ConfirmPassword']", TestAccounts.Password);
        await page.ClickAsync("button.btn-primary[type=submit]");
        await page.WaitForURLAsync("**/Account/RegisterConfirmation**");
        await page.ClickAsync("a[href*='Account/ConfirmEmail']");
        await page.WaitForURLAsync("**/Account/ConfirmEmail**");
        await BrowserSignIn.SignInAsync(page, app.BaseUrl, email, TestAccounts.Password);
        return email;
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Shopper_BuysTwoSkus_PaysInTheSandbox_AdminShips_RefundOfOneLine_RestoresStock(string viewport)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var product = await CatalogTestData.ProductAsync(factory, "云朵保湿面霜", [new("规格", ["50ml", "100ml"])],
        [
            new(["50ml"], 59m, 79m, 10),
            new(["100ml"], 99m, 129m, 10),
        ]);
        // The test products' cover, so the screenshots show a picture.
        var seed = Path.Combine(app.DataDirectory, "media", "seed");
        Directory.CreateDirectory(seed);
        await File.WriteAllTextAsync(Path.Combine(seed, "p.svg"),
            "<svg xmlns='http://www.w3.org/2000/svg' width='800' height='800'><rect width='800' height='800' fill='#fde2e4'/><circle cx='400' cy='430' r='190' fill='#fff'/><rect x='250' y='200' width='300' height='110' rx='30' fill='#f4a3b4'/></svg>");
        var page = await browser.NewPageAsync(viewport);
        var name = $"checkout-{viewport}";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            var email = await RegisterAndSignInAsync(page);

            await page.GotoAsync($"{app.BaseUrl}/products/{product.Id}");
            await page.ClickAsync(".sku-choice[data-value='50ml']");
            await page.WaitForURLAsync("**sel=50ml");
            // The SKU links use Blazor's enhanced navigation: the URL changes before the page is patched.
            await Assertions.Expect(page.Locator(".sku-choice.selected[data-value='50ml']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=add-to-cart]")).ToBeEnabledAsync();
            await page.ClickAsync("[data-testid=add-to-cart]");
            await page.WaitForURLAsync("**added=1");
            await Assertions.Expect(page.Locator("[data-testid=added-notice]")).ToBeVisibleAsync();

            await page.ClickAsync(".sku-choice[data-value='100ml']");
            await page.WaitForURLAsync("**sel=100ml");
            await Assertions.Expect(page.Locator(".sku-choice.selected[data-value='100ml']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=added-notice]")).ToHaveCountAsync(0);
            await page.FillAsync("[data-testid=add-quantity]", "2");
            await page.ClickAsync("[data-testid=add-to-cart]");
            await page.WaitForURLAsync("**added=1");
            await Assertions.Expect(page.Locator("[data-testid=cart-badge]").First).ToHaveAttributeAsync("data-count", "3");
            await Assertions.Expect(page.Locator(".cart-count-badge").First).ToHaveTextAsync("3");
            await page.Locator("[data-testid=added-notice]").ScrollIntoViewIfNeededAsync();
            await Artifacts.ScreenshotAsync(page, $"{name}-1-product-added");

            await page.ClickAsync("[data-testid=cart-link]");
            await page.WaitForURLAsync("**/cart");
            await Assertions.Expect(page.Locator("[data-testid=cart-line]")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("[data-testid=cart-subtotal]")).ToHaveTextAsync("¥257");
            await Artifacts.ScreenshotAsync(page, $"{name}-2-cart");

            // The badge is live: a change made elsewhere (another tab, another device) shows without a reload.
            await Assertions.Expect(page.Locator("[data-testid=cart-badge][data-ready=true]").First).ToBeAttachedAsync();
            await using (var db = await factory.CreateDbContextAsync())
            {
                var userId = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
                var carts = app.Services.GetRequiredService<CartService>();
                var sku = product.Skus.Single(s => s.Key == "50ml").Id;
                await carts.SetQuantityAsync(CartItem.UserOwner(userId), sku, 4, default);
                await Assertions.Expect(page.Locator("[data-testid=cart-badge]").First).ToHaveAttributeAsync("data-count", "6");
                await carts.SetQuantityAsync(CartItem.UserOwner(userId), sku, 1, default);
                await Assertions.Expect(page.Locator("[data-testid=cart-badge]").First).ToHaveAttributeAsync("data-count", "3");
            }

            await page.ClickAsync("[data-testid=go-checkout]");
            await page.WaitForURLAsync("**/checkout");
            await Assertions.Expect(page.Locator("[data-testid=no-address]")).ToBeVisibleAsync();
            await page.ClickAsync("[data-testid=add-address]");
            await page.WaitForURLAsync("**/me/addresses/new**");
            await page.FillAsync("[data-testid=recipient]", "张三");
            await page.FillAsync("[data-testid=mobile]", "13812345678");
            await page.FillAsync("[data-testid=province]", "上海市");
            await page.FillAsync("[data-testid=city]", "上海市");
            await page.FillAsync("[data-testid=district]", "徐汇区");
            await page.FillAsync("[data-testid=detail]", "漕溪北路 88 号 2 楼");
            await Artifacts.ScreenshotAsync(page, $"{name}-3-address");
            await page.ClickAsync("[data-testid=save-address]");
            await page.WaitForURLAsync("**/checkout");

            await Assertions.Expect(page.Locator("[data-testid=address-option]")).ToContainTextAsync("138****5678");
            await Assertions.Expect(page.Locator("[data-testid=total]")).ToHaveTextAsync("¥257");
            await Artifacts.ScreenshotAsync(page, $"{name}-4-checkout");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Directory, $"{name}-4-checkout-full.png"), FullPage = true });

            // Placing the order opens the payment: /orders/{number}/pay sends the shopper on to the sandbox's hosted page.
            await page.ClickAsync("[data-testid=place-order]");
            await page.WaitForURLAsync(SandboxUrl());
            await Assertions.Expect(page.Locator(".sandbox-banner").First).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(page, $"{name}-5-sandbox");
            await page.ClickAsync("[data-testid=sandbox-pay]");
            await page.WaitForURLAsync("**/payments/return/**");
            // The signed callback arrives asynchronously; the return page reads the state from the database.
            await page.WaitForSelectorAsync("[data-state=paid]", new PageWaitForSelectorOptions { Timeout = 20_000 });
            await Artifacts.ScreenshotAsync(page, $"{name}-6-paid");
        });

        var bigSku = product.Skus.Single(k => k.Key == "100ml").Id;
        var smallSku = product.Skus.Single(k => k.Key == "50ml").Id;
        string number;
        long lineId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var order = await db.Orders.Include(o => o.Lines).SingleAsync();
            Assert.Equal(257m, order.Total);
            Assert.Equal(OrderStatus.Paid, order.Status);
            Assert.Equal(2, order.Lines.Count);
            Assert.Equal(1, await db.Payments.CountAsync(p => p.OrderId == order.Id && p.Status == PaymentStatus.Succeeded));
            Assert.Equal(8, await db.Skus.Where(s => s.Id == bigSku).Select(s => s.Stock).SingleAsync());
            number = order.Number;
            lineId = order.Lines.Single(l => l.SkuLabel == "100ml").Id;
        }

        var admin = await browser.NewPageAsync(viewport);
        var adminEmail = (await TestAdmins.UserAsync(app)).Email!;
        await Artifacts.CaptureFailureAsync(admin, name + "-admin-ship", async () =>
        {
            await BrowserSignIn.SignInAsync(admin, app.BaseUrl, adminEmail);
            await admin.GotoAsync($"{app.BaseUrl}/admin/orders/{number}");
            await admin.FillAsync("[name='Ship.Carrier']", "顺丰速运");
            await admin.FillAsync("[name='Ship.Tracking']", "SF1400123456789");
            await admin.ClickAsync("[data-testid=ship-form] button[type=submit]");
            await Assertions.Expect(admin.Locator("[data-testid=order-status]")).ToHaveTextAsync("已发货");
            await admin.ClickAsync("[data-testid=deliver-form] button[type=submit]");
            await Assertions.Expect(admin.Locator("[data-testid=order-status]")).ToHaveTextAsync("已送达");
        });

        await Artifacts.CaptureFailureAsync(page, name + "-timeline", async () =>
        {
            await page.GotoAsync($"{app.BaseUrl}/orders/{number}");
            await Assertions.Expect(page.Locator("[data-testid=order-detail]")).ToHaveAttributeAsync("data-status", "Delivered");
            // Placed, paid, shipped, delivered — each with its time and actor.
            await Assertions.Expect(page.Locator("[data-testid=timeline] li")).ToHaveCountAsync(4);
            await Assertions.Expect(page.Locator("[data-testid=tracking]")).ToContainTextAsync("SF1400123456789");
            await Artifacts.ScreenshotAsync(page, $"{name}-7-timeline");

            await page.Locator($"[data-testid=order-line][data-line='{lineId}'] [data-testid=request-refund]").ClickAsync();
            await page.FillAsync("[name='Input.Reason']", "大瓶装买多了，想退掉");
            await page.ClickAsync("[data-testid=refund-form] button[type=submit]");
            await Assertions.Expect(page.Locator("[data-testid=refund-sent]")).ToBeVisibleAsync();
        });

        await Artifacts.CaptureFailureAsync(admin, name + "-admin-refund", async () =>
        {
            await admin.GotoAsync($"{app.BaseUrl}/admin/orders/{number}");
            await admin.CheckAsync("[name='GoodsReturned']");
            await admin.ClickAsync("[data-testid=approve-form] button[type=submit]");
            await Assertions.Expect(admin.Locator("[data-testid=refund]")).ToHaveAttributeAsync("data-status", "Refunded");
        });

        await page.GotoAsync($"{app.BaseUrl}/orders/{number}");
        await Assertions.Expect(page.Locator("[data-testid=refunded]")).ToHaveTextAsync("−¥198");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Directory, $"{name}-8-refunded.png"), FullPage = true });
        await using (var db = await factory.CreateDbContextAsync())
        {
            // The two returned bottles are back on the shelf; the other line is untouched.
            Assert.Equal(10, await db.Skus.Where(s => s.Id == bigSku).Select(s => s.Stock).SingleAsync());
            Assert.Equal(9, await db.Skus.Where(s => s.Id == smallSku).Select(s => s.Stock).SingleAsync());
            var order = await db.Orders.Include(o => o.Lines).SingleAsync();
            Assert.Equal(198m, order.RefundedAmount);
            Assert.Equal(RefundState.Refunded, order.Lines.Single(l => l.Id == lineId).RefundState);
        }
    }
}
