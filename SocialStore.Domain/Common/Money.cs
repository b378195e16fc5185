using System.Globalization;

namespace SocialStore.Domain.Common;

/// <summary>
/// Money as text, in one place. Neither variant depends on the reader's culture: a Chinese and an English
/// reader see the same amount, and a file or audit entry written under any culture reads back the same.
/// </summary>
public static class Money
{
    /// <summary>For display: CNY with a fixed ¥ sign (an invariant or C culture would print ¤), no trailing zeros: ¥89, ¥89.9, a negative amount reads ¥-5.</summary>
    public static string Format(decimal amount, string currency) =>
        (currency == "CNY" ? "¥" : currency + " ") + amount.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>For files, audit entries and form values: two decimals, a dot, no sign or grouping: 1234.50.</summary>
    public static string Plain(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
