using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Dashboards.Rollups;

/// <summary>What a person did on a day, for the dashboard's distinct-user figures (ADR-061).</summary>
public enum DashboardActivity
{
    /// <summary>Any behaviour event (DAU/WAU/MAU, retention).</summary>
    Active = 0,
    NoteView = 1,
    ProductView = 2,
    Cart = 3,
    /// <summary>Placed an order (its <c>CreatedAt</c>).</summary>
    Ordered = 4,
    /// <summary>Paid an order (its <c>PaidAt</c>).</summary>
    Paid = 5,
}

public enum DashboardRollupState
{
    Pending = 0,
    Claimed = 1,
    Done = 2,
}

/// <summary>
/// One closed shop day of the roll-up (ADR-061): created <see cref="DashboardRollupState.Pending"/>, claimed by one
/// worker with a conditional update (the affected-row count decides), then <see cref="DashboardRollupState.Done"/> in
/// the same transaction that writes the day's rows. A claim whose <see cref="ClaimedUntil"/> passed can be taken over.
/// </summary>
public class DashboardRollupDay
{
    /// <summary><see cref="DateOnly.DayNumber"/> of the shop's calendar day.</summary>
    public int Day { get; set; }

    public DashboardRollupState State { get; set; }

    public Guid? ClaimToken { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? RolledAt { get; set; }
}

/// <summary>The order family of one rolled day: orders paid that day, their totals and coupon adjustments (fixed at payment).</summary>
public class DashboardOrderDay
{
    public int Day { get; set; }

    public int Orders { get; set; }

    public decimal Gmv { get; set; }

    public decimal CouponCost { get; set; }
}

/// <summary>One person who did <see cref="Kind"/> on <see cref="Day"/> (one row per kind, day and person): distinct counts over any range are a count of these rows.</summary>
public class DashboardUserDay
{
    public DashboardActivity Kind { get; set; }

    public int Day { get; set; }

    public string UserId { get; set; } = "";
}

/// <summary>The first rolled day a person had any behaviour event: the retention cohorts (kept when old events are cleaned).</summary>
public class DashboardFirstSeen
{
    public string UserId { get; set; } = "";

    public int Day { get; set; }
}

public sealed class DashboardRollupDayConfiguration : IEntityTypeConfiguration<DashboardRollupDay>
{
    public void Configure(EntityTypeBuilder<DashboardRollupDay> builder)
    {
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Day).ValueGeneratedNever();
        builder.HasIndex(d => new { d.State, d.Day });
    }
}

public sealed class DashboardOrderDayConfiguration : IEntityTypeConfiguration<DashboardOrderDay>
{
    public void Configure(EntityTypeBuilder<DashboardOrderDay> builder)
    {
        builder.HasKey(d => d.Day);
        builder.Property(d => d.Day).ValueGeneratedNever();
        builder.Property(d => d.Gmv).HasPrecision(18, 2);
        builder.Property(d => d.CouponCost).HasPrecision(18, 2);
    }
}

public sealed class DashboardUserDayConfiguration : IEntityTypeConfiguration<DashboardUserDay>
{
    public void Configure(EntityTypeBuilder<DashboardUserDay> builder)
    {
        // Kind first: every read is "this kind over a range of days", answered from the key alone.
        builder.HasKey(d => new { d.Kind, d.Day, d.UserId });
        builder.Property(d => d.UserId).HasMaxLength(450);
    }
}

public sealed class DashboardFirstSeenConfiguration : IEntityTypeConfiguration<DashboardFirstSeen>
{
    public void Configure(EntityTypeBuilder<DashboardFirstSeen> builder)
    {
        builder.HasKey(d => d.UserId);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.HasIndex(d => new { d.Day, d.UserId });
    }
}

/// <summary>The dashboard reads orders by payment time; this adds that index to the order (its own configuration stays in Ordering).</summary>
public sealed class DashboardOrderIndexConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder) => builder.HasIndex(o => o.PaidAt);
}
