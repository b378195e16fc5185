using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Referrals.Invites;

/// <summary>A user's invite code (ADR-046): created lazily on first need, never changed; <c>/invite/{code}</c> is its stable URL.</summary>
public class InviteCode
{
    public const int Length = 8;

    public string UserId { get; set; } = "";

    public string Code { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Who invited whom: one row per invitee (the key), written once at sign-up; only an admin rebinding changes it.</summary>
public class InviteBinding
{
    public string InviteeId { get; set; } = "";

    public string InviterId { get; set; } = "";

    public DateTimeOffset BoundAt { get; set; }

    /// <summary>The admin who last rebound it (null when bound at sign-up).</summary>
    public string? ReboundBy { get; set; }

    public DateTimeOffset? ReboundAt { get; set; }
}

/// <summary>A distinct visitor of an invite landing page (one row per inviter and visitor), the "invited" step of the progress.</summary>
public class InviteVisit
{
    public const int VisitorKeyMaxLength = 64;

    public long Id { get; set; }

    public string InviterId { get; set; } = "";

    /// <summary>"u:" + user id when signed in, else "a:" + a SHA-256 of the client address and user agent (never in clear).</summary>
    public string VisitorKey { get; set; } = "";

    public DateTimeOffset VisitedAt { get; set; }
}

public enum InviteRewardState
{
    /// <summary>The invitee's first order completed; the reward waits for the after-sales window.</summary>
    Scheduled,
    /// <summary>Both sides were credited their points.</summary>
    Credited,
    /// <summary>The order was refunded before the window passed: nothing was credited, nothing will be.</summary>
    Cancelled,
    /// <summary>The order was refunded after the credit: both credits were taken back.</summary>
    Reversed,
}

/// <summary>
/// The referral reward of one invitee (the key: at most one per invitee, for their first order to complete). The
/// points are fixed when credited, so a reversal takes back exactly what was given.
/// </summary>
public class InviteReward
{
    public string InviteeId { get; set; } = "";

    public string InviterId { get; set; } = "";

    public long OrderId { get; set; }

    public InviteRewardState State { get; set; }

    /// <summary>When the after-sales window of the order ends (the commission rule, ADR-042).</summary>
    public DateTimeOffset DueAt { get; set; }

    public int InviterPoints { get; set; }

    public int InviteePoints { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CreditedAt { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }
}

public sealed class InviteCodeConfiguration : IEntityTypeConfiguration<InviteCode>
{
    public void Configure(EntityTypeBuilder<InviteCode> builder)
    {
        builder.HasKey(c => c.UserId);
        builder.Property(c => c.Code).HasMaxLength(16).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class InviteBindingConfiguration : IEntityTypeConfiguration<InviteBinding>
{
    public void Configure(EntityTypeBuilder<InviteBinding> builder)
    {
        builder.HasKey(b => b.InviteeId);
        builder.Property(b => b.ReboundBy).HasMaxLength(450);
        builder.HasIndex(b => new { b.InviterId, b.BoundAt });
        builder.HasIndex(b => b.BoundAt);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.InviteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.InviterId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InviteVisitConfiguration : IEntityTypeConfiguration<InviteVisit>
{
    public void Configure(EntityTypeBuilder<InviteVisit> builder)
    {
        builder.Property(v => v.VisitorKey).HasMaxLength(InviteVisit.VisitorKeyMaxLength).IsRequired();
        builder.HasIndex(v => new { v.InviterId, v.VisitorKey }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.InviterId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class InviteRewardConfiguration : IEntityTypeConfiguration<InviteReward>
{
    public void Configure(EntityTypeBuilder<InviteReward> builder)
    {
        builder.HasKey(r => r.InviteeId);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.State, r.DueAt });
        builder.HasIndex(r => r.OrderId);
        builder.HasIndex(r => r.InviterId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.InviteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.InviterId).OnDelete(DeleteBehavior.Restrict);
    }
}
