using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.GroupBuys;

/// <summary>
/// A migrated database with the group-buy, payment and outbox services wired to it, a clock the test moves,
/// one product (single price ¥100) and an admin. Payments go through the sandbox gateway and signed callbacks,
/// exactly as in production; the refund side counts the gateway calls it forwards to the sandbox.
/// </summary>
public sealed class GroupBuyTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    public const decimal SinglePrice = 100m;

    private GroupBuyTestBed(TestDatabase db, Product product, ClaimsPrincipal admin)
    {
        Db = db;
        Product = product;
        Admin = admin;
        Clock = new FakeTimeProvider(Start);
        Sandbox = new SandboxGateway(Options.Create(new SandboxOptions()));
        Gateway = new CountingGateway(Sandbox);
        Signal = new OutboxSignal();
        Payments = new PaymentService(db.Factory, Sandbox, new ConfiguredPublicOrigin(new Uri("https://shop.example.test/")), Clock);
        Callbacks = new PaymentCallbackProcessor(db.Factory, Sandbox, Clock, Signal);
        Sweeper = new UnpaidOrderSweeper(db.Factory, Clock, Signal);
        var pricing = new PricingPipeline([new ShippingAdjuster(Options.Create(new ShippingOptions()))]);
        var directory = new GroupBuyDirectory(db.Factory, Clock);
        Service = new GroupBuyService(db.Factory, Clock, pricing, Options.Create(new CheckoutOptions()), directory);
        Queries = new GroupBuyQueries(db.Factory, Clock, directory);
        Expirer = new GroupBuyExpirer(db.Factory, Clock, Signal);
        Notifier = new GroupBuyNotifier();
        var notifications = new NotificationService(db.Factory, Clock, new InProcessNotificationBus());
        Dispatcher = new OutboxDispatcher(db.Factory,
            [
                new OutboxOrderUpdateHandler(db.Factory, notifications, Clock),
                new PaymentAutoRefundHandler(db.Factory, Gateway),
                new GroupBuyRefundHandler(db.Factory, Gateway, Clock),
                new GroupBuyChangedHandler(Notifier),
            ], Clock, Options.Create(new OutboxOptions()));
    }

    public TestDatabase Db { get; }

    public IDbContextFactory<SocialStoreDbContext> Factory => Db.Factory;

    public Product Product { get; }

    public long SkuId => Product.Skus.Single().Id;

    public ClaimsPrincipal Admin { get; }

    public FakeTimeProvider Clock { get; }

    public SandboxGateway Sandbox { get; }

    public CountingGateway Gateway { get; }

    public OutboxSignal Signal { get; }

    public PaymentService Payments { get; }

    public PaymentCallbackProcessor Callbacks { get; }

    public UnpaidOrderSweeper Sweeper { get; }

    public GroupBuyService Service { get; }

    public GroupBuyQueries Queries { get; }

    public GroupBuyExpirer Expirer { get; }

    public GroupBuyNotifier Notifier { get; }

    public OutboxDispatcher Dispatcher { get; }

    public static async Task<GroupBuyTestBed> CreateAsync(DatabaseProvider provider, int productStock = 100)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var product = await CatalogTestData.SimpleAsync(db.Factory, "拼团面霜 " + Guid.NewGuid().ToString("N")[..6], SinglePrice, productStock);
        var admin = await TestData.UserAsync(db.Factory, "admin" + Guid.NewGuid().ToString("N")[..8]);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        return new GroupBuyTestBed(db, product, principal);
    }

    public CampaignInput Input(int size = 3, decimal price = 79m, int stock = 30, int perUser = 1, int minutes = GroupBuyCampaign.DefaultTimeLimitMinutes) =>
        new(SkuId, price, size, minutes, Start.AddHours(-1), Start.AddDays(7), stock, perUser);

    public Task<long> CampaignAsync(int size = 3, decimal price = 79m, int stock = 30, int perUser = 1, int minutes = GroupBuyCampaign.DefaultTimeLimitMinutes) =>
        Service.CreateCampaignAsync(Admin, Input(size, price, stock, perUser, minutes), default);

    /// <summary>A signed-up buyer with a default address.</summary>
    public async Task<string> BuyerAsync(string? handle = null)
    {
        var user = await TestData.UserAsync(Factory, handle ?? "u" + Guid.NewGuid().ToString("N")[..10]);
        await using var db = await Factory.CreateDbContextAsync();
        db.Addresses.Add(new Address
        {
            UserId = user.Id,
            Recipient = "张三",
            Mobile = "13812345678",
            Province = "上海市",
            City = "上海市",
            District = "徐汇区",
            Detail = "漕溪北路 88 号",
            IsDefault = true,
            CreatedAt = Start,
        });
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static string Key() => "gb-" + Guid.NewGuid().ToString("N");

    /// <summary>Pays the order through the sandbox: a session, then the gateway's signed success callback.</summary>
    public async Task<CallbackOutcome> PayAsync(string buyerId, GroupBuyOrder order) =>
        await SucceedAsync(await StartPaymentAsync(buyerId, order));

    /// <summary>Opens a payment session for the order (the buyer is on the gateway's page); returns the session id.</summary>
    public async Task<string> StartPaymentAsync(string buyerId, GroupBuyOrder order)
    {
        var start = await Payments.StartAsync(buyerId, order.OrderNumber, default);
        Assert.Equal(PayStartKind.Redirect, start.Kind);
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Payments.Where(p => p.OrderId == order.OrderId).OrderByDescending(p => p.Id).Select(p => p.SessionId).FirstAsync();
    }

    /// <summary>The gateway's signed "succeeded" callback for the session.</summary>
    public Task<CallbackOutcome> SucceedAsync(string session)
    {
        var s = Sandbox.ReadSession(session)!;
        var body = new SandboxCallbackBody("cb_" + Guid.NewGuid().ToString("N"), session, SandboxCallbackBody.Succeeded, s.Amount, "CNY",
            Sandbox.TransactionIdFor(session), Clock.GetUtcNow()).ToJson();
        return Callbacks.HandleSandboxAsync(body, Sandbox.Sign(body), "127.0.0.1", default);
    }

    /// <summary>A group opened by a paid leader; returns the group id and the leader.</summary>
    public async Task<(long GroupId, string LeaderId, GroupBuyOrder Order)> OpenGroupAsync(long campaignId)
    {
        var leader = await BuyerAsync();
        var order = await Service.StartAsync(leader, campaignId, Key(), default);
        Assert.Equal(CallbackOutcome.Applied, await PayAsync(leader, order));
        return (order.GroupId, leader, order);
    }

    public async Task DispatchAllAsync()
    {
        for (var i = 0; i < 20 && await Dispatcher.DispatchDueAsync(default) > 0; i++) { }
    }

    public async Task<GroupBuyGroup> GroupAsync(long id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.GroupBuyGroups.AsNoTracking().SingleAsync(g => g.Id == id);
    }

    public async Task<Order> OrderAsync(long id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    public async Task<(int Sku, int Product, int Campaign)> StockAsync(long campaignId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return (await db.Skus.Where(s => s.Id == SkuId).Select(s => s.Stock).SingleAsync(),
            await db.Products.Where(p => p.Id == Product.Id).Select(p => p.Stock).SingleAsync(),
            await db.GroupBuyCampaigns.Where(c => c.Id == campaignId).Select(c => c.Stock).SingleAsync());
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    /// <summary>Forwards to the sandbox and counts what it was asked (calls, and refunds per idempotency key).</summary>
    public sealed class CountingGateway(SandboxGateway sandbox) : IPaymentGateway
    {
        public int Calls;
        public readonly ConcurrentDictionary<string, int> ByKey = new();

        public string Provider => SandboxGateway.Name;

        public Task<PaymentSession> CreateSessionAsync(PaymentSessionRequest request, CancellationToken cancellationToken) =>
            sandbox.CreateSessionAsync(request, cancellationToken);

        public Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            ByKey.AddOrUpdate(request.IdempotencyKey, 1, (_, n) => n + 1);
            return sandbox.RefundAsync(request, cancellationToken);
        }
    }
}
