using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.BackOffice;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace SocialStore.Tests.Domain.BackOffice;

public sealed class BackOfficeQueriesTests : IDisposable
{

    /// <summary>Mid-morning in UTC, the zone most tests read days in.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = new(2026, 11, 20);

    private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-backoffice-media", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
    }

    private static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    private RefundService Refunds(TestDatabase db, TimeProvider clock) =>
        new(db.Factory, OrderTestData.Gateway,
            new ImagePipeline(new LocalMediaStore(mediaRoot), clock, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance), clock);

    private static async Task<Order> PaidOrderAsync(TestDatabase db, string buyerId, Sku sku, int quantity, DateTimeOffset paidAt)
    {
        var order = await OrderTestData.PendingAsync(db.Factory, buyerId, [new(sku, quantity)], shipping: 10m, at: paidAt.AddMinutes(-5));
        await OrderTestData.PayAsync(db.Factory, order, paidAt);
        return order;
    }

    private static async Task IncidentAsync(TestDatabase db, DateTimeOffset at)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        context.PaymentIncidents.Add(new PaymentIncident
        {
            Provider = SandboxGateway.Name,
            Kind = PaymentIncidentKind.BadSignature,
            Body = "{}",
            Detail = "signature",
            ReceivedAt = at,
        });
        await context.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiguresAsync_Admin_CountsRealRows(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var admin = await TestData.UserAsync(db.Factory, "boss");
        var adminPrincipal = Principal(admin.Id, Roles.Admin);
        var buyer = await TestData.UserAsync(db.Factory, "buyer");

        // Stock: on-sale SKUs at 3 and 5 are low (≤ 5), 6 is not; an off-shelf product and an inactive SKU never count.
        await CatalogTestData.ProductAsync(db.Factory, "面霜", [CatalogTestData.Colour], [new(["红"], 99m, 99m, 3), new(["白"], 99m, 99m, 6)]);
        await CatalogTestData.SimpleAsync(db.Factory, "精华", 199m, stock: 5);
        await CatalogTestData.ProductAsync(db.Factory, "旧款", [], [new([], 50m, 50m, 1)], status: ProductStatus.OffShelf);
        await CatalogTestData.ProductAsync(db.Factory, "停售色", [CatalogTestData.Colour], [new(["红"], 20m, 20m, 0, IsActive: false), new(["白"], 20m, 20m, 80)]);
        var stocked = (await CatalogTestData.SimpleAsync(db.Factory, "口红", 100m, stock: 100)).Skus[0];

        await OrderTestData.PendingAsync(db.Factory, buyer.Id, [new(stocked, 1)], at: Now.AddMinutes(-30)); // unpaid: nothing
        var paidToday = await PaidOrderAsync(db, buyer.Id, stocked, 2, Now.AddHours(-2));                 // 210
        var shippedToday = await PaidOrderAsync(db, buyer.Id, stocked, 1, Now.AddHours(-1));              // 110
        await OrderTestData.ShipAsync(db.Factory, shippedToday, Now.AddMinutes(-30));
        var threeDaysAgo = await PaidOrderAsync(db, buyer.Id, stocked, 1, Now.AddDays(-3));
        await PaidOrderAsync(db, buyer.Id, stocked, 1, Now.AddDays(-20));                                  // before the chart

        var refunds = Refunds(db, clock);
        await refunds.RequestAsync(buyer.Id, paidToday.Number, paidToday.Lines[0].Id, null, "不想要了", [], CancellationToken.None);
        var rejected = await refunds.RequestAsync(buyer.Id, threeDaysAgo.Number, threeDaysAgo.Lines[0].Id, null, "尺码不合适", [], CancellationToken.None);
        await refunds.RejectAsync(adminPrincipal, rejected, "已拆封", CancellationToken.None);

        await IncidentAsync(db, Now.AddHours(-2));
        await IncidentAsync(db, Now.AddHours(-23));
        await IncidentAsync(db, Now.AddHours(-25)); // older than 24 h

        var figures = await new BackOfficeQueries(db.Factory, clock).FiguresAsync(adminPrincipal, TimeZoneInfo.Utc, CancellationToken.None);

        Assert.Equal(3, figures.OrdersToShip);          // paid today, three days ago, twenty days ago (not the shipped one)
        Assert.Equal(1, figures.OpenRefunds);           // the rejected one is decided
        Assert.Equal(2, figures.LowStockSkus);          // 3 and 5
        Assert.Equal(2, figures.PaymentIncidents24h);
        Assert.Equal(2, figures.PaidOrdersToday);       // shipped or not, both were paid today
        Assert.Equal(210m + 110m, figures.RevenueToday);
    }

    [Fact]
    public async Task FiguresAsync_Last14Days_FourteenDaysEndingTodayWithTodaysPaidOrdersLast()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(Now);
        var admin = Principal((await TestData.UserAsync(db.Factory, "boss")).Id, Roles.Admin);
        var buyer = await TestData.UserAsync(db.Factory, "buyer");
        var sku = (await CatalogTestData.SimpleAsync(db.Factory, "口红", 100m, stock: 100)).Skus[0];
        await PaidOrderAsync(db, buyer.Id, sku, 1, Now.AddHours(-9));   // today 01:00
        await PaidOrderAsync(db, buyer.Id, sku, 3, Now.AddHours(-1));   // today 09:00
        await PaidOrderAsync(db, buyer.Id, sku, 1, Now.AddHours(-11));  // yesterday 23:00
        await PaidOrderAsync(db, buyer.Id, sku, 1, Now.AddDays(-13));   // the first day of the chart
        await PaidOrderAsync(db, buyer.Id, sku, 1, Now.AddDays(-14));   // one day too early

        var figures = await new BackOfficeQueries(db.Factory, clock).FiguresAsync(admin, TimeZoneInfo.Utc, CancellationToken.None);

        var days = figures.Last14Days;
        Assert.Equal(BackOfficeQueries.ChartDays, days.Count);
        Assert.Equal(Enumerable.Range(0, 14).Select(i => Today.AddDays(i - 13)), days.Select(d => d.Day));
        Assert.Equal(new DailyOrders(Today, 2, 110m + 310m), days[^1]);
        Assert.Equal(new DailyOrders(Today.AddDays(-1), 1, 110m), days[^2]);
        Assert.Equal(new DailyOrders(Today.AddDays(-13), 1, 110m), days[0]);
        Assert.Equal(4, days.Sum(d => d.Orders));
        Assert.Equal((2, 420m), (figures.PaidOrdersToday, figures.RevenueToday));
    }

    [Fact]
    public async Task FiguresAsync_DaysAreCalendarDaysInTheGivenZone()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var shanghai = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
        var now = new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero); // 21 Nov 01:00 in UTC+8
        var admin = Principal((await TestData.UserAsync(db.Factory, "boss")).Id, Roles.Admin);
        var buyer = await TestData.UserAsync(db.Factory, "buyer");
        var sku = (await CatalogTestData.SimpleAsync(db.Factory, "口红", 100m, stock: 100)).Skus[0];
        await PaidOrderAsync(db, buyer.Id, sku, 1, now.AddMinutes(-30));  // 00:30 on the 21st there
        await PaidOrderAsync(db, buyer.Id, sku, 1, now.AddMinutes(-90));  // 23:30 on the 20th there

        var figures = await new BackOfficeQueries(db.Factory, new FakeTimeProvider(now)).FiguresAsync(admin, shanghai, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 11, 21), figures.Last14Days[^1].Day);
        Assert.Equal((1, 1), (figures.Last14Days[^1].Orders, figures.Last14Days[^2].Orders));
        Assert.Equal(1, figures.PaidOrdersToday);
    }

    [Fact]
    public async Task FiguresAsync_EmptyShop_ZerosAndFourteenEmptyDays()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var admin = Principal((await TestData.UserAsync(db.Factory, "boss")).Id, Roles.Admin);

        var figures = await new BackOfficeQueries(db.Factory, new FakeTimeProvider(Now)).FiguresAsync(admin, TimeZoneInfo.Utc, CancellationToken.None);

        Assert.Equal((0, 0, 0, 0, 0, 0m), (figures.OrdersToShip, figures.OpenRefunds, figures.LowStockSkus, figures.PaymentIncidents24h, figures.PaidOrdersToday, figures.RevenueToday));
        Assert.Equal(14, figures.Last14Days.Count);
        Assert.All(figures.Last14Days, d => Assert.Equal((0, 0m), (d.Orders, d.Revenue)));
    }

    public static TheoryData<string> Outsiders => new() { "moderator", "member", "anonymous" };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task FiguresAsync_NotAnAdmin_Refused(string who)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var user = await TestData.UserAsync(db.Factory, "mod");
        var actor = who switch
        {
            "moderator" => Principal(user.Id, Roles.Moderator),
            "member" => Principal(user.Id),
            _ => new ClaimsPrincipal(new ClaimsIdentity()),
        };

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            new BackOfficeQueries(db.Factory, new FakeTimeProvider(Now)).FiguresAsync(actor, TimeZoneInfo.Utc, CancellationToken.None));

        Assert.Equal(BackOfficeErrors.AdminOnly, error.Code);
    }
}
