using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Ordering;

public sealed class AdminOrderTests : AppPageTest
{
    private async Task<(Product Product, string BuyerId, Order Order)> PaidOrderAsync(string mobile = "13812345678", string recipient = "张三")
    {
        var product = await CatalogTestData.ProductAsync(db, "纯棉T恤", [CatalogTestData.Colour], [new(["红"], 29.9m, 39m, 10), new(["白"], 16.61m, 20m, 10)]);
        var buyer = await TestAccounts.CreateConfirmedUserAsync(app);
        var order = await OrderTestData.PendingAsync(db, buyer.Id, [new(product.Skus[0], 1, "红T恤"), new(product.Skus[1], 3, "白T恤")], mobile: mobile, recipient: recipient);
        await OrderTestData.PayAsync(db, order);
        return (product, buyer.Id, order);
    }

    [Fact]
    public async Task AdminOrderPagesAndExport_AnonymousAndShopper_AreRefusedAndChangeNothing()
    {
        var (_, _, order) = await PaidOrderAsync();
        string[] urls = ["/admin/orders", $"/admin/orders/{order.Number}", "/admin/orders/export.csv", "/admin/orders?status=Paid"];

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in urls)
        {
            var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
        }

        using var shopper = await AccountTestClient.SignedInAsync(app);
        foreach (var url in urls)
        {
            var page = await shopper.GetAsync(url);
            Assert.True(page.Path.StartsWith("/Account/AccessDenied", StringComparison.Ordinal), $"{url} → {page.Path}");
            Assert.DoesNotContain(order.Number, page.Text);
            Assert.DoesNotContain("13812345678", await page.Response.Content.ReadAsStringAsync());
        }

        // Forged posts (with the shopper's own anti-forgery token) to ship and to approve are refused too.
        var token = (await shopper.GetAsync("/me/settings")).Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        foreach (var (handler, fields) in new[] { ("ship", new Dictionary<string, string> { ["Ship.Carrier"] = "顺丰", ["Ship.Tracking"] = "SF9999999999" }), ("deliver", []) })
        {
            fields["__RequestVerificationToken"] = token;
            fields["_handler"] = handler;
            var post = await shopper.Http.PostAsync($"/admin/orders/{order.Number}", new FormUrlEncodedContent(fields));
            Assert.True(post.StatusCode != HttpStatusCode.OK || post.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/Account/AccessDenied"), $"POST {handler}: {post.StatusCode}");
        }
        await using var context = await db.CreateDbContextAsync();
        var stored = await context.Orders.SingleAsync(o => o.Id == order.Id);
        Assert.Equal(OrderStatus.Paid, stored.Status);
        Assert.Null(stored.TrackingNumber);
    }

