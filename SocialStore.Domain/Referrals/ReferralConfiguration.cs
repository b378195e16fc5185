using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Referrals;

public sealed class AttributionTouchConfiguration : IEntityTypeConfiguration<AttributionTouch>
{
    public void Configure(EntityTypeBuilder<AttributionTouch> builder)
    {
        builder.Property(t => t.SubjectKey).HasMaxLength(AttributionTouch.SubjectKeyMaxLength).IsRequired();
        builder.Property(t => t.BrowserToken).HasMaxLength(64);
        builder.HasIndex(t => new { t.SubjectKey, t.EarnerId, t.NoteId, t.ProductId, t.Day }).IsUnique();
        builder.HasIndex(t => new { t.UserId, t.TouchedAt });
        builder.HasIndex(t => t.BrowserToken);
        builder.HasIndex(t => new { t.NoteId, t.TouchedAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.EarnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class OrderLineAttributionConfiguration : IEntityTypeConfiguration<OrderLineAttribution>
{
    public void Configure(EntityTypeBuilder<OrderLineAttribution> builder)
    {
        builder.HasKey(a => a.OrderLineId);
        builder.HasIndex(a => a.OrderId);
        builder.HasIndex(a => new { a.EarnerId, a.CreatedAt });
        builder.HasIndex(a => new { a.NoteId, a.CreatedAt });
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(a => a.OrderLineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.BuyerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.EarnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CreatorConfiguration : IEntityTypeConfiguration<Creator>
{
    public void Configure(EntityTypeBuilder<Creator> builder)
    {
        builder.HasKey(c => c.UserId);
        builder.Property(c => c.ChangedBy).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CommissionProductRateConfiguration : IEntityTypeConfiguration<CommissionProductRate>
{
    public void Configure(EntityTypeBuilder<CommissionProductRate> builder)
    {
        builder.HasKey(r => r.ProductId);
        builder.HasOne<Catalog.Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReferralSettingsConfiguration : IEntityTypeConfiguration<ReferralSettings>
{
    public void Configure(EntityTypeBuilder<ReferralSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

public sealed class CommissionEntryConfiguration : IEntityTypeConfiguration<CommissionEntry>
{
    public void Configure(EntityTypeBuilder<CommissionEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Amount).HasPrecision(18, 2);
        builder.Property(e => e.BaseAmount).HasPrecision(18, 2);
        builder.Property(e => e.Source).HasMaxLength(CommissionEntry.SourceMaxLength).IsRequired();
        builder.HasIndex(e => e.Source).IsUnique();
        builder.HasIndex(e => new { e.CreatorId, e.State });
        builder.HasIndex(e => e.OrderId);
        builder.HasIndex(e => new { e.State, e.AvailableAt });
        builder.HasIndex(e => e.PayoutId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.CreatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PayoutRequest>().WithMany().HasForeignKey(e => e.PayoutId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PayoutRequestConfiguration : IEntityTypeConfiguration<PayoutRequest>
{
    public void Configure(EntityTypeBuilder<PayoutRequest> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.PaidBy).HasMaxLength(450);
        builder.HasIndex(p => new { p.CreatorId, p.RequestedAt });
        builder.HasIndex(p => p.Status);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.CreatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
