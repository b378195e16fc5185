using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Points;

namespace SocialStore.Tests.Domain.Points;

/// <summary>
/// The real pipeline (shipping, a coupon, the real points step against a real balance) over random carts, coupons and
/// points (a fixed seed): the payable amount is never negative, the allocations add up, points never exceed the
/// share, and any sequence of partial refunds returns exactly the money paid and exactly the points spent, never more.
/// </summary>
public class PointsPricingPropertyTests
{
    private sealed class FixedCoupon(decimal threshold, decimal amount) : IPriceAdjuster
    {
        public int Position => 200;

        public ValueTask<PriceAdjustmentDraft?> AdjustAsync(PricingContext context, CancellationToken cancellationToken)
        {
            var discount = CouponRules.Discount(CouponKind.SpendAndSave, threshold, amount, 0, 0m, context.Subtotal);
            return ValueTask.FromResult<PriceAdjustmentDraft?>(discount == 0 ? null : new PriceAdjustmentDraft(CouponAdjuster.Kind, "券", -discount, null, 1));
        }
    }

    private sealed class Shipping(decimal fee) : IPriceAdjuster
    {
        public int Position => 1000;

        public ValueTask<PriceAdjustmentDraft?> AdjustAsync(PricingContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<PriceAdjustmentDraft?>(new PriceAdjustmentDraft(ShippingAdjuster.Kind, "Order.Shipping", fee));
    }

    [Fact]
    public async Task Price_RandomCartsCouponsAndPoints_ExactToTheFenAndThePoint()
    {
        await using var bed = await PointsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var buyer = await bed.UserAsync("rich");
        await bed.CreditAsync(buyer.Id, 10_000_000, "referral:seed");
        var rules = new PointsRules();
        var random = new Random(20261206);
        for (var run = 0; run < 300; run++)
        {
            var count = random.Next(1, 6);
            var lines = Enumerable.Range(0, count).Select(i => new PricingLine(i + 1, i + 1, "p", "", "k", Fen(random, random.Next(3) == 0 ? 3 : 50_000) + 0.01m, random.Next(1, 4))).ToList();
            var amount = Fen(random, 20_000) + 0.01m;
            var threshold = amount + Fen(random, 20_000);
            var pipeline = new PricingPipeline([new Shipping(random.Next(2) == 0 ? 0m : 10m), new FixedCoupon(threshold, amount), new PointsAdjuster(bed.Db.Factory)]);
            var goods = lines.Sum(l => l.Subtotal) - CouponRules.Discount(CouponKind.SpendAndSave, threshold, amount, 0, 0m, lines.Sum(l => l.Subtotal));
            var max = PointsCheckout.MaxPoints(goods, rules);
            var points = max == 0 ? 0 : random.Next(0, max + 1);

            var quote = await pipeline.PriceAsync(buyer.Id, lines, new PricingChoices(Points: points), default);

            var context = $"run {run}: points={points} max={max} coupon={threshold}/{amount} lines={string.Join(',', lines.Select(l => $"{l.UnitPrice}x{l.Quantity}"))}";
            Assert.True(quote.Total >= 0, context);
            Assert.Equal(quote.Total, quote.Lines.Sum(l => l.Payable));
            Assert.All(quote.Lines, l => Assert.True(l.Payable >= 0, context));
            foreach (var adjustment in quote.Adjustments) Assert.Equal(adjustment.Amount, adjustment.LineShares.Sum());
            var spent = quote.Adjustments.SingleOrDefault(a => a.Kind == PointsOrders.AdjustmentKind);
            Assert.Equal(points == 0 ? 0m : -points / 100m, spent?.Amount ?? 0m);
            if (spent is null) continue;
            var linePoints = PointsOrders.LinePoints(points, spent.LineShares);
            Assert.Equal(points, linePoints.Sum());

            // Refund every line in random partial steps: exactly the payable comes back, and exactly the line's points.
            var refundedMoney = 0m;
            var returnedPoints = 0;
            foreach (var i in Enumerable.Range(0, count).OrderBy(_ => random.Next()))
            {
                var payable = quote.Lines[i].Payable;
                var refunded = 0m;
                var back = 0;
                while (refunded < payable)
                {
                    var step = Math.Min(payable - refunded, Fen(random, (int)(payable * 100)) + 0.01m);
                    refunded += step;
                    var due = PointsOrders.ReturnedFor(linePoints[i], refunded, payable);
                    Assert.True(due >= back, context);
                    back = due;
                }
                if (payable == 0) back = 0;
                refundedMoney += refunded;
                returnedPoints += back;
                Assert.True(back <= linePoints[i], context);
            }
            Assert.Equal(quote.Total, refundedMoney);
            // A line with nothing left to pay cannot be refunded; its points come back when the order is cancelled (the restore).
            Assert.Equal(points, returnedPoints + Enumerable.Range(0, count).Where(i => quote.Lines[i].Payable == 0).Sum(i => linePoints[i]));
        }
    }

    private static decimal Fen(Random random, int maxFen) => random.Next(0, Math.Max(1, maxFen)) / 100m;
}
