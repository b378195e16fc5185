using System.Globalization;
using System.Security.Cryptography;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// Order numbers people can read out on the phone and nobody can guess: the date (yyMMdd, UTC+8 as
/// shoppers see it) followed by 10 digits from a cryptographic random source. A unique index
/// catches the one-in-ten-billion clash and the caller draws again.
/// </summary>
public static class OrderNumbers
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string New(DateTimeOffset now)
    {
        var date = now.ToOffset(ChinaOffset).ToString("yyMMdd", CultureInfo.InvariantCulture);
        Span<char> digits = stackalloc char[10];
        for (var i = 0; i < digits.Length; i++) digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        return date + new string(digits);
    }

    /// <summary>Only digits of the right length: anything else is not looked up at all.</summary>
    public static bool IsWellFormed(string? number) =>
        number is { Length: Order.NumberLength } && number.All(char.IsAsciiDigit);

    /// <summary>"2611221234567890" → "261122 1234 567890" for display.</summary>
    public static string Format(string number) =>
        number.Length == Order.NumberLength ? $"{number[..6]} {number[6..10]} {number[10..]}" : number;
}
