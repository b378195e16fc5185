using System.Globalization;

namespace SocialStore.Web.Components.Pages.Profiles;

/// <summary>
/// Counts as the app shows them: exact below 10,000, then 1.2万 / 3.4亿 in Chinese and 12.3K / 4.5M in
/// English. Always rounded down, so a shortened count never claims more than there is.
/// </summary>
public static class CompactCount
{
    public static string Format(long value, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        if (value < 10_000) return value.ToString("N0", culture);
        var chinese = culture.Name.StartsWith("zh", StringComparison.Ordinal);
        var (unit, suffix) = chinese
            ? value >= 100_000_000 ? (100_000_000L, "亿") : (10_000L, "万")
            : value >= 1_000_000_000 ? (1_000_000_000L, "B") : value >= 1_000_000 ? (1_000_000L, "M") : (1_000L, "K");
        var tenths = value / (unit / 10);
        return (tenths / 10.0).ToString("0.#", CultureInfo.InvariantCulture) + suffix;
    }
}
