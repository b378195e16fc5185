using SocialStore.Domain.Coupons;
using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Coupons;

/// <summary>
/// The pipeline with a coupon over a thousand random carts and coupons (a fixed seed, so a failure reproduces):
/// the payable amount is never negative, each adjustment's line shares add up to it, the lines add up to the total,
/// lines the coupon does not cover carry none of it, and refunding the lines in any order returns exactly the total.
/// </summary>
public class PricingPipelinePropertyTests
{
    private sealed class FixedCoupon(CouponKind kind, decimal threshold, decimal amount, int percent, decimal cap, bool[] eligible) : IPriceAdjuster
    {
        public int Position => 200;

        public ValueTask<PriceAdjustmentDraft?> AdjustAsync(PricingContext context, CancellationToken cancellationToken)
        {
            var eligibleSubtotal = context.Lines.Where((_, i) => eligible[i]).Sum(l => l.Subtotal);
            var discount = CouponRules.Discount(kind, threshold, amount, percent, cap, eligibleSubtotal);
            return ValueTask.FromResult<PriceAdjustmentDraft?>(discount == 0 ? null : new PriceAdjustmentDraft(CouponAdjuster.Kind, "券", -discount, eligible, 1));
        }
    }

    private sealed class Shipping(decimal fee) : IPriceAdjuster
    {
        public int Position => 1000;

        public ValueTask<PriceAdjustmentDraft?> AdjustAsync(PricingContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<PriceAdjustmentDraft?>(new PriceAdjustmentDraft(ShippingAdjuster.Kind, "Order.Shipping", fee));
    }

    [Fact]
    public async Task Price_RandomCartsAndCoupons_ExactToTheFen()
    {
        var random = new Random(20261206);
        for (var run = 0; run < 1000; run++)
        {
            var count = random.Next(1, 6);
            var lines = Enumerable.Range(0, count).Select(i => new PricingLine(i + 1, i + 1, "p", "", "k", Fen(random, random.Next(3) == 0 ? 2 : 50_000), random.Next(1, 5))).ToList();
            var eligible = lines.Select(_ => random.Next(4) != 0).ToArray();
            var kind = (CouponKind)random.Next(3);
            var threshold = kind == CouponKind.NoThreshold ? 0m : Fen(random, 30_000);
            var amount = Fen(random, 20_000) + 0.01m;
            var percent = random.Next(1, 100);
            var cap = Fen(random, 20_000) + 0.01m;
            var fee = random.Next(2) == 0 ? 0m : 10m;
            var pipeline = new PricingPipeline([new Shipping(fee), new FixedCoupon(kind, threshold, amount, percent, cap, eligible)]);

            var quote = await pipeline.PriceAsync("buyer", lines, default);

            var context = $"run {run}: {kind} t={threshold} a={amount} p={percent} cap={cap} lines={string.Join(',', lines.Select(l => $"{l.UnitPrice}x{l.Quantity}"))} eligible={string.Join(',', eligible)}";
            Assert.True(quote.Total >= 0, context);
            Assert.Equal(quote.Total, quote.Lines.Sum(l => l.Payable));
            Assert.All(quote.Lines, l => Assert.True(l.Payable >= 0 && decimal.Round(l.Payable, 2) == l.Payable, context));
            foreach (var adjustment in quote.Adjustments) Assert.Equal(adjustment.Amount, adjustment.LineShares.Sum());
            if (quote.Adjustments.FirstOrDefault(a => a.Kind == CouponAdjuster.Kind) is { } coupon)
            {
                var eligibleSubtotal = lines.Where((_, i) => eligible[i]).Sum(l => l.Subtotal);
                Assert.True(-coupon.Amount <= eligibleSubtotal, context);
                Assert.Equal(-CouponRules.Discount(kind, threshold, amount, percent, cap, eligibleSubtotal), coupon.Amount);
                for (var i = 0; i < count; i++)
                {
                    if (!eligible[i]) Assert.Equal(0m, coupon.LineShares[i]);
                    Assert.True(lines[i].Subtotal + coupon.LineShares[i] >= 0, context);
                }
            }

            // Refund the lines in a random order, each in random partial steps: exactly the total comes back, never more.
            var left = quote.Lines.Select(l => l.Payable).ToArray();
            var refunded = 0m;
            foreach (var i in Enumerable.Range(0, count).OrderBy(_ => random.Next()))
            {
                while (left[i] > 0)
                {
                    var step = Math.Min(left[i], Fen(random, (int)(left[i] * 100)) + 0.01m);
                    left[i] -= step;
                    refunded += step;
                }
            }
            Assert.Equal(quote.Total, refunded);
        }
    }

    [Fact]
    public void Discount_PercentOnOneFen_IsZero() =>
        Assert.Equal(0m, CouponRules.Discount(CouponKind.PercentOff, 0m, 0m, 99, 100m, 0.01m));

    [Theory]
    [InlineData(99.99, 100, 20, 0)]
    [InlineData(100, 100, 20, 20)]
    [InlineData(15, 10, 20, 15)]
    public void Discount_SpendAndSave_ThresholdInclusiveAndNeverAboveTheSubtotal(decimal subtotal, decimal threshold, decimal amount, decimal expected) =>
        Assert.Equal(expected, CouponRules.Discount(CouponKind.SpendAndSave, threshold, amount, 0, 0m, subtotal));

    [Fact]
    public void Discount_PercentOff_RoundsDownToTheFenAndStopsAtTheCap()
    {
        Assert.Equal(3.33m, CouponRules.Discount(CouponKind.PercentOff, 0m, 0m, 10, 50m, 33.39m));
        Assert.Equal(50m, CouponRules.Discount(CouponKind.PercentOff, 0m, 0m, 30, 50m, 1000m));
    }

    private static decimal Fen(Random random, int maxFen) => random.Next(0, Math.Max(1, maxFen)) / 100m;
}
