using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Points;

public sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.SourceKey).HasMaxLength(PointsEntry.SourceKeyMaxLength).IsRequired();
        builder.Property(e => e.Basis).HasPrecision(18, 2);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.SetNull);
        // Nothing is credited twice: one entry per source (check-in day, order line, review, refund request).
        builder.HasIndex(e => e.SourceKey).IsUnique();
        builder.HasIndex(e => new { e.UserId, e.Id });
        builder.HasIndex(e => e.OrderId);
    }
}

public sealed class PointsAccountConfiguration : IEntityTypeConfiguration<PointsAccount>
{
    public void Configure(EntityTypeBuilder<PointsAccount> builder)
    {
        builder.HasKey(a => a.UserId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<PointsAccount>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PointsCheckInConfiguration : IEntityTypeConfiguration<PointsCheckIn>
{
    public void Configure(EntityTypeBuilder<PointsCheckIn> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        // One check-in per person and Shanghai day, however many clicks race for it.
        builder.HasIndex(c => new { c.UserId, c.Day }).IsUnique();
    }
}

public sealed class PointsRulesConfiguration : IEntityTypeConfiguration<PointsRules>
{
    public void Configure(EntityTypeBuilder<PointsRules> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
    }
}
