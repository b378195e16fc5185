using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Bargains;

/// <summary>
/// A bargain campaign on one SKU: the floor price an owner can reach, the helpers needed N to reach it, how long
/// one bargain stays open, the window in which bargains can be started, and the campaign stock — units sold at a
/// bargain price (a purchase takes one with a conditional update; a cancelled order gives it back).
/// </summary>
public class BargainCampaign
{
    public const int MinHelpers = 1;
    public const int MaxHelpers = 50;
    public const int DefaultTimeLimitMinutes = 24 * 60;
    public const int MinTimeLimitMinutes = 5;
    public const int MaxTimeLimitMinutes = 7 * 24 * 60;

    public long Id { get; set; }

    public long ProductId { get; set; }

    public long SkuId { get; set; }

    public decimal FloorPrice { get; set; }

    public int HelpersNeeded { get; set; }

    public int TimeLimitMinutes { get; set; } = DefaultTimeLimitMinutes;

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>Units still free for bargain purchases.</summary>
    public int Stock { get; set; }

    public int InitialStock { get; set; }

    public bool IsPaused { get; set; }

    public string CreatedById { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsRunning(DateTimeOffset now) => !IsPaused && StartsAt <= now && now < EndsAt;
}

/// <summary>
/// Open (helpers cut; the owner may buy at the price reached) → Bought (the owner placed the order) → Cancelled (that
/// order was cancelled: unpaid timeout, buyer cancel or full refund). An Open bargain past <see cref="Bargain.ExpiresAt"/>
/// is expired: every write checks the time, so no worker is needed (ADR-043).
/// </summary>
public enum BargainStatus
{
    Open,
    Bought,
    Cancelled,
}

public class Bargain
{
    public long Id { get; set; }

    public long CampaignId { get; set; }

    public string OwnerId { get; set; } = "";

    /// <summary>The owner's id while the bargain is open, null after: UNIQUE(campaign, open owner) keeps one open bargain per owner.</summary>
    public string? OpenOwnerId { get; set; }

    public BargainStatus Status { get; set; }

    /// <summary>The SKU's price when the bargain started.</summary>
    public decimal StartPrice { get; set; }

    public decimal FloorPrice { get; set; }

    /// <summary>StartPrice − FloorPrice: what the N helpers cut together, exactly.</summary>
    public decimal MaxCut { get; set; }

    /// <summary>The sum of the recorded cuts (a conditional update keeps it ≤ <see cref="MaxCut"/>).</summary>
    public decimal TotalCut { get; set; }

    public int HelpersNeeded { get; set; }

    public int HelperCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public long? OrderId { get; set; }

    public DateTimeOffset? BoughtAt { get; set; }

    public decimal CurrentPrice => StartPrice - TotalCut;

    public decimal Remaining => MaxCut - TotalCut;

    public int HelpersLeft => HelpersNeeded - HelperCount;

    public bool IsExpired(DateTimeOffset now) => Status == BargainStatus.Open && ExpiresAt <= now;
}

/// <summary>One helper's cut: one per (bargain, helper); the cuts of a bargain add up to its <see cref="Bargain.TotalCut"/>.</summary>
public class BargainCut
{
    public long Id { get; set; }

    public long BargainId { get; set; }

    public string HelperId { get; set; } = "";

    /// <summary>1 for the first helper … N for the last.</summary>
    public int Sequence { get; set; }

    public decimal Amount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class BargainCampaignConfiguration : IEntityTypeConfiguration<BargainCampaign>
{
    public void Configure(EntityTypeBuilder<BargainCampaign> builder)
    {
        builder.Property(c => c.FloorPrice).HasPrecision(18, 2);
        builder.Property(c => c.CreatedById).HasMaxLength(450).IsRequired();
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sku>().WithMany().HasForeignKey(c => c.SkuId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ProductId, c.EndsAt });
    }
}

public sealed class BargainConfiguration : IEntityTypeConfiguration<Bargain>
{
    public void Configure(EntityTypeBuilder<Bargain> builder)
    {
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(b => b.OpenOwnerId).HasMaxLength(450);
        builder.Property(b => b.StartPrice).HasPrecision(18, 2);
        builder.Property(b => b.FloorPrice).HasPrecision(18, 2);
        builder.Property(b => b.MaxCut).HasPrecision(18, 2);
        builder.Property(b => b.TotalCut).HasPrecision(18, 2);
        builder.Ignore(b => b.CurrentPrice);
        builder.Ignore(b => b.Remaining);
        builder.Ignore(b => b.HelpersLeft);
        builder.HasOne<BargainCampaign>().WithMany().HasForeignKey(b => b.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(b => b.OrderId).OnDelete(DeleteBehavior.Restrict);
        // One open bargain per owner per campaign (null once it is closed; nulls never collide).
        builder.HasIndex(b => new { b.CampaignId, b.OpenOwnerId }).IsUnique();
        builder.HasIndex(b => b.OrderId).IsUnique();
        builder.HasIndex(b => new { b.OwnerId, b.CreatedAt });
    }
}

public sealed class BargainCutConfiguration : IEntityTypeConfiguration<BargainCut>
{
    public void Configure(EntityTypeBuilder<BargainCut> builder)
    {
        builder.Property(c => c.HelperId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Amount).HasPrecision(18, 2);
        builder.HasOne<Bargain>().WithMany().HasForeignKey(c => c.BargainId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.HelperId).OnDelete(DeleteBehavior.Restrict);
        // One cut per helper per bargain, even when the same person's two cuts race.
        builder.HasIndex(c => new { c.BargainId, c.HelperId }).IsUnique();
        builder.HasIndex(c => new { c.BargainId, c.Sequence }).IsUnique();
        builder.HasIndex(c => c.HelperId);
    }
}