    public static TheoryData<string> NonAdmins => new() { "anonymous", "shopper", "moderator" };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task AdminServiceMethods_EveryOneTakingAPrincipal_RefusesNonAdmins(string who)
    {
        var principal = who switch
        {
            "anonymous" => new ClaimsPrincipal(new ClaimsIdentity()),
            "shopper" => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "test")),
            _ => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u2"), new Claim(ClaimTypes.Role, Roles.Moderator)], "test")),
        };
        var calls = 0;
        foreach (var type in new[] { typeof(OrderQueries), typeof(OrderService), typeof(RefundService) })
        {
            var service = app.Services.GetRequiredService(type);
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(ClaimsPrincipal))))
            {
                var args = method.GetParameters().Select(p => p.ParameterType == typeof(ClaimsPrincipal) ? principal
                    : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                    : p.ParameterType == typeof(AdminOrderFilter) ? new AdminOrderFilter()
                    : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
                var error = await Assert.ThrowsAsync<DomainException>(() => (Task)method.Invoke(service, args)!);
                Assert.Equal(OrderManagementErrors.AdminOnly, error.Code);
                calls++;
            }
        }
        Assert.True(calls >= 7, $"{calls} admin methods");
    }

    [Fact]
    public async Task Admin_FiltersShipsDeliversAndApprovesARefund_ThroughThePages()
    {
        var (product, buyerId, order) = await PaidOrderAsync();
        var (_, _, other) = await PaidOrderAsync(mobile: "13900000000", recipient: "李四");
        using var admin = await TestAdmins.ClientAsync(app);

        var list = await admin.GetAsync("/admin/orders");
        Assert.Equal(2, list.Document.QuerySelectorAll("[data-testid=admin-order-row]").Length);
        Assert.Contains("138****5678", list.Text);
        var byMobile = await admin.GetAsync("/admin/orders?q=139%200000%200000");
        Assert.Equal([other.Number], byMobile.Document.QuerySelectorAll("[data-testid=admin-order-row]").Select(r => r.GetAttribute("data-number")));
        var byNumber = await admin.GetAsync($"/admin/orders?q={order.Number}");
        Assert.Equal([order.Number], byNumber.Document.QuerySelectorAll("[data-testid=admin-order-row]").Select(r => r.GetAttribute("data-number")));
        Assert.NotNull((await admin.GetAsync("/admin/orders?status=Shipped")).Document.QuerySelector("[data-testid=admin-orders-empty]"));
        Assert.NotNull((await admin.GetAsync("/admin/orders?from=2000-01-01&to=2000-01-02")).Document.QuerySelector("[data-testid=admin-orders-empty]"));
        var today = DateTimeOffset.UtcNow.ToOffset(OrderQueries.ShopOffset).ToString("yyyy-MM-dd");
        Assert.Equal(2, (await admin.GetAsync($"/admin/orders?from={today}&to={today}&status=Paid")).Document.QuerySelectorAll("[data-testid=admin-order-row]").Length);
        // Forged filters are ignored (status, date) or match nothing (a search that is not digits).
        Assert.Equal(2, (await admin.GetAsync("/admin/orders?status=Bogus&from=yesterday")).Document.QuerySelectorAll("[data-testid=admin-order-row]").Length);
        Assert.NotNull((await admin.GetAsync("/admin/orders?q=%27%20or%201=1")).Document.QuerySelector("[data-testid=admin-orders-empty]"));

        var url = $"/admin/orders/{order.Number}";
        var bad = await admin.SubmitFormAsync(url, "ship", new() { ["Ship.Carrier"] = "顺丰", ["Ship.Tracking"] = "SF<1>" });
        Assert.Contains("运单号", bad.TextOf("[data-testid=error]"));
        var shipped = await admin.SubmitFormAsync(url, "ship", new() { ["Ship.Carrier"] = "顺丰速运", ["Ship.Tracking"] = "SF1234567890" });
        Assert.Equal("已发货", shipped.TextOf("[data-testid=order-status]"));
        Assert.Contains("SF1234567890", shipped.TextOf("[data-testid=tracking]"));
        var delivered = await admin.SubmitAsync(shipped, "deliver", []);
        Assert.Equal("已送达", delivered.TextOf("[data-testid=order-status]"));
        Assert.Contains("商家 (", delivered.TextOf("[data-testid=timeline]"));

        // The buyer asks for the white line back; the admin approves with the goods returned.
        var refunds = app.Services.GetRequiredService<RefundService>();
        var request = await refunds.RequestAsync(buyerId, order.Number, order.Lines[1].Id, null, "退货", [], CancellationToken.None);
        var withRequest = await admin.GetAsync(url);
        Assert.Equal("Requested", withRequest.Document.QuerySelector("[data-testid=refund]")!.GetAttribute("data-status"));
        Assert.NotNull((await admin.GetAsync("/admin/orders")).Document.QuerySelector($"[data-number='{order.Number}'] [data-testid=open-refund]"));
        Assert.Equal([order.Number], (await admin.GetAsync("/admin/orders?refunds=open")).Document.QuerySelectorAll("[data-testid=admin-order-row]").Select(r => r.GetAttribute("data-number")));
        var rejectEmpty = await admin.SubmitAsync(withRequest, $"reject-{request}", new() { ["RejectReason"] = " " });
        Assert.Contains("拒绝原因", rejectEmpty.TextOf("[data-testid=error]"));
        var approved = await admin.SubmitAsync(withRequest, $"approve-{request}", new() { ["GoodsReturned"] = "true" });
        Assert.Equal("Refunded", approved.Document.QuerySelector("[data-testid=refund]")!.GetAttribute("data-status"));
        Assert.Equal("−¥56.08", approved.TextOf("[data-testid=refunded]"));

        await using var context = await db.CreateDbContextAsync();
        Assert.Equal(10, await context.Skus.Where(s => s.Id == product.Skus[1].Id).Select(s => s.Stock).SingleAsync());
        Assert.Equal(56.08m, await context.Orders.Where(o => o.Id == order.Id).Select(o => o.RefundedAmount).SingleAsync());
        // The buyer sees the refund on the order.
        using var buyer = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        buyer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        await TestAccounts.SignInAsync(buyer, new TestUser(buyerId, (await context.Users.SingleAsync(u => u.Id == buyerId)).Email!, TestAccounts.Password));
        var buyerView = await AccountTestClient.Page.ReadAsync(await buyer.GetAsync($"/orders/{order.Number}"));
        Assert.Equal("−¥56.08", buyerView.TextOf("[data-testid=refunded]"));
        Assert.Contains("退款已批准 ¥56.08", buyerView.TextOf("[data-testid=timeline]"));
    }

    [Fact]
    public async Task Export_IsUtf8WithBomQuotedAndFormulaSafe_WithTheListsFilters()
    {
        var (_, _, plain) = await PaidOrderAsync();
        var (_, _, evil) = await PaidOrderAsync(mobile: "13900000000", recipient: "=HYPERLINK(\"http://x\")");
        await using (var context = await db.CreateDbContextAsync())
            await context.Orders.Where(o => o.Id == evil.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.AddressDetail, "1号, \"A\"座\n2层"));
        using var admin = await TestAdmins.ClientAsync(app);

        var export = await admin.Http.GetAsync("/admin/orders/export.csv?status=Paid");
        var bytes = await export.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".csv", export.Content.Headers.ContentDisposition!.FileNameStar ?? export.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(OrderCsv.Bom, bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        Assert.StartsWith("订单号,状态,下单时间,付款时间,金额,已退款,币种,收货人,手机", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(plain.Number + ",待发货,") && l.Contains(",89.73,0.00,CNY,张三,13812345678,") && l.Contains("红T恤"));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text);
        Assert.Contains("\"上海市 上海市 浦东新区 1号, \"\"A\"\"座\n2层\"", text);
        Assert.Equal(4, lines.Length); // header, two orders, the empty string after the last CRLF

        var filtered = new UTF8Encoding(false).GetString((await admin.Http.GetByteArrayAsync("/admin/orders/export.csv?q=13900000000"))[3..]);
        Assert.DoesNotContain(plain.Number, filtered);
        Assert.Contains(evil.Number, filtered);
        var none = new UTF8Encoding(false).GetString((await admin.Http.GetByteArrayAsync("/admin/orders/export.csv?status=Cancelled"))[3..]);
        Assert.Single(none.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("普通文本", "普通文本")]
    [InlineData(null, "")]
    public void CsvCell_QuotesAndDefusesFormulas(string? value, string expected) => Assert.Equal(expected, OrderCsv.Cell(value));
}
