using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Ordering;

public sealed class PaymentFlowTests : IAsyncLifetime
{
    private readonly PaymentAppFactory app = new();

    public Task InitializeAsync()
    {
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private SandboxGateway Sandbox => app.Services.GetRequiredService<SandboxGateway>();

    [Fact]
    public async Task Pay_Anonymous_SignIn_OtherBuyerOrUnknownNumber_NotFound()
    {
        var (_, order) = await PaymentApp.BuyerWithOrderAsync(app);
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync($"/orders/{order.Number}/pay");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());

        var (stranger, _) = await PaymentApp.BuyerWithOrderAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/orders/{order.Number}/pay")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync("/orders/2611220000000000/pay")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/payments/return/{order.Number}")).StatusCode);
        await using var db = await PaymentApp.Db(app).CreateDbContextAsync();
        Assert.Empty(await db.Payments.ToListAsync());
    }

    [Fact]
    public async Task Pay_Buyer_RedirectedToTheSandboxPage_RefreshReusesTheSession()
    {
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app, price: 59.9m, quantity: 2);

        var hosted = await buyer.GetAsync($"/orders/{order.Number}/pay");
        var again = await buyer.GetAsync($"/orders/{order.Number}/pay");

        Assert.StartsWith("/sandbox-pay/ss_" + order.Number, hosted.Path);
        Assert.Equal(hosted.Response.RequestMessage!.RequestUri, again.Response.RequestMessage!.RequestUri);
        Assert.Contains("SANDBOX", hosted.TextOf("[data-testid=sandbox-banner]"));
        Assert.Contains("沙盒", hosted.TextOf("[data-testid=sandbox-banner]"));
        Assert.Equal(OrderNumbers.Format(order.Number), hosted.TextOf("[data-testid=order-number]"));
        Assert.EndsWith("¥119.8", hosted.TextOf("[data-testid=amount]"));
        Assert.False(string.IsNullOrEmpty(hosted.TextOf("[data-testid=merchant]")));
        Assert.NotNull(hosted.Document.QuerySelector("[data-testid=sandbox-pay]"));
        Assert.NotNull(hosted.Document.QuerySelector("[data-testid=sandbox-cancel]"));
        Assert.NotNull(hosted.Document.QuerySelector("[data-testid=sandbox-fail]"));
        // No card data, ever: the hosted page has no text inputs at all.
        Assert.Empty(hosted.Document.QuerySelectorAll("input:not([type=hidden])"));
        Assert.Null(hosted.Document.QuerySelector(".topbar")); // the provider's page, not the shop's
        await using var db = await PaymentApp.Db(app).CreateDbContextAsync();
        Assert.Equal(1, await db.Payments.CountAsync(p => p.OrderId == order.Id));
    }

    [Fact]
    public async Task HostedPage_ForgedOrAlteredSession_FriendlyError()
    {
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app);
        var hosted = await buyer.GetAsync($"/orders/{order.Number}/pay");
        var session = hosted.Path["/sandbox-pay/".Length..];
        // The same session with the amount lowered to one fen: the HMAC no longer matches.
        var altered = session.Replace(".119.80.", ".0.01.");

        var forged = await buyer.GetAsync("/sandbox-pay/" + altered);

        Assert.Equal(HttpStatusCode.BadRequest, forged.Response.StatusCode);
        Assert.NotNull(forged.Document.QuerySelector("[data-testid=sandbox-invalid]"));
        Assert.Null(forged.Document.QuerySelector("[data-testid=sandbox-form]"));
        Assert.Contains("SANDBOX", forged.TextOf("[data-testid=sandbox-banner]"));
    }

    [Fact]
    public async Task HostedPage_Pay_SignedCallbackArrivesLater_ReturnPageShowsPaid_BuyerIsNotified()
    {
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app);
        var hosted = await buyer.GetAsync($"/orders/{order.Number}/pay");
        var session = hosted.Path["/sandbox-pay/".Length..];

        var returned = await buyer.SubmitAsync(hosted, session, new() { ["choice"] = "Pay" });

        Assert.Equal($"/payments/return/{order.Number}", returned.Path);
        Assert.Contains(returned.Document.QuerySelector("[data-testid=payment-return]")!.GetAttribute("data-state"), new[] { "pending", "paid" });
        var paid = await PaymentApp.UntilAsync(buyer, returned.Path, p => p.Document.QuerySelector("[data-state=paid]") is not null);
        Assert.Contains("支付成功", paid.Text);
        Assert.Null(paid.Document.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Equal($"/orders/{order.Number}", paid.Document.QuerySelector("[data-testid=view-order]")!.GetAttribute("href"));

        await using (var db = await PaymentApp.Db(app).CreateDbContextAsync())
        {
            Assert.Equal(OrderStatus.Paid, (await db.Orders.SingleAsync(o => o.Id == order.Id)).Status);
            var callback = await db.PaymentCallbacks.SingleAsync();
            Assert.Equal((session, "succeeded"), (callback.SessionId, callback.Event));
        }

        // The outbox dispatcher tells the buyer; the messages page links to the order.
        var messages = await PaymentApp.UntilAsync(buyer, "/messages", p => p.Document.QuerySelector("[data-kind=OrderUpdate]") is not null);
        var notification = messages.Document.QuerySelector("[data-kind=OrderUpdate]")!;
        Assert.Contains($"你的订单 {OrderNumbers.Format(order.Number)} 已支付", notification.TextContent);
        Assert.Equal($"/orders/{order.Number}", notification.QuerySelector("a.notif-sentence")!.GetAttribute("href"));

        // Paying again is not offered: the order is paid, so "pay" goes to the order page.
        var payAgain = await buyer.Http.GetAsync($"/orders/{order.Number}/pay");
        Assert.Equal($"/orders/{order.Number}", payAgain.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task HostedPage_MakeItFail_ReturnPageOffersPayingAgain_ThenPayingWorks()
    {
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app, culture: "en-US");
        var hosted = await buyer.GetAsync($"/orders/{order.Number}/pay");
        var session = hosted.Path["/sandbox-pay/".Length..];

        var returned = await buyer.SubmitAsync(hosted, session, new() { ["choice"] = "Fail" });
        var failed = await PaymentApp.UntilAsync(buyer, returned.Path, p => p.Document.QuerySelector("[data-state=failed]") is not null);
        Assert.Contains("Payment failed", failed.Text);
        Assert.Equal($"/orders/{order.Number}/pay", failed.Document.QuerySelector("[data-testid=pay-again]")!.GetAttribute("href"));

        var second = await buyer.FollowLinkAsync(failed, "[data-testid=pay-again]");
        Assert.NotEqual(hosted.Path, second.Path); // a failed session is not reused
        var paid = await buyer.SubmitAsync(second, second.Path["/sandbox-pay/".Length..], new() { ["choice"] = "Pay" });
        Assert.NotNull((await PaymentApp.UntilAsync(buyer, paid.Path, p => p.Document.QuerySelector("[data-state=paid]") is not null))
            .Document.QuerySelector("[data-state=paid]"));
    }

    [Fact]
    public async Task HostedPage_UnknownChoiceRefused_ForeignReturnUrlReplaced_CancelShowsPayAgain()
    {
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app);
        var hosted = await buyer.GetAsync($"/orders/{order.Number}/pay");
        var session = hosted.Path["/sandbox-pay/".Length..];

        var numeric = await buyer.SubmitAsync(hosted, session, new() { ["choice"] = "1" });
        Assert.Equal(HttpStatusCode.NotFound, numeric.Response.StatusCode);

        // An open redirect through the sandbox is not possible: the shopper lands on the order's own return page.
        var cancelled = await buyer.SubmitAsync(hosted, session, new() { ["choice"] = "Cancel", ["return"] = "//evil.example/phish" });
        Assert.Equal($"/payments/return/{order.Number}", cancelled.Path);
        Assert.Equal("localhost", cancelled.Response.RequestMessage!.RequestUri!.Host);
        var shown = await PaymentApp.UntilAsync(buyer, cancelled.Path, p => p.Document.QuerySelector("[data-state=payment-cancelled]") is not null);
        Assert.NotNull(shown.Document.QuerySelector("[data-testid=pay-again]"));
        await using var db = await PaymentApp.Db(app).CreateDbContextAsync();
        Assert.Equal(PaymentStatus.Cancelled, (await db.Payments.SingleAsync()).Status);
        Assert.Equal(OrderStatus.PendingPayment, (await db.Orders.SingleAsync(o => o.Id == order.Id)).Status);
    }

    [Fact]
    public async Task ReturnPage_WhilePending_RefreshesEveryTwoSecondsForAMinute_AndIgnoresTheQueryString()
    {
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app);
        await buyer.GetAsync($"/orders/{order.Number}/pay"); // a pending payment, no choice made

        var pending = await buyer.GetAsync($"/payments/return/{order.Number}?status=paid&state=paid");
        Assert.Equal("pending", pending.Document.QuerySelector("[data-testid=payment-return]")!.GetAttribute("data-state"));
        Assert.Equal($"2;url=/payments/return/{order.Number}?poll=1", pending.Document.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Contains("正在确认支付结果", pending.Text);

        var last = await buyer.GetAsync($"/payments/return/{order.Number}?poll={Web.Components.Pages.Payments.PaymentReturnPage.MaxPolls}");
        Assert.Null(last.Document.QuerySelector("meta[http-equiv=refresh]"));
        Assert.NotNull(last.Document.QuerySelector("[data-testid=refresh]"));
    }

    [Fact]
    public async Task CallbackEndpoint_BadSignature400_Valid200_Duplicate200_ChangesOnce()
    {
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app);
        var hosted = await buyer.GetAsync($"/orders/{order.Number}/pay");
        var session = hosted.Path["/sandbox-pay/".Length..];
        var body = new SandboxCallbackBody("cb_http_1", session, "succeeded", 119.8m, "CNY", Sandbox.TransactionIdFor(session), DateTimeOffset.UtcNow).ToJson();
        var gateway = app.CreateClient(); // no cookies, no anti-forgery token: a server-to-server call

        var forged = await PostAsync(gateway, body, Sandbox.Sign(body + " "));
        var first = await PostAsync(gateway, body, Sandbox.Sign(body));
        var twice = await PostAsync(gateway, body, Sandbox.Sign(body));
        var unsigned = await gateway.PostAsync("/payments/callback/sandbox", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("ok", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal("already processed", await twice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        await using var db = await PaymentApp.Db(app).CreateDbContextAsync();
        Assert.Single(await db.PaymentCallbacks.ToListAsync());
        Assert.Equal(1, await db.OrderEvents.CountAsync(e => e.OrderId == order.Id && e.ToStatus == OrderStatus.Paid));
        Assert.Equal(2, await db.PaymentIncidents.CountAsync(i => i.Kind == PaymentIncidentKind.BadSignature));
    }

    [Fact]
    public async Task CallbackEndpoint_WrongAmount_422AndNothingChanges()
    {
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app);
        var hosted = await buyer.GetAsync($"/orders/{order.Number}/pay");
        var session = hosted.Path["/sandbox-pay/".Length..];
        var body = new SandboxCallbackBody("cb_cheap", session, "succeeded", 0.01m, "CNY", Sandbox.TransactionIdFor(session), DateTimeOffset.UtcNow).ToJson();

        var response = await PostAsync(app.CreateClient(), body, Sandbox.Sign(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await using var db = await PaymentApp.Db(app).CreateDbContextAsync();
        Assert.Equal(OrderStatus.PendingPayment, (await db.Orders.SingleAsync(o => o.Id == order.Id)).Status);
        Assert.Empty(await db.PaymentCallbacks.ToListAsync());
        Assert.Equal(PaymentIncidentKind.AmountMismatch, (await db.PaymentIncidents.SingleAsync()).Kind);
    }

    [Fact]
    public async Task AdminPayments_AnonymousSignsIn_ShopperDenied_AdminSeesIncidentsAndCallbacks()
    {
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app);
        var hosted = await buyer.GetAsync($"/orders/{order.Number}/pay");
        var session = hosted.Path["/sandbox-pay/".Length..];
        var good = new SandboxCallbackBody("cb_admin_1", session, "succeeded", 119.8m, "CNY", Sandbox.TransactionIdFor(session), DateTimeOffset.UtcNow).ToJson();
        await PostAsync(app.CreateClient(), good, Sandbox.Sign(good));
        await PostAsync(app.CreateClient(), good.Replace("cb_admin_1", "cb_admin_2"), "deadbeef");

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var challenge = await anonymous.GetAsync("/admin/payments");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Contains("/Account/Login", challenge.Headers.Location!.ToString());
        var denied = await buyer.GetAsync("/admin/payments");
        Assert.StartsWith("/Account/AccessDenied", denied.Path);
        Assert.Null(denied.Document.QuerySelector("[data-testid=admin-payments]"));

        using var admin = await TestAdmins.ClientAsync(app);
        var page = await admin.GetAsync("/admin/payments");
        var incident = page.Document.QuerySelector("[data-testid=incident]")!;
        Assert.Equal("BadSignature", incident.GetAttribute("data-kind"));
        Assert.Contains("签名错误", incident.TextContent);
        var callback = page.Document.QuerySelector("[data-testid=callback]")!;
        Assert.Contains("cb_admin_1", callback.TextContent);
        Assert.Contains(order.Number, callback.TextContent);
    }

    [Fact]
    public async Task PaymentAdminQueries_NonAdmin_Refused()
    {
        var queries = app.Services.GetRequiredService<PaymentAdminQueries>();
        var shopper = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, "Moderator")], "test"));
        var error = await Assert.ThrowsAsync<SocialStore.Domain.Common.DomainException>(() => queries.OverviewAsync(shopper, default));
        Assert.Equal(PaymentAdminErrors.AdminOnly, error.Code);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/payments/callback/sandbox") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SandboxGateway.SignatureHeader, signature);
        return client.SendAsync(request);
    }
}
