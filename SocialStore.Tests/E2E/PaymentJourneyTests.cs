using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Ordering;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>A shopper pays an order in the sandbox: the hosted page, then the return page that waits for the real asynchronous callback.</summary>
[Collection(E2ECollection.Name)]
public sealed class PaymentJourneyTests(BrowserFixture browser) : AppJourney
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Shopper_PaysInTheSandbox_ReturnPageTurnsPaidWhenTheCallbackLands(string viewport)
    {
        var user = await SocialApp.UserAsync(app, "pay" + Guid.NewGuid().ToString("N")[..8], "小美");
        var order = await PaymentTestBed.InsertOrderAsync(PaymentApp.Db(app), DateTimeOffset.UtcNow, user.Id, price: 89.9m, quantity: 2);
        var page = await browser.NewPageAsync(viewport);
        var name = $"payment-{viewport}";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            await BrowserSignIn.SignInAsync(page, app.BaseUrl, user.Email!);

            await page.GotoAsync($"{app.BaseUrl}/orders/{order.Number}/pay");
            await page.WaitForURLAsync("**/sandbox-pay/**");
            Assert.Contains("SANDBOX", await page.InnerTextAsync("[data-testid=sandbox-banner]"));
            Assert.Contains("¥179.8", await page.InnerTextAsync("[data-testid=amount]"));
            await Artifacts.ScreenshotAsync(page, $"payment-sandbox-{viewport}");

            await page.ClickAsync("[data-testid=sandbox-pay]");
            await page.WaitForURLAsync($"**/payments/return/{order.Number}**");
            await Artifacts.ScreenshotAsync(page, $"payment-return-first-{viewport}");
            // The meta refresh reloads the page until the signed callback has been applied.
            await page.WaitForSelectorAsync("[data-state=paid]", new PageWaitForSelectorOptions { Timeout = 20_000 });
            Assert.Contains("支付成功", await page.InnerTextAsync("[data-testid=payment-return]"));
            await Artifacts.ScreenshotAsync(page, $"payment-return-paid-{viewport}");

            // The outbox dispatcher told the buyer.
            await page.GotoAsync(app.BaseUrl + "/messages");
            await page.WaitForSelectorAsync("[data-kind=OrderUpdate]");
            Assert.Contains("已支付", await page.InnerTextAsync("[data-kind=OrderUpdate]"));
            await Artifacts.ScreenshotAsync(page, $"payment-messages-{viewport}");

            // A forged session: the friendly error.
            await page.GotoAsync(app.BaseUrl + "/sandbox-pay/ss_2611220000000000.1.00.CNY.abcd1234.0000000000000000");
            await page.WaitForSelectorAsync("[data-testid=sandbox-invalid]");
            await Artifacts.ScreenshotAsync(page, $"payment-sandbox-invalid-{viewport}");
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Shopper_PendingReturnPage_Screenshot()
    {
        var user = await SocialApp.UserAsync(app, "wait" + Guid.NewGuid().ToString("N")[..8], "小李");
        var order = await PaymentTestBed.InsertOrderAsync(PaymentApp.Db(app), DateTimeOffset.UtcNow, user.Id, price: 129m, quantity: 1);
        foreach (var viewport in new[] { "phone", "desktop" })
        {
            var page = await browser.NewPageAsync(viewport);
            await Artifacts.CaptureFailureAsync(page, $"payment-pending-{viewport}", async () =>
            {
                await BrowserSignIn.SignInAsync(page, app.BaseUrl, user.Email!);
                // A session opened but no choice made: the return page waits and refreshes.
                await page.GotoAsync($"{app.BaseUrl}/orders/{order.Number}/pay");
                await page.GotoAsync($"{app.BaseUrl}/payments/return/{order.Number}");
                await page.WaitForSelectorAsync("[data-state=pending]");
                Assert.Contains("¥129", await page.InnerTextAsync("[data-testid=total]"));
                Assert.Equal($"2;url=/payments/return/{order.Number}?poll=1", await page.GetAttributeAsync("meta[http-equiv=refresh]", "content"));
                await Artifacts.ScreenshotAsync(page, $"payment-return-pending-{viewport}");

                // It refreshes by itself, and still waits: nothing was paid.
                await page.WaitForURLAsync($"**/payments/return/{order.Number}?poll=1", new PageWaitForURLOptions { Timeout = 10_000 });
                Assert.Equal("pending", await page.GetAttributeAsync("[data-testid=payment-return]", "data-state"));
                Assert.Equal($"2;url=/payments/return/{order.Number}?poll=2", await page.GetAttributeAsync("meta[http-equiv=refresh]", "content"));
            });
            await page.Context.CloseAsync();
        }
        await using var db = await PaymentApp.Db(app).CreateDbContextAsync();
        Assert.Equal(OrderStatus.PendingPayment, (await db.Orders.SingleAsync(o => o.Number == order.Number)).Status);
    }

    [Fact]
    public async Task Admin_SeesPaymentIncidents_Screenshot()
    {
        var buyer = await SocialApp.UserAsync(app, "inc" + Guid.NewGuid().ToString("N")[..8], "小王");
        var order = await PaymentTestBed.InsertOrderAsync(PaymentApp.Db(app), DateTimeOffset.UtcNow, buyer.Id, price: 35m, quantity: 1);
        var start = await app.Services.GetRequiredService<PaymentService>().StartAsync(buyer.Id, order.Number, default);
        var session = Uri.UnescapeDataString(start.RedirectUrl!.Split('/', '?')[2]);
        var sandbox = app.Services.GetRequiredService<SandboxGateway>();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        foreach (var (body, signature) in new[]
        {
            Signed(sandbox, new SandboxCallbackBody("cb_e2e_ok", session, "succeeded", 35m, "CNY", sandbox.TransactionIdFor(session), DateTimeOffset.UtcNow)),
            Signed(sandbox, new SandboxCallbackBody("cb_e2e_cheap", session, "succeeded", 0.01m, "CNY", "tx_x", DateTimeOffset.UtcNow)),
            Signed(sandbox, new SandboxCallbackBody("cb_e2e_late", session, "failed", 35m, "CNY", null, DateTimeOffset.UtcNow)),
            (new SandboxCallbackBody("cb_e2e_forged", session, "succeeded", 35m, "CNY", "tx_y", DateTimeOffset.UtcNow).ToJson(), new string('a', 64)),
        })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/payments/callback/sandbox") { Content = new StringContent(body) };
            request.Headers.Add(SandboxGateway.SignatureHeader, signature);
            await http.SendAsync(request);
        }
        var admin = await TestAdmins.UserAsync(app);

        foreach (var viewport in new[] { "phone", "desktop" })
        {
            var page = await browser.NewPageAsync(viewport);
            await Artifacts.CaptureFailureAsync(page, $"payment-admin-{viewport}", async () =>
            {
                await BrowserSignIn.SignInAsync(page, app.BaseUrl, admin.Email!);
                await page.GotoAsync(app.BaseUrl + "/admin/payments");
                await page.WaitForSelectorAsync("[data-testid=incident]");
                Assert.Equal(3, await page.Locator("[data-testid=incident]").CountAsync());
                await Artifacts.ScreenshotAsync(page, $"payment-admin-{viewport}");
            });
            await page.Context.CloseAsync();
        }
    }

    private static (string Body, string Signature) Signed(SandboxGateway sandbox, SandboxCallbackBody callback)
    {
        var body = callback.ToJson();
        return (body, sandbox.Sign(body));
    }
}
