using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.Integration.Ordering;

/// <summary>
/// The app with the sandbox's callback sender posting into the in-memory test server (there is no real port),
/// so a choice on the hosted page really travels back as a signed, asynchronous HTTP callback.
/// Every callback's target is recorded in <see cref="CallbackTargets"/>.
/// </summary>
public sealed class PaymentAppFactory : AppFactory
{
    public ConcurrentQueue<Uri> CallbackTargets { get; } = new();

    public PaymentAppFactory()
    {
        Settings["Payments:Sandbox:CallbackDelayMilliseconds"] = "50";
        Settings["Outbox:PollMilliseconds"] = "200";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services
            .AddHttpClient(SandboxCallbackSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler())
            .AddHttpMessageHandler(() => new RecordingHandler(CallbackTargets)));
    }

    private sealed class RecordingHandler(ConcurrentQueue<Uri> targets) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            targets.Enqueue(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

public static class PaymentApp
{
    public static IDbContextFactory<SocialStoreDbContext> Db(AppFactory app) => app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();

    /// <summary>A buyer signed in through the real login form, and an unpaid order of theirs.</summary>
    public static async Task<(AccountTestClient Client, TestOrder Order)> BuyerWithOrderAsync(AppFactory app, string culture = "zh-CN", decimal price = 59.9m, int quantity = 2)
    {
        var handle = "buyer" + Guid.NewGuid().ToString("N")[..8];
        var user = await SocialApp.UserAsync(app, handle, "买家");
        var client = AccountTestClient.Create(app, culture);
        Assert.Equal("/", (await client.LoginAsync(user.Email!, TestAccounts.Password)).Path);
        var order = await PaymentTestBed.InsertOrderAsync(Db(app), DateTimeOffset.UtcNow, user.Id, price, quantity);
        return (client, order);
    }

    /// <summary>Reloads a page until <paramref name="done"/> holds (the callback and the dispatcher are asynchronous).</summary>
    public static async Task<AccountTestClient.Page> UntilAsync(AccountTestClient client, string url, Func<AccountTestClient.Page, bool> done, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var page = await client.GetAsync(url);
            if (done(page) || DateTime.UtcNow > deadline) return page;
            await Task.Delay(100);
        }
    }
}
