using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Ordering;

public sealed class PriceAllocationTests
{
    [Theory]
    [InlineData("10", new[] { "1", "1", "1" })]
    [InlineData("0.01", new[] { "1", "1", "1" })]
    [InlineData("100", new[] { "33.33", "33.33", "33.34" })]
    [InlineData("-20", new[] { "99", "59.9", "0.1" })]
    [InlineData("12.34", new[] { "7", "13", "0", "29.99" })]
    [InlineData("-0.05", new[] { "1", "2" })]
    public void Spread_SharesAreWholeFenAndAddUpExactly(string amountText, string[] weightTexts)
    {
        var amount = decimal.Parse(amountText, System.Globalization.CultureInfo.InvariantCulture);
        var weights = weightTexts.Select(w => decimal.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var shares = PriceAllocation.Spread(amount, weights);

        Assert.Equal(amount, shares.Sum());
        Assert.All(shares, s => Assert.Equal(decimal.Round(s, 2), s));
        Assert.All(shares, s => Assert.True(Math.Sign(s) == 0 || Math.Sign(s) == Math.Sign(amount)));
    }

    [Fact]
    public void Spread_LeftoverFenGoToTheLargestRemainders_TiesToTheEarlierLine()
    {
        // 10 fen over 3 equal lines: 3.33… each, the one extra fen to the first line (tie).
        Assert.Equal([0.04m, 0.03m, 0.03m], PriceAllocation.Spread(0.10m, [1m, 1m, 1m]));
        // 1.00 over weights 1 and 2: 0.333… and 0.666…: the larger remainder (.666) takes the fen.
        Assert.Equal([0.33m, 0.67m], PriceAllocation.Spread(1.00m, [1m, 2m]));
        // Two fen over 3 lines where remainders are 0.4, 0.8, 0.8: lines 2 and 3.
        Assert.Equal([0m, 0.01m, 0.01m], PriceAllocation.Spread(0.02m, [1m, 2m, 2m]));
    }

    [Fact]
    public void Spread_NegativeAmount_IsTheMirrorOfThePositiveOne()
    {
        var weights = new[] { 19.9m, 45m, 0.3m };
        var positive = PriceAllocation.Spread(7.77m, weights);
        var negative = PriceAllocation.Spread(-7.77m, weights);

        Assert.Equal(positive.Select(p => -p), negative);
        Assert.Equal(-7.77m, negative.Sum());
    }

    [Fact]
    public void Spread_ZeroWeights_SpreadEvenly_AndZeroAmountGivesZeros()
    {
        Assert.Equal([3.34m, 3.33m, 3.33m], PriceAllocation.Spread(10m, [0m, 0m, 0m]));
        Assert.Equal([0m, 10m], PriceAllocation.Spread(10m, [0m, 5m]));
        Assert.Equal([0m, 0m], PriceAllocation.Spread(0m, [1m, 2m]));
        Assert.Empty(PriceAllocation.Spread(5m, []));
    }

    [Fact]
    public void Spread_FractionsOfAFenOrNegativeWeights_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => PriceAllocation.Spread(0.005m, [1m]));
        Assert.Throws<ArgumentException>(() => PriceAllocation.Spread(1m, [1m, -1m]));
    }

    [Fact]
    public void PartialRefunds_OfEveryLine_AddUpToTheTotalPaidToTheFen()
    {
        // Three lines, ¥10 shipping spread by subtotal, a ¥-15.55 discount spread by what each line costs after shipping.
        var subtotals = new[] { 19.9m, 33.3m, 0.99m };
        var shipping = PriceAllocation.Spread(10m, subtotals);
        var afterShipping = subtotals.Select((s, i) => s + shipping[i]).ToArray();
        var discount = PriceAllocation.Spread(-15.55m, afterShipping);
        var payable = afterShipping.Select((p, i) => p + discount[i]).ToArray();
        var total = subtotals.Sum() + 10m - 15.55m;

        Assert.Equal(total, payable.Sum());
        // Refund each line in two parts (a third, then the rest): every part is whole fen and everything adds up to the total.
        var refunds = payable.SelectMany(p =>
        {
            var first = decimal.Floor(p * 100 / 3) / 100;
            return new[] { first, p - first };
        }).ToArray();
        Assert.All(refunds, r => Assert.Equal(decimal.Round(r, 2), r));
        Assert.Equal(total, refunds.Sum());
    }
}
