using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Levels;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Points;
using SocialStore.Domain.Reviews;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Domain.Points;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Levels;

/// <summary>ADR-048: growth ledger, inclusive level thresholds, the points-rate privilege, refunds lowering the level, badges from real rows, the editor's validation.</summary>
public class LevelsTests
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, "levels-admin"), new(ClaimTypes.Role, Roles.Admin)], "test"));
    private static readonly ClaimsPrincipal Moderator = new(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, "mod"), new(ClaimTypes.Role, Roles.Moderator)], "test"));

    [Theory]
    [InlineData(0, "V0")]
    [InlineData(499, "V0")]
    [InlineData(500, "V1")]
    [InlineData(1999, "V1")]
    [InlineData(2000, "V2")]
    [InlineData(10_000, "V3")]
    [InlineData(int.MaxValue, "V3")]
    public void For_ThresholdsAreInclusive(int growth, string expected) =>
        Assert.Equal(expected, LevelRules.For(LevelRules.Defaults, growth).Name);

    [Fact]
    public async Task SaveLevels_BadTablesRefusedAndNothingChanged_ModeratorRefused_GoodTableSaved()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var service = new MemberLevelService(bed.Db.Factory, bed.Clock);
        async Task<string> Refused(ClaimsPrincipal who, params LevelInput[] levels) =>
            (await Assert.ThrowsAsync<DomainException>(() => service.SaveLevelsAsync(who, levels, default))).Code;

        Assert.Equal(LevelsErrors.AdminOnly, await Refused(Moderator, new LevelInput("V0", 0, 100)));
        Assert.Equal(LevelsErrors.NoLevels, await Refused(Admin));
        Assert.Equal(LevelsErrors.FirstNotZero, await Refused(Admin, new LevelInput("V0", 10, 100)));
        Assert.Equal(LevelsErrors.NotIncreasing, await Refused(Admin, new LevelInput("V0", 0, 100), new LevelInput("V1", 0, 100)));
        Assert.Equal(LevelsErrors.NotIncreasing, await Refused(Admin, new LevelInput("V0", 0, 100), new LevelInput("V1", 500, 100), new LevelInput("V2", 400, 100)));
        Assert.Equal(LevelsErrors.NameInvalid, await Refused(Admin, new LevelInput("  ", 0, 100)));
        Assert.Equal(LevelsErrors.NameInvalid, await Refused(Admin, new LevelInput(new string('x', 21), 0, 100)));
        Assert.Equal(LevelsErrors.RateInvalid, await Refused(Admin, new LevelInput("V0", 0, 99)));
        Assert.Equal(LevelsErrors.TooMany, await Refused(Admin, [.. Enumerable.Range(0, 11).Select(i => new LevelInput("L" + i, i * 10, 100))]));
        Assert.Equal(0, await bed.QueryAsync(db => db.MemberLevels.CountAsync()));
        Assert.Equal(LevelRules.Defaults, await service.LevelsForAdminAsync(Admin, default));

        await service.SaveLevelsAsync(Admin, [new(" 新人 ", 0, 100), new("银卡", 100, 150), new("金卡", 1000, 200)], default);
        await service.SaveLevelsAsync(Admin, [new("新人", 0, 100), new("银卡", 100, 150), new("金卡", 1000, 200)], default);

        Assert.Equal([new("新人", 0, 100), new("银卡", 100, 150), new("金卡", 1000, 200)], await service.LevelsForAdminAsync(Admin, default));
        Assert.Equal(3, await bed.QueryAsync(db => db.MemberLevels.CountAsync()));
        Assert.Equal("银卡", LevelRules.For(await service.LevelsAsync(default), 100).Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PaidOrder_CreditsGrowth_LevelMultipliesPoints_RefundLowersTheLevel(DatabaseProvider provider)
    {
        await using var bed = await PointsTestBed.CreateAsync(provider);
        var service = new MemberLevelService(bed.Db.Factory, bed.Clock);
        await service.SaveLevelsAsync(Admin, [new("V0", 0, 100), new("V1", 120, 200)], default);
        var buyer = await bed.UserAsync("grower");
        var cream = await bed.ProductAsync("面霜", 120.5m);
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 120.5m, 1));
        var placed = await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [], PricingChoices.Auto), default);
        var order = await bed.QueryAsync(db => db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync(o => o.Id == placed.OrderId));
        Assert.Null(await bed.QueryAsync(db => db.GrowthEntries.FirstOrDefaultAsync(e => e.UserId == buyer.Id)));

        // Paid: ¥120.50 → 120 growth, exactly the V1 threshold (inclusive).
        await OrderTestData.PayAsync(bed.Db.Factory, order);
        var paid = await service.StandingAsync(buyer.Id, default);
        Assert.Equal((120, "V1", 1), (paid!.Growth, paid.Level.Name, paid.LevelRank));
        Assert.Null(paid.Next);

        // Completed at V1: purchase points earn at 200 % of the base rate (1 per yuan).
        await bed.MoveAsync(order.Id, OrderStatus.Paid, OrderStatus.Shipped, OrderActor.Admin);
        await bed.MoveAsync(order.Id, OrderStatus.Shipped, OrderStatus.Delivered);
        await bed.MoveAsync(order.Id, OrderStatus.Delivered, OrderStatus.Completed, OrderActor.Buyer);
        await bed.AssertConsistentAsync(buyer.Id, 241);

        // A ¥10 partial refund takes back ceil(120 × 10 / 120.5) = 10 growth, once however often the hook runs: back to V0.
        var line = order.Lines.Single();
        await bed.QueryAsync(db => db.OrderLines.Where(l => l.Id == line.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.RefundedAmount, 10m)));
        for (var i = 0; i < 2; i++)
        {
            await using var db = await bed.Db.Factory.CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await OrderHooks.OnLineRefundedAsync(db, 7001, order.Id, line.Id, 10m, bed.Clock.GetUtcNow(), default);
            await tx.CommitAsync();
        }
        var refunded = await service.StandingAsync(buyer.Id, default);
        Assert.Equal((110, "V0", 0), (refunded!.Growth, refunded.Level.Name, refunded.LevelRank));
        Assert.Equal(("V1", 120), (refunded.Next!.Name, refunded.Next.Threshold));

        // The rest refunded: all 120 taken back in total, never more.
        await bed.QueryAsync(db => db.OrderLines.Where(l => l.Id == line.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.RefundedAmount, line.Payable)));
        await using (var db = await bed.Db.Factory.CreateDbContextAsync())
            await OrderHooks.OnLineRefundedAsync(db, 7002, order.Id, line.Id, line.Payable - 10m, bed.Clock.GetUtcNow(), default);
        Assert.Equal(0, await bed.QueryAsync(db => db.GrowthEntries.Where(e => e.UserId == buyer.Id).SumAsync(e => e.Amount)));
        Assert.Equal(3, await bed.QueryAsync(db => db.GrowthEntries.CountAsync(e => e.UserId == buyer.Id)));

        var ledger = await service.MemberAsync(Admin, "@grower", default);
        Assert.Equal([-110, -10, 120], ledger!.Entries.Select(e => e.Amount));
        Assert.All(ledger.Entries, e => Assert.Equal(order.Number, e.OrderNumber));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SameSource_TwentyInParallel_CreditedOnce(DatabaseProvider provider)
    {
        await using var bed = await PointsTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("racer");
        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 20).Select(async _ =>
        {
            await gate.WaitAsync();
            await using var db = await bed.Db.Factory.CreateDbContextAsync();
            return await GrowthLedger.AppendAsync(db, author.Id, GrowthLedger.NotePoints, GrowthKind.Note, "growth-note:42", bed.Clock.GetUtcNow(), default);
        }).ToList();
        gate.Release(20);
        var results = await Task.WhenAll(tasks);

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(1, await bed.QueryAsync(db => db.GrowthEntries.CountAsync(e => e.UserId == author.Id)));
        Assert.Equal(GrowthLedger.NotePoints, await bed.QueryAsync(db => GrowthLedger.ValueAsync(db, author.Id, default)));
    }

    [Fact]
    public async Task Badges_ComeFromRealRows()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var service = new MemberLevelService(bed.Db.Factory, bed.Clock);
        var creator = await bed.UserAsync("creator");
        var nobody = await bed.UserAsync("nobody");
        Assert.Empty((await service.StandingAsync(creator.Id, default))!.Badges);
        Assert.Null(await service.StandingAsync("no-such-user", default));

        // A draft is not a first note; a published note is.
        var draft = SocialStore.Domain.Notes.Note.Create(creator.Id, "草稿", "正文", [], bed.Clock.GetUtcNow(), draft: true);
        await bed.QueryAsync(async db => { db.Notes.Add(draft); return await db.SaveChangesAsync(); });
        Assert.Empty((await service.StandingAsync(creator.Id, default))!.Badges);
        var note = await TestData.NoteAsync(bed.Db.Factory, creator.Id, "好物分享");
        Assert.Equal([Badge.FirstNote], (await service.StandingAsync(creator.Id, default))!.Badges);

        // 99 likes are not enough, 100 are.
        await bed.QueryAsync(db => db.Notes.Where(n => n.Id == note.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, 99)));
        Assert.DoesNotContain(Badge.PopularNote, (await service.StandingAsync(creator.Id, default))!.Badges);
        await bed.QueryAsync(db => db.Notes.Where(n => n.Id == note.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, 100)));

        // A review of a delivered purchase.
        var product = await bed.ProductAsync("面霜", 10m);
        await bed.QueryAsync(async db =>
        {
            var purchase = new PurchaseRecord { UserId = creator.Id, ProductId = product.ProductId, SkuId = product.SkuId, Source = PurchaseSource.Order, PurchasedAt = bed.Clock.GetUtcNow() };
            db.PurchaseRecords.Add(purchase);
            await db.SaveChangesAsync();
            db.Reviews.Add(Review.Write(purchase, creator.Id, 5, "很好用，推荐", [], bed.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        Assert.Equal([Badge.FirstNote, Badge.PopularNote, Badge.VerifiedReviewer], (await service.StandingAsync(creator.Id, default))!.Badges);
        Assert.Empty((await service.StandingAsync(nobody.Id, default))!.Badges);
    }
}
