using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Points;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Points;

/// <summary>Points at checkout after the coupon, locked with the order, restored once on cancel, earned on completion, returned pro rata on line refunds.</summary>
public sealed class PointsCheckoutTests : IDisposable
{
    private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-points-media", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
    }

    private static CouponTemplateInput Coupon(decimal threshold, decimal amount) =>
        new("满减", CouponKind.SpendAndSave, threshold, amount, 0, 0m, CouponScope.AllProducts, null, [], PointsTestBed.Start.AddHours(-1), PointsTestBed.Start.AddDays(7), null, 100, 1);

    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, "points-admin"), new(ClaimTypes.Role, Roles.Admin)], "test"));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PlaceOrder_CouponThenPoints_ExactAmounts_CancelRestoresPointsOnce(DatabaseProvider provider)
    {
        await using var bed = await PointsTestBed.CreateAsync(provider);
        var buyer = await bed.UserAsync("buyer");
        await bed.CreditAsync(buyer.Id, 10000, "referral:seed");
        var template = await bed.Coupons.CreateAsync(Admin, Coupon(100m, 20m), default);
        var coupon = (await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default)).CouponId;
        var cream = await bed.ProductAsync("面霜", 89.9m);
        var mask = await bed.ProductAsync("面膜", 33.33m);
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 89.9m, 1), (mask.ProductId, mask.SkuId, 33.33m, 1));

        // Goods 123.23 − coupon 20 = 103.23; at most 50 % → 5161 points; 1234 points = ¥12.34; shipping free (subtotal ≥ 99).
        var tooMany = await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PreviewAsync(buyer.Id, [], new PricingChoices(coupon, Points: 5162), default));
        Assert.Equal(PointsErrors.AboveMaxShare, tooMany.Code);
        var placed = await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [], new PricingChoices(coupon, Points: 1234)), default);

        Assert.Equal(90.89m, placed.Total);
        var order = await bed.QueryAsync(db => db.Orders.Include(o => o.Lines).Include(o => o.Adjustments).ThenInclude(a => a.Allocations).AsNoTracking().SingleAsync(o => o.Id == placed.OrderId));
        Assert.Equal(order.Total, order.Lines.Sum(l => l.Payable));
        var points = order.Adjustments.Single(a => a.Kind == PointsOrders.AdjustmentKind);
        Assert.Equal(-12.34m, points.Amount);
        Assert.Equal(points.Amount, points.Allocations.Sum(a => a.Amount));
        await bed.AssertConsistentAsync(buyer.Id, 10000 - 1234);

        await bed.MoveAsync(order.Id, OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderActor.Buyer);
        await bed.AssertConsistentAsync(buyer.Id, 10000);
        // The hook again (a replayed move) gives nothing back twice.
        await using (var db = await bed.Db.Factory.CreateDbContextAsync())
            await PointsOrders.OnMovedAsync(db, order.Id, OrderStatus.Cancelled, bed.Clock.GetUtcNow(), default);
        await bed.AssertConsistentAsync(buyer.Id, 10000);
        Assert.Equal(CouponState.Available, (await bed.QueryAsync(db => db.Coupons.SingleAsync(c => c.Id == coupon))).State);
    }

    [Fact]
    public async Task PlaceOrder_MorePointsThanTheBalance_RefusedAndNothingWritten()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var buyer = await bed.UserAsync("poor");
        await bed.CreditAsync(buyer.Id, 10, "referral:seed");
        var cream = await bed.ProductAsync("面霜", 50m);
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 50m, 1));

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [], new PricingChoices(Points: 11)), default));

        Assert.Equal(PointsErrors.NotEnough, ex.Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.Orders.CountAsync()));
        await bed.AssertConsistentAsync(buyer.Id, 10);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RefundLines_OfAPointsOrder_PointsBackProRataAndExactlyOnceInTotal(DatabaseProvider provider)
    {
        await using var bed = await PointsTestBed.CreateAsync(provider);
        var images = new ImagePipeline(new LocalMediaStore(mediaRoot), TimeProvider.System, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        var refunds = new RefundService(bed.Db.Factory, OrderTestData.Gateway, images, TimeProvider.System);
        var admin = await bed.UserAsync("admin");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var buyer = await bed.UserAsync("buyer");
        await bed.CreditAsync(buyer.Id, 3000, "referral:seed");
        var shirt = await bed.ProductAsync("T恤", 29.9m);
        var socks = await bed.ProductAsync("袜子", 16.61m);
        var address = await bed.PrepareBuyerAsync(buyer.Id, (shirt.ProductId, shirt.SkuId, 29.9m, 1), (socks.ProductId, socks.SkuId, 16.61m, 3));
        // Goods 79.73, at most 50 % → 3986 points; spend 2999 (¥29.99), shipping ¥10 on top.
        var placed = await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [], new PricingChoices(NoCoupon: true, Points: 2999)), default);
        var order = await bed.QueryAsync(db => db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync(o => o.Id == placed.OrderId));
        Assert.Equal(79.73m - 29.99m + 10m, order.Total);
        await OrderTestData.PayAsync(bed.Db.Factory, order);
        var lines = order.Lines.OrderBy(l => l.SkuId).ToList();

        // Half of the first line, then the whole second line: each line's points come back in proportion to what was refunded.
        var half = decimal.Round(lines[0].Payable / 2, 2);
        var r1 = await refunds.RequestAsync(buyer.Id, order.Number, lines[0].Id, half, "部分", [], default);
        await refunds.ApproveAsync(principal, r1, false, default);
        var afterHalf = await bed.BalanceAsync(buyer.Id);
        var r2 = await refunds.RequestAsync(buyer.Id, order.Number, lines[1].Id, null, "全退", [], default);
        var d2 = await refunds.ApproveAsync(principal, r2, false, default);
        Assert.False(d2.OrderCancelled);
        var afterSecond = await bed.BalanceAsync(buyer.Id);
        var allocations = await bed.QueryAsync(db => db.OrderAdjustments.Where(a => a.OrderId == order.Id && a.Kind == PointsOrders.AdjustmentKind)
            .SelectMany(a => a.Allocations).OrderBy(a => a.OrderLineId).Select(a => a.Amount).ToListAsync());
        // 100 points = ¥1: the points on a line are its allocation in fen.
        var p0 = (int)(-allocations[0] * 100);
        var p1 = (int)(-allocations[1] * 100);
        Assert.Equal(2999, p0 + p1);
        Assert.Equal(1 + (int)decimal.Floor(p0 * half / lines[0].Payable), afterHalf);
        Assert.Equal(afterHalf + p1, afterSecond);

        // The order is then cancelled by the shop: only what is still out comes back; in total exactly 2999.
        await bed.MoveAsync(order.Id, OrderStatus.Paid, OrderStatus.Cancelled, OrderActor.Admin);
        await bed.AssertConsistentAsync(buyer.Id, 3000);
        var spentOnLines = await bed.QueryAsync(db => db.PointsEntries.Where(e => e.OrderId == order.Id && e.Kind == PointsKind.SpendRefunded).SumAsync(e => e.Amount));
        var restored = await bed.QueryAsync(db => db.PointsEntries.Where(e => e.OrderId == order.Id && e.Kind == PointsKind.SpendRestored).SumAsync(e => (int?)e.Amount));
        Assert.Equal(2999, spentOnLines + (restored ?? 0));
    }

    [Fact]
    public async Task Complete_EarnsOnWhatWasPaid_AndALaterLineRefundTakesItBackEvenBelowZero()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var buyer = await bed.UserAsync("earner");
        var cream = await bed.ProductAsync("面霜", 120.5m);
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 120.5m, 1));
        var placed = await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [], PricingChoices.Auto), default);
        var order = await bed.QueryAsync(db => db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync(o => o.Id == placed.OrderId));
        await OrderTestData.PayAsync(bed.Db.Factory, order);
        await bed.MoveAsync(order.Id, OrderStatus.Paid, OrderStatus.Shipped, OrderActor.Admin);
        await bed.MoveAsync(order.Id, OrderStatus.Shipped, OrderStatus.Delivered);
        await bed.MoveAsync(order.Id, OrderStatus.Delivered, OrderStatus.Completed, OrderActor.Buyer);

        // 1 point per whole yuan of ¥120.50 paid.
        await bed.AssertConsistentAsync(buyer.Id, 120);
        var line = order.Lines.Single();

        // The points are spent elsewhere, then the line is refunded in full: all 120 are taken back, the balance goes negative.
        await using (var db = await bed.Db.Factory.CreateDbContextAsync())
            await PointsLedger.SpendAsync(db, buyer.Id, 100, "test-spend:elsewhere", bed.Clock.GetUtcNow(), default);
        await bed.QueryAsync(db => db.OrderLines.Where(l => l.Id == line.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.RefundedAmount, line.Payable)));
        await using (var db = await bed.Db.Factory.CreateDbContextAsync())
        {
            await OrderHooks.OnLineRefundedAsync(db, 9001, order.Id, line.Id, line.Payable, bed.Clock.GetUtcNow(), default);
            await OrderHooks.OnLineRefundedAsync(db, 9001, order.Id, line.Id, line.Payable, bed.Clock.GetUtcNow(), default);
        }
        await bed.AssertConsistentAsync(buyer.Id, -100);

        // Earning repays the debt first.
        await bed.CreditAsync(buyer.Id, 150, "referral:later");
        await bed.AssertConsistentAsync(buyer.Id, 50);
    }
}
