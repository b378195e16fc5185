using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Rewards;

public sealed class RewardSettingsConfiguration : IEntityTypeConfiguration<RewardSettings>
{
    public void Configure(EntityTypeBuilder<RewardSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SignUpKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.FirstOrderKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.UpdatedBy).HasMaxLength(450);
    }
}

public sealed class RewardGrantConfiguration : IEntityTypeConfiguration<RewardGrant>
{
    public void Configure(EntityTypeBuilder<RewardGrant> builder)
    {
        builder.Property(g => g.Trigger).HasConversion<string>().HasMaxLength(24);
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.UnavailableReason).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(g => g.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(g => g.NewUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Coupon>().WithMany().HasForeignKey(g => g.CouponId).OnDelete(DeleteBehavior.Restrict);
        // Once per new person and trigger, however many requests or payments race for it.
        builder.HasIndex(g => new { g.NewUserId, g.Trigger }).IsUnique();
        builder.HasIndex(g => new { g.BeneficiaryId, g.Id });
        builder.HasIndex(g => g.OrderId);
        builder.HasIndex(g => g.CouponId);
        // The retry sweep looks for unavailable grants only (ADR-062).
        builder.HasIndex(g => new { g.State, g.CouponTemplateId });
    }
}

public sealed class ExpirySweepConfiguration : IEntityTypeConfiguration<ExpirySweep>
{
    public void Configure(EntityTypeBuilder<ExpirySweep> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(32);
    }
}
