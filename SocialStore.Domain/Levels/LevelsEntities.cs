using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Levels;

/// <summary>Why a growth entry exists. Credits are positive, reversals negative.</summary>
public enum GrowthKind
{
    /// <summary>¥1 paid for goods = 1, per order line, when the order is paid.</summary>
    Purchase,
    /// <summary>The growth of a line taken back pro rata when (part of) it is refunded (negative).</summary>
    PurchaseReversed,
    /// <summary>A published note, once per note.</summary>
    Note,
    /// <summary>A review with photos, once per review.</summary>
    Review,
}

/// <summary>
/// One row of the append-only growth ledger; a person's growth value is the sum of their rows. <see cref="SourceKey"/>
/// is unique, so crediting the same source twice (an order line, a note, a review, a refund request) inserts nothing.
/// </summary>
public class GrowthEntry
{
    public const int SourceKeyMaxLength = 80;

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public int Amount { get; set; }

    public GrowthKind Kind { get; set; }

    public string SourceKey { get; set; } = "";

    public long? OrderId { get; set; }

    public long? OrderLineId { get; set; }

    /// <summary>The money a purchase credit was computed from, so refunds reverse it pro rata.</summary>
    public decimal? Basis { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A member level: reached when the growth value is at least <see cref="Threshold"/> (inclusive).</summary>
public class MemberLevel
{
    public const int NameMaxLength = 20;

    public int Id { get; set; }

    /// <summary>0 for the first level, then 1, 2, … in increasing thresholds.</summary>
    public int Rank { get; set; }

    public string Name { get; set; } = "";

    public int Threshold { get; set; }

    /// <summary>Points earned on purchases, in percent of the base rate (100 = ×1, 150 = ×1.5).</summary>
    public int PointsRatePercent { get; set; } = 100;

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class GrowthEntryConfiguration : IEntityTypeConfiguration<GrowthEntry>
{
    public void Configure(EntityTypeBuilder<GrowthEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.SourceKey).HasMaxLength(GrowthEntry.SourceKeyMaxLength).IsRequired();
        builder.Property(e => e.Basis).HasPrecision(18, 2);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.SetNull);
        // Nothing is credited twice: one entry per source.
        builder.HasIndex(e => e.SourceKey).IsUnique();
        builder.HasIndex(e => new { e.UserId, e.Id });
        builder.HasIndex(e => e.OrderLineId);
    }
}

public sealed class MemberLevelConfiguration : IEntityTypeConfiguration<MemberLevel>
{
    public void Configure(EntityTypeBuilder<MemberLevel> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(MemberLevel.NameMaxLength).IsRequired();
        builder.HasIndex(l => l.Rank).IsUnique();
    }
}
