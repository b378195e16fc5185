using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Moderation.Engagement;

public sealed class EngagementFindingConfiguration : IEntityTypeConfiguration<EngagementFinding>
{
    public void Configure(EntityTypeBuilder<EngagementFinding> builder)
    {
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Key).HasMaxLength(EngagementFinding.KeyMaxLength).IsRequired();
        builder.Property(f => f.Evidence).HasMaxLength(EngagementFinding.EvidenceMaxLength).IsRequired();
        builder.Property(f => f.DecisionNote).HasMaxLength(EngagementFinding.NoteMaxLength).IsRequired();
        builder.Property(f => f.DecidedById).HasMaxLength(450);
        // A finding is stored once: concurrent scans meet here.
        builder.HasIndex(f => new { f.Kind, f.Key }).IsUnique();
        builder.HasIndex(f => new { f.Status, f.DetectedAt });
    }
}

public sealed class EngagementFindingMemberConfiguration : IEntityTypeConfiguration<EngagementFindingMember>
{
    public void Configure(EntityTypeBuilder<EngagementFindingMember> builder)
    {
        builder.HasKey(m => new { m.FindingId, m.UserId });
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasOne<EngagementFinding>().WithMany().HasForeignKey(m => m.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}
