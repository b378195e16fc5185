using System.Globalization;
using SocialStore.Domain.Common;

namespace SocialStore.Domain.Dashboards;

/// <summary>A dashboard's date range: calendar days, both ends included, at most <see cref="MaxDays"/> days (ADR-049).</summary>
public readonly record struct DashboardRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    /// <summary>The earliest and latest days a range may touch: far dates are junk, and would overflow the date arithmetic.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2099, 12, 31);

    public int Days => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> EachDay() => Enumerable.Range(0, Days).Select(From.AddDays);

    /// <summary>Reads "yyyy-MM-dd" ends; a malformed end, an end before the start or more than a year is refused.</summary>
    public static DashboardRange Parse(string? from, string? to)
    {
        if (!DateOnly.TryParseExact(from?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(to?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            throw new DomainException(DashboardErrors.RangeMalformed);
        return Create(start, end);
    }

    public static DashboardRange Create(DateOnly from, DateOnly to)
    {
        if (from < Earliest || to > Latest || from > Latest || to < Earliest) throw new DomainException(DashboardErrors.RangeOutOfBounds);
        if (to < from) throw new DomainException(DashboardErrors.RangeEndBeforeStart);
        var range = new DashboardRange(from, to);
        if (range.Days > MaxDays) throw new DomainException(DashboardErrors.RangeTooLong);
        return range;
    }
}
