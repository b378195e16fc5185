using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SocialStore.Domain.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks (a sortable INTEGER in SQLite) and reads it back as UTC.</summary>
public sealed class DateTimeOffsetToBinaryConverterUtc()
    : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
