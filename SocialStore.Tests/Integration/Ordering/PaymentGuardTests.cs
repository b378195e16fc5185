using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Ordering;

/// <summary>ADR-027: the sandbox stays out of production, and callbacks never follow the request's Host header.</summary>
public sealed class PaymentGuardTests
{
    [Fact]
    public async Task Pay_ForgedHostHeader_CallbackGoesToThePublicOriginOnly()
    {
        await using var app = new PaymentAppFactory();
        app.Settings["App:PublicOrigin"] = "https://shop.example.test";
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app);
        buyer.Http.DefaultRequestHeaders.Host = "evil.example:1234";

        var hosted = await buyer.GetAsync($"/orders/{order.Number}/pay");
        Assert.StartsWith("/sandbox-pay/", hosted.Path);
        var returned = await buyer.SubmitAsync(hosted, hosted.Path["/sandbox-pay/".Length..], new() { ["choice"] = "Pay" });

        // The shopper comes back to a path on this site; the callback lands and the order is paid.
        Assert.Equal($"/payments/return/{order.Number}", returned.Path);
        Assert.NotNull((await PaymentApp.UntilAsync(buyer, returned.Path, p => p.Document.QuerySelector("[data-state=paid]") is not null))
            .Document.QuerySelector("[data-state=paid]"));
        Assert.NotEmpty(app.CallbackTargets);
        Assert.All(app.CallbackTargets, target => Assert.Equal("https://shop.example.test/payments/callback/sandbox", target.AbsoluteUri));
        Assert.DoesNotContain(app.CallbackTargets, target => target.Host.Contains("evil", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_WithoutOptIn_SandboxRoutes404_PayingSaysOnlinePaymentIsNotAvailable()
    {
        await using var app = new ProductionAppFactory();
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app);

        var hostedPage = await buyer.GetAsync("/sandbox-pay/x");
        var choice = await buyer.Http.PostAsync("/sandbox-pay/x", new FormUrlEncodedContent([new("choice", "Pay")]));
        var callback = await buyer.Http.PostAsync(SandboxCallbackSender.CallbackPath, new StringContent("{}"));
        var pay = await buyer.GetAsync($"/orders/{order.Number}/pay");

        Assert.Equal(HttpStatusCode.NotFound, hostedPage.Response.StatusCode);
        Assert.Null(hostedPage.Document.QuerySelector("[data-testid=sandbox-banner]"));
        Assert.Equal(HttpStatusCode.NotFound, choice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pay.Response.StatusCode);
        Assert.Equal($"/payments/return/{order.Number}", pay.Path);
        Assert.Equal("unavailable", pay.Document.QuerySelector("[data-testid=payment-return]")!.GetAttribute("data-state"));
        Assert.Contains("暂不支持在线支付", pay.Text);
        Assert.Null(pay.Document.QuerySelector("[data-testid=pay-again]"));
        await using var db = await PaymentApp.Db(app).CreateDbContextAsync();
        Assert.Empty(await db.Payments.ToListAsync());
    }

    [Fact]
    public async Task Production_WithoutOptIn_EnglishMessage()
    {
        await using var app = new ProductionAppFactory();
        var (buyer, order) = await PaymentApp.BuyerWithOrderAsync(app, culture: "en-US");

        var pay = await buyer.GetAsync($"/orders/{order.Number}/pay");

        Assert.Contains("Online payment is not available", pay.Text);
    }

    /// <summary>The app as deployed: Production, its public origin, no payment settings at all.</summary>
    private sealed class ProductionAppFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            // Outside Development start-up requires the public origin (issue 11).
            builder.UseSetting("App:PublicOrigin", "https://shop.example.test");
        }
    }
}
