using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.TargetType).HasMaxLength(AuditEntry.TargetTypeMaxLength).IsRequired();
        builder.Property(a => a.TargetId).HasMaxLength(AuditEntry.TargetIdMaxLength).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(AuditEntry.ReasonMaxLength).IsRequired();
        builder.Property(a => a.Before).HasMaxLength(AuditEntry.ValueMaxLength).IsRequired();
        builder.Property(a => a.After).HasMaxLength(AuditEntry.ValueMaxLength).IsRequired();
        // The log outlives whoever acted: no cascade from users.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.TargetType, a.TargetId, a.At });
    }
}
