using Microsoft.Extensions.Options;
using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Ordering;

/// <summary>The checkout's pricing: the shipping rule, and exact fen allocation when more adjusters plug in.</summary>
public class CheckoutPricingTests
{
    private sealed class FixedDiscount(decimal amount, int position) : IPriceAdjuster
    {
        public int Position => position;

        public ValueTask<PriceAdjustmentDraft?> AdjustAsync(PricingContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<PriceAdjustmentDraft?>(new("coupon", "满减", amount));
    }

    private static PricingLine Line(long sku, decimal price, int quantity) => new(sku, sku, "p" + sku, "", "k", price, quantity);

    private static ShippingAdjuster Shipping(decimal fee = 10m, decimal freeOver = 99m) =>
        new(Options.Create(new ShippingOptions { Fee = fee, FreeOver = freeOver }));

    [Theory]
    [InlineData(98.99, 10)]
    [InlineData(99, 0)]
    [InlineData(150, 0)]
    public async Task Shipping_FreeAtOrAboveTheThreshold(decimal subtotal, decimal expected)
    {
        var quote = await new PricingPipeline([Shipping()]).PriceAsync("b", [Line(1, subtotal, 1)], default);
        Assert.Equal(expected, quote.AdjustmentTotal);
        Assert.Equal(subtotal + expected, quote.Total);
    }

    [Fact]
    public async Task Shipping_Configurable()
    {
        var quote = await new PricingPipeline([Shipping(fee: 6m, freeOver: 49m)]).PriceAsync("b", [Line(1, 48m, 1)], default);
        Assert.Equal(54m, quote.Total);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(-33.33)]
    [InlineData(-0.01)]
    [InlineData(-1000)]
    public async Task DiscountAndShipping_LinePayablesAddUpToTheTotalToTheFen(decimal discount)
    {
        var pipeline = new PricingPipeline([Shipping(), new FixedDiscount(discount, 10)]);
        var lines = new[] { Line(1, 33.33m, 1), Line(2, 9.9m, 3), Line(3, 0.01m, 7), Line(4, 12.34m, 2) };

        var quote = await pipeline.PriceAsync("b", lines, default);

        Assert.Equal(quote.Total, quote.Lines.Sum(l => l.Payable));
        Assert.Equal(quote.Subtotal + quote.AdjustmentTotal, quote.Total);
        Assert.True(quote.Total >= 0);
        Assert.All(quote.Lines, l => Assert.True(l.Payable >= 0));
        Assert.All(quote.Lines, l => Assert.Equal(decimal.Round(l.Payable, 2), l.Payable));
        foreach (var adjustment in quote.Adjustments) Assert.Equal(adjustment.Amount, adjustment.LineShares.Sum());
        Assert.Equal("coupon", quote.Adjustments[0].Kind);
    }
}
