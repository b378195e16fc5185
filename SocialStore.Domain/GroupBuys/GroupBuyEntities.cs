using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.GroupBuys;

/// <summary>
/// A group-buy campaign on one SKU: the group price, the group size N, how long a group stays open, the window
/// in which groups can be started, and the campaign stock — units carved out of the SKU's stock for this
/// campaign; every seat (paid or held by an unpaid order) takes one unit, and a freed seat gives it back.
/// </summary>
public class GroupBuyCampaign
{
    public const int MinGroupSize = 2;
    public const int MaxGroupSize = 10;
    public const int DefaultTimeLimitMinutes = 24 * 60;
    public const int MinTimeLimitMinutes = 5;
    public const int MaxTimeLimitMinutes = 7 * 24 * 60;
    public const int MaxPerUserLimit = 99;

    public long Id { get; set; }

    public long ProductId { get; set; }

    public long SkuId { get; set; }

    public decimal GroupPrice { get; set; }

    /// <summary>Optional: what the leader (the person who starts a group) pays instead of <see cref="GroupPrice"/>; at most the group price.</summary>
    public decimal? LeaderPrice { get; set; }

    public int GroupSize { get; set; }

    /// <summary>How long a group stays open after its leader paid.</summary>
    public int TimeLimitMinutes { get; set; } = DefaultTimeLimitMinutes;

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Units still free for new seats (a conditional update takes one per seat).</summary>
    public int Stock { get; set; }

    /// <summary>Units the campaign was created with.</summary>
    public int InitialStock { get; set; }

    /// <summary>Seats (held or paid) one person may have in this campaign's groups at once.</summary>
    public int PerUserLimit { get; set; } = 1;

    public bool IsPaused { get; set; }

    public string CreatedById { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public TimeSpan TimeLimit => TimeSpan.FromMinutes(TimeLimitMinutes);

    public bool IsRunning(DateTimeOffset now) => !IsPaused && StartsAt <= now && now < EndsAt;
}

/// <summary>
/// Pending (the leader's order is unpaid; not shown) → Open (the leader paid; the deadline runs) →
/// Succeeded (N real paid members) | Failed (deadline passed) → Refunded (every paid member refunded).
/// Abandoned: the leader's order was cancelled before it was paid.
/// </summary>
public enum GroupBuyStatus
{
    Pending,
    Open,
    Succeeded,
    Failed,
    Refunded,
    Abandoned,
}

public class GroupBuyGroup
{
    public long Id { get; set; }

    public long CampaignId { get; set; }

    /// <summary>The member who started it; passes to the earliest paid member if the leader is refunded before success.</summary>
    public string LeaderId { get; set; } = "";

    public GroupBuyStatus Status { get; set; }

    public int Size { get; set; }

    /// <summary>Seats taken: paid members plus members whose order is still unpaid. Never above <see cref="Size"/> (conditional update).</summary>
    public int Taken { get; set; }

    /// <summary>Members who paid and were not refunded.</summary>
    public int PaidCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? Deadline { get; set; }

    /// <summary>When it succeeded, failed or was abandoned.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

public enum GroupBuyMemberStatus
{
    /// <summary>A seat taken by an order not paid yet; the unpaid-order timeout frees it.</summary>
    Held,
    Paid,
    Refunded,
}

/// <summary>A real person's seat in a group, one per (group, user) and one per order.</summary>
public class GroupBuyMember
{
    public long Id { get; set; }

    public long GroupId { get; set; }

    public string UserId { get; set; } = "";

    public long OrderId { get; set; }

    public GroupBuyMemberStatus Status { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }
}

public sealed class GroupBuyCampaignConfiguration : IEntityTypeConfiguration<GroupBuyCampaign>
{
    public void Configure(EntityTypeBuilder<GroupBuyCampaign> builder)
    {
        builder.Property(c => c.GroupPrice).HasPrecision(18, 2);
        builder.Property(c => c.LeaderPrice).HasPrecision(18, 2);
        builder.Property(c => c.CreatedById).HasMaxLength(450).IsRequired();
        builder.Ignore(c => c.TimeLimit);
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sku>().WithMany().HasForeignKey(c => c.SkuId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ProductId, c.EndsAt });
    }
}

public sealed class GroupBuyGroupConfiguration : IEntityTypeConfiguration<GroupBuyGroup>
{
    public void Configure(EntityTypeBuilder<GroupBuyGroup> builder)
    {
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.LeaderId).HasMaxLength(450).IsRequired();
        builder.HasOne<GroupBuyCampaign>().WithMany().HasForeignKey(g => g.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.CampaignId, g.Status });
        builder.HasIndex(g => new { g.Status, g.Deadline });
    }
}

public sealed class GroupBuyMemberConfiguration : IEntityTypeConfiguration<GroupBuyMember>
{
    public void Configure(EntityTypeBuilder<GroupBuyMember> builder)
    {
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<GroupBuyGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(m => m.OrderId).OnDelete(DeleteBehavior.Restrict);
        // One seat per person per group, even when two joins of the same person race.
        builder.HasIndex(m => new { m.GroupId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.OrderId).IsUnique();
        builder.HasIndex(m => new { m.UserId, m.Status });
    }
}
