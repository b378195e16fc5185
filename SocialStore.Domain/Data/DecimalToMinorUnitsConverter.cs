using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SocialStore.Domain.Data;

/// <summary>
/// Money as a whole number of minor units (¥89.90 → 8990) for SQLite, so that ORDER BY and range
/// filters work in SQL. Amounts have at most two decimals (the domain rejects more), so it is exact.
/// </summary>
public sealed class DecimalToMinorUnitsConverter() : ValueConverter<decimal, long>(
    amount => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero),
    minor => minor / 100m)
{
    public static long ToMinor(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);
}
