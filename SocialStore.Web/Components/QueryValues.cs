using System.Globalization;

namespace SocialStore.Web.Components;

/// <summary>
/// Query values as people type them. A [SupplyParameterFromQuery] property of type int, long or bool makes
/// the whole page fail on a hand-edited value ("?page=abc", "?instock=1"), so pages take the string and
/// read it here: anything malformed or out of range is null (or false), and the page uses its default.
/// </summary>
public static class QueryValues
{
    /// <summary>A whole number from 1 up (plain digits only: no sign, exponent or separators); otherwise null.</summary>
    public static int? PositiveInt(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    /// <summary>A whole number from 1 up, like <see cref="PositiveInt"/>, for ids and cursors.</summary>
    public static long? PositiveLong(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    /// <summary>A number from 0 up (a count); otherwise null.</summary>
    public static int? Count(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A switch: "true", "1" and "on" (any case) are on; anything else, or nothing, is off.</summary>
    public static bool Flag(string? text) =>
        text is not null && (bool.TryParse(text, out var value) ? value : text is "1" || text.Equals("on", StringComparison.OrdinalIgnoreCase));

    /// <summary>The well-formed ids of a repeated parameter ("?sku=1&amp;sku=2"); the others are dropped.</summary>
    public static long[] PositiveLongs(string?[]? texts) =>
        texts is null ? [] : [.. texts.Select(PositiveLong).OfType<long>()];
}
