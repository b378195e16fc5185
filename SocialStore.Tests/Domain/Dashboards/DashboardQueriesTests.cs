using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Dashboards;
using SocialStore.Domain.Dashboards.Rollups;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Referrals;
using SocialStore.Domain.Referrals.Invites;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Dashboards;

public sealed class DashboardQueriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly DashboardRange Week = DashboardRange.Create(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 16));

    private static DateTimeOffset At(int day, int hour = 12) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);

    private static DashboardRollup Rollup(TestDatabase db, TimeProvider clock) =>
        new(db.Factory, clock, Options.Create(new DashboardRollupOptions()), TimeZoneInfo.Utc);

    private static DashboardQueries Queries(TestDatabase db, TimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(Now);
        return new DashboardQueries(db.Factory, clock, Rollup(db, clock));
    }

    /// <summary>A figure set as JSON without its source flag: roll-up and direct computation must give the same text.</summary>
    private static string Json(DashboardFigures f) => JsonSerializer.Serialize(f with { FromRollups = false }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new ValueOnlyDecimal() } };

    /// <summary>Writes a decimal by value, not scale: PostgreSQL's numeric(18,2) reads 0 back as 0.00.</summary>
    private sealed class ValueOnlyDecimal : System.Text.Json.Serialization.JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture));
    }

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
        foreach (var handle in new[] { "a", "b", "c", "d", "e", "f", "g" }) users[handle] = (await TestData.UserAsync(db.Factory, "user" + handle)).Id;
        var cream = (await CatalogTestData.SimpleAsync(db.Factory, "面霜", 100m, stock: 100)).Skus[0];
        var serum = (await CatalogTestData.SimpleAsync(db.Factory, "精华", 50m, stock: 100)).Skus[0];

        var firstOrder = await PaidAsync(db, users["a"], [new(cream, 1)], At(10));
        var refunded = await PaidAsync(db, users["b"], [new(cream, 1), new(serum, 2)], At(12));
        var couponed = await PaidAsync(db, users["a"], [new(serum, 1)], At(16, 23));
        await OrderTestData.PendingAsync(db.Factory, users["c"], [new(serum, 1)], at: At(14));
        var late = await PaidAsync(db, users["d"], [new(cream, 1)], At(17));
        await PaidAsync(db, users["g"], [new(serum, 1)], At(20, 8)); // today: live on top of the roll-ups
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
            Event(BehaviourKind.View, null, At(12)),
            Event(BehaviourKind.View, users["a"], At(20, 9)), Event(BehaviourKind.AddToCart, users["g"], At(20, 7)));

        // Attributed lines: a's first order and b's cream line (refunded 60) to note 1 by f; b's serum line to note 2 by e;
        // a's order of the 16th through e's share link; d's order of the 17th (outside the range) to note 2.
        var note1 = Note.Create(users["f"], "面霜测评", "正文", [new NoteImage { StorageKey = "seed/c.svg", Width = 3, Height = 4 }], At(1));
        var note2 = Note.Create(users["e"], "精华分享", "正文", [new NoteImage { StorageKey = "seed/c.svg", Width = 3, Height = 4 }], At(1));
        context.Notes.AddRange(note1, note2);
        await context.SaveChangesAsync();
        var lines = await context.OrderLines.Where(l => l.OrderId == firstOrder.Id || l.OrderId == refunded.Id || l.OrderId == couponed.Id || l.OrderId == late.Id)
            .Select(l => new { l.Id, l.OrderId, l.SkuId }).ToListAsync();
        long Line(Order o, Sku sku) => lines.Single(l => l.OrderId == o.Id && l.SkuId == sku.Id).Id;
        OrderLineAttribution Attributed(Order o, Sku sku, string buyer, string earner, long noteId) =>
            new() { OrderLineId = Line(o, sku), OrderId = o.Id, BuyerId = users[buyer], EarnerId = users[earner], NoteId = noteId, TouchedAt = o.CreatedAt, CreatedAt = o.CreatedAt };
        context.OrderLineAttributions.AddRange(
            Attributed(firstOrder, cream, "a", "f", note1.Id), Attributed(refunded, cream, "b", "f", note1.Id), Attributed(refunded, serum, "b", "e", note2.Id),
            Attributed(couponed, serum, "a", "e", 0), Attributed(late, cream, "d", "e", note2.Id));
        var refundedLine = Line(refunded, cream);
        await context.OrderLines.Where(l => l.Id == refundedLine).ExecuteUpdateAsync(u => u.SetProperty(l => l.RefundedAmount, 60m));

        // Invites: f brought b (11th, paid the 12th: converted) and c (13th, never paid) in the week of Monday 9 Nov; d brought e (16th).
        context.InviteBindings.AddRange(
            new InviteBinding { InviteeId = users["b"], InviterId = users["f"], BoundAt = At(11, 10) },
            new InviteBinding { InviteeId = users["c"], InviterId = users["f"], BoundAt = At(13) },
            new InviteBinding { InviteeId = users["e"], InviterId = users["d"], BoundAt = At(16) });

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

        var f = await Queries(db).FiguresAsync(admin, Week, CancellationToken.None);

        Assert.False(f.FromRollups); // nothing rolled up yet: computed from raw rows
        Assert.Equal(110m + 210m + 60m, f.Gmv);
        Assert.Equal(380m - 60m, f.NetGmv);
        Assert.Equal(3, f.Orders);
        Assert.Equal(2, f.PayingUsers);
        Assert.Equal(15m, f.CouponCost);
        Assert.Equal((2, 2, 0.5m), (f.GroupsSucceeded, f.GroupsFailed, f.GroupBuySuccessRate));
        Assert.Equal(
            [new(DashboardQueries.StepNoteView, 3, true), new(DashboardQueries.StepProductView, 3, true), new(DashboardQueries.StepCart, 0, true),
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

        Assert.Equal(
            [new KFactorWeek(new DateOnly(2026, 11, 9), 1, 2, 1, true), new KFactorWeek(new DateOnly(2026, 11, 16), 1, 1, 0, true)],
            f.KFactor);
        Assert.Equal((1.00m, 0m), (f.KFactor[0].K, f.KFactor[1].K));
        Assert.Equal((2, 3, 1, 0.50m), (f.KFactorTotal.Inviters, f.KFactorTotal.Invites, f.KFactorTotal.Converted, f.KFactorTotal.K));

        // Attributed GMV = line payables (shipping spread over lines): note 1 = 110 + 105 (60 refunded), note 2 = 105.
        Assert.Equal([("面霜测评", 2, 215m, 155m), ("精华分享", 1, 105m, 105m)], f.TopNotes.Select(n => (n.Title, n.Orders, n.Gmv, n.NetGmv)));
        Assert.Equal([("userf", 2, 215m, 155m), ("usere", 2, 165m, 165m)], f.TopCreators.Select(c => (c.Handle, c.Orders, c.Gmv, c.NetGmv)));

        var csv = DashboardCsv.Write(DashboardCsv.Daily, f)!.Split('\n');
        Assert.Equal("day,orders,gmv,net_gmv,paying_users,active_users", csv[0]);
        Assert.Equal("2026-11-12,1,210.00,150.00,1,1", csv[3]);
        Assert.Equal(9, csv.Length); // header, seven days, the final newline
        Assert.Equal("step,users,recorded\nNoteView,3,true\nProductView,3,true\nCart,0,true\nOrder,3,true\nPaid,2,true\n", DashboardCsv.Write(DashboardCsv.Funnel, f));
        Assert.Equal("day,eligible,retained,rate\nD1,3,2,0.6667\nD7,1,1,1.0000\nD30,0,0,\n", DashboardCsv.Write(DashboardCsv.Retention, f));
        Assert.StartsWith("week_start,inviters,invites,converted,invites_per_inviter,conversion,k,open\n2026-11-09,1,2,1,2.00,0.5000,1.00,true\n", DashboardCsv.Write(DashboardCsv.KFactor, f));
        Assert.Contains(",面霜测评,", DashboardCsv.Write(DashboardCsv.TopNotes, f));
        Assert.Contains(",userf,", DashboardCsv.Write(DashboardCsv.TopCreators, f));
        Assert.Null(DashboardCsv.Write("nope", f));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiguresAsync_RolledUpClosedDaysPlusLiveToday_EqualDirectComputation(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var admin = await SeedAsync(db);
        var clock = new FakeTimeProvider(Now);
        var queries = Queries(db, clock);

        var rolled = await Rollup(db, clock).RunAsync(1000, CancellationToken.None);

        Assert.Equal(19, rolled); // 1–19 Nov: from the first event to yesterday
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            Assert.True(await context.DashboardRollupDays.AllAsync(d => d.State == DashboardRollupState.Done));
            Assert.Equal(new DateOnly(2026, 11, 10).DayNumber, await context.DashboardFirstSeen.Where(s => s.UserId == context.Users.Single(u => u.Handle == "usera").Id).Select(s => s.Day).SingleAsync());
        }
        foreach (var range in new[]
        {
            Week,
            DashboardRange.Create(new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 20)),
            DashboardRange.Create(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)),
            DashboardRange.Create(new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 25)),
            DashboardRange.Create(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 9)),
        })
        {
            var fromRollups = await queries.FiguresAsync(admin, range, CancellationToken.None);
            var direct = await queries.DirectAsync(admin, range, CancellationToken.None);
            Assert.True(fromRollups.FromRollups);
            Assert.False(direct.FromRollups);
            Assert.Equal(Json(direct), Json(fromRollups));
        }

        // Today's live part is added on top: a (active before) and g (new, paid today) are both counted once.
        var today = await queries.FiguresAsync(admin, DashboardRange.Create(new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 20)), CancellationToken.None);
        Assert.Equal((2, 5), (today.Dau, today.Wau)); // 20th: a, g; 14–20: a c d e g
        Assert.Equal(new DashboardDay(new DateOnly(2026, 11, 20), 1, 60m, 60m, 1, 2), today.Daily[^1]);
        Assert.Equal(1, today.Funnel.Single(s => s.Key == DashboardQueries.StepCart).Users);

        // A second run finds nothing to do; a new closed day is scheduled and rolled the next day.
        Assert.Equal(0, await Rollup(db, clock).RunAsync(1000, CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Rollup(db, clock).RunAsync(1000, CancellationToken.None));
        var week = await queries.FiguresAsync(admin, Week, CancellationToken.None);
        Assert.True(week.FromRollups);
        Assert.Equal(Json(await queries.DirectAsync(admin, Week, CancellationToken.None)), Json(week));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RollNextAsync_TwoWorkersAtOnce_OneClaimsTheDay(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await TestData.UserAsync(db.Factory, "solo");
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            context.BehaviourEvents.Add(Event(BehaviourKind.View, user.Id, At(19)));
            await context.SaveChangesAsync();
        }
        var clock = new FakeTimeProvider(Now);
        await Rollup(db, clock).ScheduleAsync(CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Rollup(db, clock).RollNextAsync(CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r));
        await using var check = await db.Factory.CreateDbContextAsync();
        Assert.Equal(DashboardRollupState.Done, (await check.DashboardRollupDays.SingleAsync()).State);
        Assert.Equal(1, await check.DashboardOrderDays.CountAsync());
        Assert.Equal(2, await check.DashboardUserDays.CountAsync()); // Active and NoteView
        Assert.Equal(1, await check.DashboardFirstSeen.CountAsync());
    }

    [Fact]
    public async Task FiguresAsync_EmptyShop_ZerosAndNoRates()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var admin = Principal((await TestData.UserAsync(db.Factory, "boss")).Id, Roles.Admin);

        var f = await Queries(db).FiguresAsync(admin, Week, CancellationToken.None);

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
    [InlineData("9999-12-01", "9999-12-31", DashboardErrors.RangeOutOfBounds)]
    [InlineData("0001-01-01", "0001-01-02", DashboardErrors.RangeOutOfBounds)]
    [InlineData("2026-11-01'; drop table", "2026-11-02", DashboardErrors.RangeMalformed)]
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
            Queries(db).FiguresAsync(actor, Week, CancellationToken.None));

        Assert.Equal(DashboardErrors.AdminOnly, error.Code);
    }
}
