using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Ordering;

/// <summary>
/// After checkout and payment (written to the database): the buyer reads the order and its timeline and asks for one
/// line back; the admin ships another order, approves the refund with the goods returned; the buyer sees the refund.
/// Screenshots of /orders, /orders/{number} and /admin/orders at 390 and 1440 px.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class OrderJourneyTests(BrowserFixture browser) : AppJourney
{
    private static Task FullAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Directory, name + ".png"), FullPage = true });

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Buyer_ReadsTimeline_RequestsRefund_AdminShipsAndApproves_BuyerSeesRefund(string viewport)
    {
        var product = await CatalogTestData.ProductAsync(db, "纯棉宽松T恤 男女同款 夏季", [CatalogTestData.Colour], [new(["红"], 79m, 99m, 10), new(["白"], 69.9m, 89m, 10)]);
        var cream = await CatalogTestData.SimpleAsync(db, "保湿面霜 50ml", 128m, stock: 20);
        var buyerUser = await SocialApp.UserAsync(app, "buyer" + Guid.NewGuid().ToString("N")[..6], "buyer");
        var (buyerId, buyerEmail) = (buyerUser.Id, buyerUser.Email!);
        var adminEmail = (await TestAdmins.UserAsync(app)).Email!;
        var unpaid = await OrderTestData.PendingAsync(db, buyerId, [new(cream.Skus[0], 1, "保湿面霜 50ml")], shipping: 0m, recipient: "王小明");
        var toShip = await OrderTestData.PendingAsync(db, buyerId, [new(cream.Skus[0], 2, "保湿面霜 50ml")], shipping: 0m, recipient: "王小明");
        await OrderTestData.PayAsync(db, toShip);
        var order = await OrderTestData.PendingAsync(db, buyerId, [new(product.Skus[0], 1, product.Title), new(product.Skus[1], 2, product.Title)], shipping: 10m, recipient: "王小明");
        await OrderTestData.PayAsync(db, order);
        await OrderTestData.ShipAsync(db, order);
        await OrderTestData.DeliverAsync(db, order);
        var name = $"orders-{viewport}";

        var buyer = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(buyer, name + "-buyer", async () =>
        {
            await BrowserSignIn.SignInAsync(buyer, app.BaseUrl, buyerEmail);
            await buyer.GotoAsync(app.BaseUrl + "/orders");
            await Assertions.Expect(buyer.Locator("[data-testid=order-card]")).ToHaveCountAsync(3);
            await Assertions.Expect(buyer.Locator($"[data-number='{unpaid.Number}'] [data-testid=pay-now]")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(buyer, $"{name}-1-list");

            await buyer.GotoAsync(app.BaseUrl + $"/orders/{order.Number}");
            await Assertions.Expect(buyer.Locator("[data-testid=timeline] li")).ToHaveCountAsync(4);
            await Assertions.Expect(buyer.Locator("[data-testid=mobile]")).ToHaveTextAsync("138****5678");
            await FullAsync(buyer, $"{name}-2-detail-timeline");

            await buyer.Locator("[data-testid=order-line]").Nth(1).Locator("[data-testid=request-refund]").ClickAsync();
            await buyer.FillAsync("[name='Input.Reason']", "白色偏透，想退掉这两件");
            await Artifacts.ScreenshotAsync(buyer, $"{name}-3-refund-form");
            await buyer.ClickAsync("[data-testid=refund-form] button[type=submit]");
            await Assertions.Expect(buyer.Locator("[data-testid=refund-sent]")).ToBeVisibleAsync();
            await Assertions.Expect(buyer.Locator("[data-testid=order-line]").Nth(1).Locator("[data-testid=line-refund]")).ToHaveTextAsync("退款中");
        });

        var admin = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(admin, name + "-admin", async () =>
        {
            await BrowserSignIn.SignInAsync(admin, app.BaseUrl, adminEmail);
            await admin.GotoAsync(app.BaseUrl + "/admin/orders");
            await Assertions.Expect(admin.Locator("[data-testid=admin-order-row]")).ToHaveCountAsync(3);
            await Assertions.Expect(admin.Locator($"[data-number='{order.Number}'] [data-testid=open-refund]")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(admin, $"{name}-4-admin-list");

            await admin.GotoAsync(app.BaseUrl + $"/admin/orders/{toShip.Number}");
            await admin.FillAsync("[name='Ship.Carrier']", "顺丰速运");
            await admin.FillAsync("[name='Ship.Tracking']", "SF1400123456789");
            await admin.ClickAsync("[data-testid=ship-form] button[type=submit]");
            await Assertions.Expect(admin.Locator("[data-testid=order-status]")).ToHaveTextAsync("已发货");

            await admin.GotoAsync(app.BaseUrl + $"/admin/orders/{order.Number}");
            await admin.CheckAsync("[name='GoodsReturned']");
            await FullAsync(admin, $"{name}-5-admin-refund");
            await admin.ClickAsync("[data-testid=approve-form] button[type=submit]");
            await Assertions.Expect(admin.Locator("[data-testid=refund]")).ToHaveAttributeAsync("data-status", "Refunded");
        });

        await buyer.GotoAsync(app.BaseUrl + $"/orders/{order.Number}");
        await Assertions.Expect(buyer.Locator("[data-testid=refunded]")).ToHaveTextAsync("−¥146.19"); // 139.80 + its share of the ¥10 shipping (6.39)
        await FullAsync(buyer, $"{name}-6-refunded");
        await using var context = await db.CreateDbContextAsync();
        Assert.Equal(10, await context.Skus.Where(s => s.Id == product.Skus[1].Id).Select(s => s.Stock).SingleAsync());
        Assert.Equal(OrderStatus.Shipped, await context.Orders.Where(o => o.Id == toShip.Id).Select(o => o.Status).SingleAsync());
    }
}
