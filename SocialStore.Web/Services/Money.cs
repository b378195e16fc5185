using System.Globalization;

namespace SocialStore.Web.Services;

public static class Money
{
    /// <summary>CNY with a fixed ¥ sign (an invariant or C culture would print ¤), no trailing zeros: ¥89, ¥89.9.</summary>
    public static string Format(decimal amount, string currency) =>
        (currency == "CNY" ? "¥" : currency + " ") + amount.ToString("0.##", CultureInfo.InvariantCulture);
}
