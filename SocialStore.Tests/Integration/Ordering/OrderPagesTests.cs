using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Ordering;

public sealed class OrderPagesTests : AppPageTest
{
    protected override void Configure()
    {
        // The order timers tick once at start-up, then not during a test (round trips are counted).
        app.Settings["Ordering:TimerIntervalSeconds"] = "3600";
    }

    private async Task<(AccountTestClient Client, string UserId)> ShopperAsync()
    {
        var email = AccountTestClient.NewEmail("buyer");
        var client = await AccountTestClient.SignedInAsync(app, email);
        await using var context = await db.CreateDbContextAsync();
        return (client, await context.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync());
    }

    private async Task<Product> ProductAsync() =>
        await CatalogTestData.ProductAsync(db, "纯棉T恤", [CatalogTestData.Colour], [new(["红"], 29.9m, 39m, 10), new(["白"], 16.61m, 20m, 10)]);

    [Fact]
    public async Task OrderDetail_OthersUnknownOrMalformedNumber_Is404_NeverForbidden()
    {
        var product = await ProductAsync();
        var (owner, ownerId) = await ShopperAsync();
        var (stranger, _) = await ShopperAsync();
        var order = await OrderTestData.PendingAsync(db, ownerId, [new(product.Skus[0], 1)]);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/orders/{order.Number}")).Response.StatusCode);
        foreach (var url in new[] { $"/orders/{order.Number}", "/orders/2611220000000000", "/orders/abc", "/orders/%27%20or%201=1", $"/orders/{order.Number}/refund/{order.Lines[0].Id}" })
        {
            var page = await stranger.GetAsync(url);
            Assert.True(page.Response.StatusCode == HttpStatusCode.NotFound, $"{url}: {page.Response.StatusCode}");
            Assert.DoesNotContain(order.Recipient, page.Text);
        }
        // The owner probing another line id gets the same answer.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/orders/{order.Number}/refund/999999")).Response.StatusCode);

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/orders", $"/orders/{order.Number}" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task OrderDetail_ShowsLinesAmountsMaskedMobileTrackingAndTheTimeline()
    {
        var product = await ProductAsync();
        var (client, userId) = await ShopperAsync();
        var order = await OrderTestData.PendingAsync(db, userId, [new(product.Skus[0], 1, "红T恤"), new(product.Skus[1], 3, "白T恤")]);
        await OrderTestData.PayAsync(db, order);
        await OrderTestData.ShipAsync(db, order);

        var page = await client.GetAsync($"/orders/{order.Number}");

        Assert.Equal("已发货", page.TextOf("[data-testid=order-status]"));
        Assert.Equal(2, page.Document.QuerySelectorAll("[data-testid=order-line]").Length);
        var amounts = page.TextOf("[data-testid=amounts]")!;
        Assert.Contains("¥79.73", amounts); // subtotal 29.90 + 3 × 16.61
        Assert.Contains("运费", amounts);
        Assert.Contains("¥10", amounts);
        Assert.Equal("¥89.73", page.TextOf("[data-testid=total]"));
        Assert.Equal("138****5678", page.TextOf("[data-testid=mobile]"));
        Assert.DoesNotContain("13812345678", page.Text);
        Assert.Contains("SF1234567890", page.TextOf("[data-testid=tracking]"));
        var timeline = page.Document.QuerySelectorAll("[data-testid=timeline] li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, timeline.Count);
        Assert.Contains("商家已发货", timeline[0]);
        Assert.Contains("商家", timeline[0]);
        Assert.Contains("已付款", timeline[1]);
        Assert.Contains("支付平台", timeline[1]);
        Assert.Contains("订单已提交", timeline[2]);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", timeline[2]);
        // Shipped: no cancel, no refund request, no confirm yet.
        Assert.Null(page.Document.QuerySelector("[data-testid=cancel-form], [data-testid=request-refund], [data-testid=confirm-form]"));
    }

    [Fact]
    public async Task Buyer_CancelsAnUnpaidOrder_StockReturns_AndPayNowLinksToThePayEndpoint()
    {
        var product = await ProductAsync();
        var (client, userId) = await ShopperAsync();
        var order = await OrderTestData.PendingAsync(db, userId, [new(product.Skus[0], 2)]);

        var before = await client.GetAsync($"/orders/{order.Number}");
        Assert.Equal($"/orders/{order.Number}/pay", before.Document.QuerySelector("[data-testid=pay-now]")!.GetAttribute("href"));
        var after = await client.SubmitAsync(before, "cancel", []);

        Assert.Equal("已取消", after.TextOf("[data-testid=order-status]"));
        Assert.Null(after.Document.QuerySelector("[data-testid=pay-now]"));
        await using var context = await db.CreateDbContextAsync();
        Assert.Equal(10, await context.Skus.Where(s => s.Id == product.Skus[0].Id).Select(s => s.Stock).SingleAsync());
        Assert.Equal(OrderStatus.Cancelled, await context.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync());

        // A replayed cancel (the form is gone from the page now) changes nothing: stock is returned once.
        var again = await client.SubmitAsync(before, "cancel", []);
        Assert.NotEqual(HttpStatusCode.InternalServerError, again.Response.StatusCode);
        Assert.Equal(10, await context.Skus.Where(s => s.Id == product.Skus[0].Id).Select(s => s.Stock).SingleAsync());
        Assert.Equal(2, await context.OrderEvents.CountAsync(e => e.OrderId == order.Id));
    }

    [Fact]
    public async Task Buyer_RequestsARefundOfOneLine_ThenConfirmsReceipt_IsRefusedWhileOpen()
    {
        var product = await ProductAsync();
        var (client, userId) = await ShopperAsync();
        var order = await OrderTestData.PendingAsync(db, userId, [new(product.Skus[0], 1, "红T恤"), new(product.Skus[1], 3, "白T恤")]);
        await OrderTestData.PayAsync(db, order);
        var white = order.Lines[1];

        var detail = await client.GetAsync($"/orders/{order.Number}");
        Assert.Equal(2, detail.Document.QuerySelectorAll("[data-testid=request-refund]").Length);
        var form = await TestForm.ReadAsync(client.Http, $"/orders/{order.Number}/refund/{white.Id}", "[data-testid=refund-form]");
        Assert.Contains(form.Fields, f => f.Key == "Input.Amount" && f.Value == "56.08");
        var tooMuch = await AccountTestClient.Page.ReadAsync(await form.PostAsync(client.Http, new() { ["Input.Amount"] = "56.09", ["Input.Reason"] = "太大了" }));
        Assert.Contains("¥56.08", tooMuch.TextOf("[data-testid=error]"));
        var noReason = await AccountTestClient.Page.ReadAsync(await form.PostAsync(client.Http, new() { ["Input.Reason"] = " " }));
        Assert.Contains("退款原因", noReason.TextOf("[data-testid=error]"));
        var sent = await AccountTestClient.Page.ReadAsync(await form.PostAsync(client.Http, new() { ["Input.Amount"] = "20.5", ["Input.Reason"] = "尺码偏大" }));

        Assert.EndsWith("done=refund", sent.Response.RequestMessage!.RequestUri!.Query);
        Assert.NotNull(sent.Document.QuerySelector("[data-testid=refund-sent]"));
        Assert.Equal("退款中", sent.Document.QuerySelectorAll("[data-testid=order-line]")[1].QuerySelector("[data-testid=line-refund]")!.TextContent.Trim());
        Assert.Single(sent.Document.QuerySelectorAll("[data-testid=request-refund]"));
        Assert.Contains("申请退款 ¥20.5", sent.TextOf("[data-testid=timeline]"));
        // The refund page of that line now says no.
        Assert.NotNull((await client.GetAsync($"/orders/{order.Number}/refund/{white.Id}")).Document.QuerySelector("[data-testid=refund-unavailable]"));
        await using var context = await db.CreateDbContextAsync();
        var request = await context.RefundRequests.SingleAsync();
        Assert.Equal((20.5m, "尺码偏大", white.Id), (request.Amount, request.Reason, request.OrderLineId));
    }

    [Fact]
    public async Task MyOrders_TabsFilterAndKeysetPagingShowOnlyMine()
    {
        var product = await CatalogTestData.ProductAsync(db, "面霜", [CatalogTestData.Colour], [new(["红"], 99m, 99m, 50), new(["白"], 99m, 99m, 50)]);
        var (client, userId) = await ShopperAsync();
        var (_, otherId) = await ShopperAsync();
        var mine = new List<Order>();
        for (var i = 0; i < 12; i++) mine.Add(await OrderTestData.PendingAsync(db, userId, [new(product.Skus[0], 1)], at: DateTimeOffset.UtcNow.AddMinutes(i)));
        var others = await OrderTestData.PendingAsync(db, otherId, [new(product.Skus[1], 1)]);
        await OrderTestData.PayAsync(db, mine[3]);
        await OrderTestData.PayAsync(db, mine[4]);
        await OrderTestData.ShipAsync(db, mine[4]);

        var first = await client.GetAsync("/orders");
        var firstNumbers = first.Document.QuerySelectorAll("[data-testid=order-card]").Select(c => c.GetAttribute("data-number")).ToList();
        var second = await client.FollowLinkAsync(first, "[data-testid=more]");
        var secondNumbers = second.Document.QuerySelectorAll("[data-testid=order-card]").Select(c => c.GetAttribute("data-number")).ToList();

        Assert.Equal(mine.AsEnumerable().Reverse().Select(o => o.Number), firstNumbers.Concat(secondNumbers));
        Assert.Equal(10, firstNumbers.Count);
        Assert.Null(second.Document.QuerySelector("[data-testid=more]"));
        Assert.DoesNotContain(others.Number, first.Text + second.Text);
        Assert.Equal([mine[3].Number], (await client.GetAsync("/orders?tab=toship")).Document.QuerySelectorAll("[data-testid=order-card]").Select(c => c.GetAttribute("data-number")));
        Assert.Equal([mine[4].Number], (await client.GetAsync("/orders?tab=shipped")).Document.QuerySelectorAll("[data-testid=order-card]").Select(c => c.GetAttribute("data-number")));
        Assert.Equal(10, (await client.GetAsync("/orders?tab=topay")).Document.QuerySelectorAll("[data-testid=order-card] [data-testid=pay-now]").Length);
        Assert.NotNull((await client.GetAsync("/orders?tab=cancelled")).Document.QuerySelector("[data-testid=orders-empty]"));
        Assert.Equal(10, (await client.GetAsync("/orders?tab=<script>")).Document.QuerySelectorAll("[data-testid=order-card]").Length);
        Assert.Equal("page", (await client.GetAsync("/orders?tab=toship")).Document.QuerySelector("[data-testid=tab-ToShip]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task OrderPages_ReadInAFewRoundTrips()
    {
        var product = await ProductAsync();
        var (client, userId) = await ShopperAsync();
        var order = await OrderTestData.PendingAsync(db, userId, [new(product.Skus[0], 1), new(product.Skus[1], 1)]);
        await OrderTestData.PayAsync(db, order);
        await client.GetAsync("/orders");

        // Two of them are the layout's (the notification bells); the page itself needs 2 and 3.
        foreach (var (url, most) in new[] { ("/orders", 4), ($"/orders/{order.Number}", 5) })
        {
            app.Commands.Reset();
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            Assert.True(app.Commands.Count <= most, $"{url}: {app.Commands.Count} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");
        }
    }

    [Fact]
    public async Task OrderDetail_InEnglish_ReadsInEnglish()
    {
        var product = await ProductAsync();
        var email = AccountTestClient.NewEmail("buyer");
        using var client = await AccountTestClient.SignedInAsync(app, email, culture: "en-US");
        await using var context = await db.CreateDbContextAsync();
        var userId = await context.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        var order = await OrderTestData.PendingAsync(db, userId, [new(product.Skus[0], 1)]);

        var page = await client.GetAsync($"/orders/{order.Number}");

        Assert.Equal("Awaiting payment", page.TextOf("[data-testid=order-status]"));
        Assert.Contains("Shipping", page.TextOf("[data-testid=amounts]"));
        Assert.Contains("Order placed", page.TextOf("[data-testid=timeline]"));
        Assert.Contains("Cancel order", page.Text);
        Assert.Contains("To pay", (await client.GetAsync("/orders")).Text);
    }
}
