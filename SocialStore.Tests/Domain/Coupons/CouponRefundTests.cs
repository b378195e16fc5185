using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Ordering;

namespace SocialStore.Tests.Domain.Coupons;

/// <summary>
/// Refunds of an order bought with a coupon, through the real refund service: each line gives back exactly what it
/// cost after its share of the coupon, the refunds add up to what was paid, and the coupon comes back only when the
/// whole order is refunded.
/// </summary>
public sealed class CouponRefundTests : IDisposable
{
    private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-coupon-refund-media", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Infrastructure.TestDatabase.Providers), MemberType = typeof(Infrastructure.TestDatabase))]
    public async Task RefundEveryLine_OfACouponOrder_ExactToTheFen_CouponBackOnlyAtTheEnd(DatabaseProvider provider)
    {
        await using var bed = await CouponTestBed.CreateAsync(provider);
        var images = new ImagePipeline(new LocalMediaStore(mediaRoot), TimeProvider.System, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        var refunds = new RefundService(bed.Db.Factory, OrderTestData.Gateway, images, TimeProvider.System);
        var admin = await bed.UserAsync("admin");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        // Prices that do not divide evenly: ¥17 off 29.90 + 3 × 16.61 = 79.73 spreads as 6.38 / 10.62.
        var shirt = await bed.ProductAsync("T恤", 29.9m);
        var socks = await bed.ProductAsync("袜子", 16.61m);
        var template = await bed.TemplateAsync(CouponTestBed.Input(threshold: 50m, amount: 17m));
        var buyer = await bed.UserAsync("buyer");
        var coupon = (await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default)).CouponId;
        var address = await bed.PrepareBuyerAsync(buyer.Id, (shirt.ProductId, shirt.SkuId, 29.9m, 1), (socks.ProductId, socks.SkuId, 16.61m, 3));
        var placed = await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [], new PricingChoices(coupon)), default);
        var order = await bed.QueryAsync(db => db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync(o => o.Id == placed.OrderId));
        Assert.Equal(79.73m - 17m + 10m, order.Total); // below ¥99: shipping is paid
        await OrderTestData.PayAsync(bed.Db.Factory, order);
        Assert.Equal(CouponState.Used, (await bed.CouponAsync(coupon)).State);
        var lines = order.Lines.OrderBy(l => l.SkuId).ToList();
        Assert.Equal(order.Total, lines.Sum(l => l.Payable));

        // The first line back: exactly its payable, the coupon stays used.
        var first = await refunds.RequestAsync(buyer.Id, order.Number, lines[0].Id, null, "不合适", [], default);
        var d1 = await refunds.ApproveAsync(principal, first, false, default);
        Assert.Equal(lines[0].Payable, d1.Amount);
        Assert.False(d1.OrderCancelled);
        Assert.Equal(CouponState.Used, (await bed.CouponAsync(coupon)).State);

        // More than the second line cost after its share of the coupon is refused; exactly that cancels the order and returns the coupon, once.
        var tooMuch = await Assert.ThrowsAsync<SocialStore.Domain.Common.DomainException>(() =>
            refunds.RequestAsync(buyer.Id, order.Number, lines[1].Id, lines[1].Payable + 0.01m, "全退", [], default));
        Assert.Equal(OrderErrors.RefundTooLarge, tooMuch.Code);
        var second = await refunds.RequestAsync(buyer.Id, order.Number, lines[1].Id, null, "全退", [], default);
        var d3 = await refunds.ApproveAsync(principal, second, false, default);
        Assert.Equal(lines[1].Payable, d3.Amount);
        Assert.Equal(order.Total, d1.Amount + d3.Amount);
        Assert.True(d3.OrderCancelled);

        var stored = await bed.QueryAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id));
        Assert.Equal((order.Total, OrderStatus.Cancelled), (stored.RefundedAmount, stored.Status));
        var back = await bed.CouponAsync(coupon);
        Assert.Equal((CouponState.Available, (long?)null), (back.State, back.OrderId));
        var figures = Assert.Single(await bed.Coupons.FiguresAsync(CouponTestBed.Admin, default));
        Assert.Equal((1, 0, 0m), (figures.Claimed, figures.Used, figures.Cost));
    }
}
