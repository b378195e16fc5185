using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Ordering;

public sealed record TestOrder(long Id, string Number, string BuyerId, long ProductId, long SkuId, int Quantity, decimal Total);

/// <summary>
/// A migrated database with the payment services wired to it and a clock the test moves. Orders are
/// written directly (checkout belongs to another area): a product, its stock taken through the ledger,
/// the order with one line and its first timeline event.
/// </summary>
public sealed class PaymentTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The shop's public origin the payment services build return URLs from.</summary>
    public static readonly Uri Origin = new("https://shop.example.test/");

    private PaymentTestBed(TestDatabase db, TestDatabase? owned)
    {
        Db = db;
        this.owned = owned;
        Clock = new FakeTimeProvider(Start);
        Sandbox = new SandboxGateway(Options.Create(new SandboxOptions()));
        Signal = new OutboxSignal();
        Bus = new InProcessNotificationBus();
        Notifications = new NotificationService(db.Factory, Clock, Bus);
        Payments = new PaymentService(db.Factory, Sandbox, new ConfiguredPublicOrigin(Origin), Clock);
        Callbacks = new PaymentCallbackProcessor(db.Factory, Sandbox, Clock, Signal);
        Sweeper = new UnpaidOrderSweeper(db.Factory, Clock, Signal);
        Dispatcher = NewDispatcher();
    }

    private readonly TestDatabase? owned;

    public TestDatabase Db { get; }

    public IDbContextFactory<SocialStoreDbContext> Factory => Db.Factory;

    public FakeTimeProvider Clock { get; }

    public SandboxGateway Sandbox { get; }

    public OutboxSignal Signal { get; }

    public InProcessNotificationBus Bus { get; }

    public NotificationService Notifications { get; }

    public PaymentService Payments { get; }

    public PaymentCallbackProcessor Callbacks { get; }

    public UnpaidOrderSweeper Sweeper { get; }

    public OutboxDispatcher Dispatcher { get; }

    public static async Task<PaymentTestBed> CreateAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        return new PaymentTestBed(db, db);
    }

    public OutboxDispatcher NewDispatcher(params IOutboxHandler[] extra) => new(
        Factory,
        [new OutboxOrderUpdateHandler(Factory, Notifications, Clock), new PaymentAutoRefundHandler(Factory, Sandbox), .. extra],
        Clock,
        Options.Create(new OutboxOptions()));

    /// <summary>A buyer with an unpaid order of <paramref name="quantity"/> × a product at <paramref name="price"/> (stock taken).</summary>
    public async Task<TestOrder> OrderAsync(string? buyerId = null, decimal price = 59.9m, int quantity = 2, int stock = 10, TimeSpan? payWithin = null)
    {
        buyerId ??= (await TestData.UserAsync(Factory, "b" + Guid.NewGuid().ToString("N")[..10])).Id;
        return await InsertOrderAsync(Factory, Clock.GetUtcNow(), buyerId, price, quantity, stock, payWithin ?? TimeSpan.FromMinutes(15));
    }

    /// <summary>What checkout would have written: a product, its stock taken through the ledger, the order, its line and first event.</summary>
    public static async Task<TestOrder> InsertOrderAsync(
        IDbContextFactory<SocialStoreDbContext> factory, DateTimeOffset now, string buyerId, decimal price = 59.9m, int quantity = 2, int stock = 10, TimeSpan? payWithin = null)
    {
        var product = await CatalogTestData.SimpleAsync(factory, "面霜 " + Guid.NewGuid().ToString("N")[..6], price, stock);
        var skuId = product.Skus.Single().Id;
        await using var db = await factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        Assert.True(await StockLedger.TryTakeSkuAsync(db, skuId, quantity, default));
        await StockLedger.ApplyToProductAsync(db, product.Id, quantity, default);
        var subtotal = price * quantity;
        var order = new Order
        {
            Number = OrderNumbers.New(now),
            BuyerId = buyerId,
            CheckoutKey = Guid.NewGuid().ToString("N"),
            Status = OrderStatus.PendingPayment,
            Currency = "CNY",
            Subtotal = subtotal,
            Total = subtotal,
            Recipient = "张三",
            Mobile = "13800138000",
            Province = "上海市",
            City = "上海市",
            District = "徐汇区",
            AddressDetail = "漕溪北路 1 号",
            CreatedAt = now,
            PayBy = now + (payWithin ?? TimeSpan.FromMinutes(15)),
        };
        order.Lines.Add(new OrderLine
        {
            ProductId = product.Id,
            SkuId = skuId,
            ProductTitle = product.Title,
            SkuLabel = "",
            CoverKey = "seed/p.svg",
            UnitPrice = price,
            Quantity = quantity,
            Subtotal = subtotal,
            Payable = subtotal,
        });
        order.Events.Add(new OrderEvent { ToStatus = OrderStatus.PendingPayment, Actor = OrderActor.Buyer, ActorId = buyerId, At = now });
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new TestOrder(order.Id, order.Number, buyerId, product.Id, skuId, quantity, subtotal);
    }

    /// <summary>Starts paying and returns the session the buyer was sent to.</summary>
    public async Task<string> StartAsync(TestOrder order)
    {
        var start = await Payments.StartAsync(order.BuyerId, order.Number, default);
        Assert.Equal(PayStartKind.Redirect, start.Kind);
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Payments.Where(p => p.OrderId == order.Id).OrderByDescending(p => p.Id).Select(p => p.SessionId).FirstAsync();
    }

    /// <summary>A signed callback body as the sandbox would send it.</summary>
    public (string Body, string Signature) Callback(
        string sessionId, string evt, decimal? amount = null, string? callbackId = null, string currency = "CNY")
    {
        var session = Sandbox.ReadSession(sessionId)!;
        var body = new SandboxCallbackBody(
            callbackId ?? "cb_" + Guid.NewGuid().ToString("N"), sessionId, evt, amount ?? session.Amount, currency,
            evt == SandboxCallbackBody.Succeeded ? Sandbox.TransactionIdFor(sessionId) : null, Clock.GetUtcNow()).ToJson();
        return (body, Sandbox.Sign(body));
    }

    public async Task<CallbackOutcome> SendAsync(string sessionId, string evt, decimal? amount = null, string? callbackId = null)
    {
        var (body, signature) = Callback(sessionId, evt, amount, callbackId);
        return await Callbacks.HandleSandboxAsync(body, signature, "127.0.0.1", default);
    }

    public async Task<OrderSnapshot> SnapshotAsync(TestOrder order)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return new OrderSnapshot(
            (await db.Orders.SingleAsync(o => o.Id == order.Id)).Status,
            string.Join(",", await db.Payments.Where(p => p.OrderId == order.Id).OrderBy(p => p.Id).Select(p => p.Status).ToListAsync()),
            await db.OrderEvents.CountAsync(e => e.OrderId == order.Id),
            await db.Skus.Where(s => s.Id == order.SkuId).Select(s => s.Stock).SingleAsync(),
            await db.Products.Where(p => p.Id == order.ProductId).Select(p => p.Stock).SingleAsync(),
            await db.PaymentCallbacks.CountAsync(),
            await db.OutboxMessages.CountAsync(m => m.Type == OrderTransitions.StatusChangedMessage && m.Payload.Contains("\"OrderId\":" + order.Id + ",")));
    }

    public async ValueTask DisposeAsync()
    {
        if (owned is not null) await owned.DisposeAsync();
    }
}

/// <summary>Payments: the order's payment statuses, oldest first, comma-separated.</summary>
public sealed record OrderSnapshot(OrderStatus Status, string Payments, int Events, int SkuStock, int ProductStock, int Callbacks, int StatusMessages);
