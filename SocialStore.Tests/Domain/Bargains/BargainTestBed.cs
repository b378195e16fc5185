using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Bargains;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Bargains;

/// <summary>
/// A migrated database with the bargain and payment services wired to it, a clock the test moves, one product
/// (price ¥100) and an admin. Payments go through the sandbox gateway and its signed callbacks, as in production.
/// </summary>
public sealed class BargainTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    public const decimal Price = 100m;

    private BargainTestBed(TestDatabase db, Product product, ClaimsPrincipal admin, int seed)
    {
        Db = db;
        Product = product;
        Admin = admin;
        Clock = new FakeTimeProvider(Start);
        Sandbox = new SandboxGateway(Options.Create(new SandboxOptions()));
        Payments = new PaymentService(db.Factory, Sandbox, new ConfiguredPublicOrigin(new Uri("https://shop.example.test/")), Clock);
        Callbacks = new PaymentCallbackProcessor(db.Factory, Sandbox, Clock, new OutboxSignal());
        Sweeper = new UnpaidOrderSweeper(db.Factory, Clock, new OutboxSignal());
        var pricing = new PricingPipeline([new ShippingAdjuster(Options.Create(new ShippingOptions()))]);
        Directory = new BargainDirectory(db.Factory, Clock);
        Service = new BargainService(db.Factory, Clock, pricing, Options.Create(new CheckoutOptions()), Directory, new BargainRandom(new Random(seed)));
        Queries = new BargainQueries(db.Factory, Clock, Directory);
    }

    public TestDatabase Db { get; }

    public IDbContextFactory<SocialStoreDbContext> Factory => Db.Factory;

    public Product Product { get; }

    public long SkuId => Product.Skus.Single().Id;

    public ClaimsPrincipal Admin { get; }

    public FakeTimeProvider Clock { get; }

    public SandboxGateway Sandbox { get; }

    public PaymentService Payments { get; }

    public PaymentCallbackProcessor Callbacks { get; }

    public UnpaidOrderSweeper Sweeper { get; }

    public BargainDirectory Directory { get; }

    public BargainService Service { get; }

    public BargainQueries Queries { get; }

    public static async Task<BargainTestBed> CreateAsync(DatabaseProvider provider, int productStock = 100, int seed = 42)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var product = await CatalogTestData.SimpleAsync(db.Factory, "砍价台灯 " + Guid.NewGuid().ToString("N")[..6], Price, productStock);
        var admin = await TestData.UserAsync(db.Factory, "admin" + Guid.NewGuid().ToString("N")[..8]);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        return new BargainTestBed(db, product, principal, seed);
    }

    public BargainCampaignInput Input(decimal floor = 9.9m, int helpers = 5, int stock = 20, int minutes = BargainCampaign.DefaultTimeLimitMinutes) =>
        new(SkuId, floor, helpers, minutes, Start.AddHours(-1), Start.AddDays(7), stock);

    public Task<long> CampaignAsync(decimal floor = 9.9m, int helpers = 5, int stock = 20, int minutes = BargainCampaign.DefaultTimeLimitMinutes) =>
        Service.CreateCampaignAsync(Admin, Input(floor, helpers, stock, minutes), default);

    /// <summary>A signed-up user with a default address.</summary>
    public async Task<string> UserAsync(string? handle = null)
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

    public static string Key() => "bg-" + Guid.NewGuid().ToString("N");

    /// <summary>Pays the order through the sandbox: a session, then the gateway's signed success callback.</summary>
    public async Task<CallbackOutcome> PayAsync(string buyerId, BargainOrder order)
    {
        var start = await Payments.StartAsync(buyerId, order.OrderNumber, default);
        Assert.Equal(PayStartKind.Redirect, start.Kind);
        string session;
        await using (var db = await Factory.CreateDbContextAsync())
            session = await db.Payments.Where(p => p.OrderId == order.OrderId).OrderByDescending(p => p.Id).Select(p => p.SessionId).FirstAsync();
        var s = Sandbox.ReadSession(session)!;
        var body = new SandboxCallbackBody("cb_" + Guid.NewGuid().ToString("N"), session, SandboxCallbackBody.Succeeded, s.Amount, "CNY",
            Sandbox.TransactionIdFor(session), Clock.GetUtcNow()).ToJson();
        return await Callbacks.HandleSandboxAsync(body, Sandbox.Sign(body), "127.0.0.1", default);
    }

    public async Task<Bargain> BargainAsync(long id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Bargains.AsNoTracking().SingleAsync(b => b.Id == id);
    }

    public async Task<List<BargainCut>> CutsAsync(long id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.BargainCuts.AsNoTracking().Where(c => c.BargainId == id).OrderBy(c => c.Sequence).ToListAsync();
    }

    public async Task<int> CampaignStockAsync(long campaignId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.BargainCampaigns.Where(c => c.Id == campaignId).Select(c => c.Stock).SingleAsync();
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
