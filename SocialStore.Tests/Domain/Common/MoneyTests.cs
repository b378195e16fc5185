using System.Globalization;
using SocialStore.Domain.Common;

namespace SocialStore.Tests.Domain.Common;

/// <summary>Money as text reads the same whatever the reader's culture.</summary>
public class MoneyTests
{
    [Theory]
    [InlineData("zh-CN", "0", "¥0", "0.00")]
    [InlineData("zh-CN", "0.5", "¥0.5", "0.50")]
    [InlineData("zh-CN", "12.3", "¥12.3", "12.30")]
    [InlineData("zh-CN", "1234.56", "¥1234.56", "1234.56")]
    [InlineData("zh-CN", "-5.5", "¥-5.5", "-5.50")]
    [InlineData("en-US", "0", "¥0", "0.00")]
    [InlineData("en-US", "0.5", "¥0.5", "0.50")]
    [InlineData("en-US", "12.3", "¥12.3", "12.30")]
    [InlineData("en-US", "1234.56", "¥1234.56", "1234.56")]
    [InlineData("en-US", "-5.5", "¥-5.5", "-5.50")]
    [InlineData("de-DE", "1234.56", "¥1234.56", "1234.56")]
    public void Cny_IsTheSameInEveryCulture(string culture, string amount, string display, string plain)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal(display, Money.Format(value, "CNY"));
            Assert.Equal(plain, Money.Plain(value));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Fact]
    public void OtherCurrency_IsWrittenAsItsCodeBeforeTheAmount() =>
        Assert.Equal("USD 12.3", Money.Format(12.30m, "USD"));
}
