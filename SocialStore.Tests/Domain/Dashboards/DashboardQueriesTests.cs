using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Dashboards;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Recommendations;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Dashboards;

public sealed class DashboardQueriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly DashboardRange Week = DashboardRange.Create(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 16));

    private static DateTimeOffset At(int day, int hour = 12) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);

    private static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    private static async Task<Order> PaidAsync(TestDatabase db, string buyerId, IReadOnlyList<OrderTestData.Item> items, DateTimeOffset paidAt)
    {
        var order = await OrderTestData.PendingAsync(db.Factory, buyerId, items, shipping: 10m, at: paidAt.AddMinutes(-5));
        await OrderTestData.PayAsync(db.Factory, order, paidAt);
        return order;
    }

    private static BehaviourEvent Event(BehaviourKind kind, string? userId, DateTimeOffset at) =>
        new() { Kind = kind, UserId = userId, ClientKey = userId is null ? "c:127.0.0.1" : $"u:{userId}", OccurredAt = at, Personalised = true };

    /// <summary>
    /// The fixture (UTC, range 10–16 Nov, today 20 Nov). Orders paid in the range: a 110 (10th), b 210 refunded 60 (12th),
    /// a 60 with a 15 coupon (16th); outside it: d 110 (17th), b 60 with a 5 coupon (9th); c's order of the 14th is unpaid.
    /// Paying writes one Pay event per product (ADR-045), which counts as activity. Seeded events: a views 10th, 11th, 17th
    /// and views a product the 10th; b views the 9th and a product the 12th; c views 14th and 15th and a product the 14th;
    /// e views the 16th; f views the 1st; a visitor views the 12th. Groups closed in the range: 2 succeeded, 1 failed,
    /// 1 refunded, 1 abandoned; outside: 1 succeeded the 18th, 1 still open.
    /// </summary>
    private static async Task<ClaimsPrincipal> SeedAsync(TestDatabase db)
    {
        var admin = Principal((await TestData.UserAsync(db.Factory, "boss")).Id, Roles.Admin);
        var users = new Dictionary<string, string>();
        foreach (var handle in new[] { "a", "b", "c", "d", "e", "f" }) users[handle] = (await TestData.UserAsync(db.Factory, "user" + handle)).Id;
        var cream = (await CatalogTestData.SimpleAsync(db.Factory, "面霜", 100m, stock: 100)).Skus[0];
        var serum = (await CatalogTestData.SimpleAsync(db.Factory, "精华", 50m, stock: 100)).Skus[0];

        await PaidAsync(db, users["a"], [new(cream, 1)], At(10));
        var refunded = await PaidAsync(db, users["b"], [new(cream, 1), new(serum, 2)], At(12));
        var couponed = await PaidAsync(db, users["a"], [new(serum, 1)], At(16, 23));
        await OrderTestData.PendingAsync(db.Factory, users["c"], [new(serum, 1)], at: At(14));
        await PaidAsync(db, users["d"], [new(cream, 1)], At(17));
        var early = await PaidAsync(db, users["b"], [new(serum, 1)], At(9));

        await using var context = await db.Factory.CreateDbContextAsync();
        await context.Orders.Where(o => o.Id == refunded.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.RefundedAmount, 60m));
        context.OrderAdjustments.Add(new OrderAdjustment { OrderId = couponed.Id, Position = 1, Kind = CouponAdjuster.Kind, Label = "券", Amount = -15m });
        context.OrderAdjustments.Add(new OrderAdjustment { OrderId = early.Id, Position = 1, Kind = CouponAdjuster.Kind, Label = "券", Amount = -5m });
        context.BehaviourEvents.AddRange(
            Event(BehaviourKind.View, users["a"], At(10)), Event(BehaviourKind.ProductView, users["a"], At(10, 13)),
            Event(BehaviourKind.View, users["a"], At(11)), Event(BehaviourKind.View, users["a"], At(17)),
            Event(BehaviourKind.View, users["b"], At(9)), Event(BehaviourKind.ProductView, users["b"], At(12, 9)),
            Event(BehaviourKind.View, users["c"], At(14)), Event(BehaviourKind.ProductView, users["c"], At(14, 13)), Event(BehaviourKind.View, users["c"], At(15)),
            Event(BehaviourKind.View, users["e"], At(16)),
            Event(BehaviourKind.View, users["f"], At(1)),
            Event(BehaviourKind.View, null, At(12)));

        var campaign = new GroupBuyCampaign { ProductId = cream.ProductId, SkuId = cream.Id, GroupPrice = 80m, GroupSize = 2, StartsAt = At(1), EndsAt = At(30), Stock = 10, InitialStock = 10, CreatedById = users["f"], CreatedAt = At(1) };
        context.GroupBuyCampaigns.Add(campaign);
        await context.SaveChangesAsync();
        GroupBuyGroup Group(GroupBuyStatus status, DateTimeOffset? closedAt) =>
            new() { CampaignId = campaign.Id, LeaderId = users["a"], Status = status, Size = 2, CreatedAt = At(1), ClosedAt = closedAt };
        context.GroupBuyGroups.AddRange(
            Group(GroupBuyStatus.Succeeded, At(11)), Group(GroupBuyStatus.Succeeded, At(16, 22)), Group(GroupBuyStatus.Failed, At(13)),
            Group(GroupBuyStatus.Refunded, At(14)), Group(GroupBuyStatus.Abandoned, At(12)),
            Group(GroupBuyStatus.Succeeded, At(18)), Group(GroupBuyStatus.Open, null));
        await context.SaveChangesAsync();
        return admin;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiguresAsync_SeededFixture_ExactFigures(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var admin = await SeedAsync(db);

        var f = await new DashboardQueries(db.Factory, new FakeTimeProvider(Now)).FiguresAsync(admin, Week, TimeZoneInfo.Utc, CancellationToken.None);

        Assert.Equal(110m + 210m + 60m, f.Gmv);
        Assert.Equal(380m - 60m, f.NetGmv);
        Assert.Equal(3, f.Orders);
        Assert.Equal(2, f.PayingUsers);
        Assert.Equal(15m, f.CouponCost);
        Assert.Equal((2, 2, 0.5m), (f.GroupsSucceeded, f.GroupsFailed, f.GroupBuySuccessRate));
        Assert.Equal(
            [new(DashboardQueries.StepNoteView, 3, true), new(DashboardQueries.StepProductView, 3, true), new(DashboardQueries.StepCart, 0, false),
             new(DashboardQueries.StepOrder, 3, true), new(DashboardQueries.StepPaid, 2, true)],
            f.Funnel);
        Assert.Equal((2, 4, 5), (f.Dau, f.Wau, f.Mau));     // 16th: a (pay), e; week: a b c e; 30 days: and f
        Assert.Equal([new Retention(1, 3, 2), new Retention(7, 1, 1), new Retention(30, 0, 0)], f.Retention);
        Assert.Equal((0.6667m, 1m, (decimal?)null), (f.Retention[0].Rate, f.Retention[1].Rate, f.Retention[2].Rate));

        Assert.Equal(7, f.Daily.Count);
        Assert.Equal(new DashboardDay(new DateOnly(2026, 11, 10), 1, 110m, 110m, 1, 1), f.Daily[0]);
        Assert.Equal(new DashboardDay(new DateOnly(2026, 11, 12), 1, 210m, 150m, 1, 1), f.Daily[2]);
        Assert.Equal(new DashboardDay(new DateOnly(2026, 11, 13), 0, 0m, 0m, 0, 0), f.Daily[3]);
        Assert.Equal(new DashboardDay(new DateOnly(2026, 11, 16), 1, 60m, 60m, 1, 2), f.Daily[6]);
        Assert.Equal(f.Orders, f.Daily.Sum(d => d.Orders));
        Assert.Equal(f.NetGmv, f.Daily.Sum(d => d.NetGmv));

        var csv = DashboardQueries.DailyCsv(f).Split('\n');
        Assert.Equal("day,orders,gmv,net_gmv,paying_users,active_users", csv[0]);
        Assert.Equal("2026-11-12,1,210.00,150.00,1,1", csv[3]);
        Assert.Equal(9, csv.Length); // header, seven days, the final newline
    }

    [Fact]
    public async Task FiguresAsync_EmptyShop_ZerosAndNoRates()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var admin = Principal((await TestData.UserAsync(db.Factory, "boss")).Id, Roles.Admin);

        var f = await new DashboardQueries(db.Factory, new FakeTimeProvider(Now)).FiguresAsync(admin, Week, TimeZoneInfo.Utc, CancellationToken.None);

        Assert.Equal((0m, 0m, 0, 0, 0m), (f.Gmv, f.NetGmv, f.Orders, f.PayingUsers, f.CouponCost));
        Assert.Null(f.GroupBuySuccessRate);
        Assert.All(f.Funnel.Take(3), s => Assert.False(s.Recorded));
        Assert.All(f.Retention, r => Assert.Null(r.Rate));
        Assert.Equal(7, f.Daily.Count);
    }

    [Theory]
    [InlineData("2026-11-10", "2026-11-09", DashboardErrors.RangeEndBeforeStart)]
    [InlineData("2016-01-01", "2026-01-01", DashboardErrors.RangeTooLong)]
    [InlineData("2025-01-01", "2026-01-02", DashboardErrors.RangeTooLong)]
    [InlineData("2026-13-01", "2026-11-09", DashboardErrors.RangeMalformed)]
    [InlineData("yesterday", "2026-11-09", DashboardErrors.RangeMalformed)]
    [InlineData("", "2026-11-09", DashboardErrors.RangeMalformed)]
    [InlineData("2026-11-01", null, DashboardErrors.RangeMalformed)]
    public void Parse_BadRange_Refused(string? from, string? to, string code)
    {
        var error = Assert.Throws<DomainException>(() => DashboardRange.Parse(from, to));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Parse_ARangeOfAYear_Accepted()
    {
        var range = DashboardRange.Parse("2025-01-01", "2026-01-01");
        Assert.Equal(366, range.Days);
        Assert.Equal(1, DashboardRange.Parse("2026-11-10", "2026-11-10").Days);
    }

    [Theory]
    [InlineData("moderator")]
    [InlineData("member")]
    public async Task FiguresAsync_NotAnAdmin_Refused(string who)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var user = await TestData.UserAsync(db.Factory, "mod");
        var actor = who == "moderator" ? Principal(user.Id, Roles.Moderator) : Principal(user.Id);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            new DashboardQueries(db.Factory, new FakeTimeProvider(Now)).FiguresAsync(actor, Week, TimeZoneInfo.Utc, CancellationToken.None));

        Assert.Equal(DashboardErrors.AdminOnly, error.Code);
    }
}
