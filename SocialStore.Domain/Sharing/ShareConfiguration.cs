using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Sharing;

public sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.Property(l => l.Code).HasMaxLength(32).IsRequired();
        builder.Property(l => l.TargetType).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.TargetId).HasMaxLength(450).IsRequired();
        builder.HasIndex(l => l.Code).IsUnique();
        builder.HasIndex(l => new { l.SharerId, l.TargetType, l.TargetId }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.SharerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ShareVisitConfiguration : IEntityTypeConfiguration<ShareVisit>
{
    public void Configure(EntityTypeBuilder<ShareVisit> builder)
    {
        builder.Property(v => v.Referrer).HasMaxLength(500);
        builder.Property(v => v.AttributionToken).HasMaxLength(64).IsRequired();
        builder.HasIndex(v => v.AttributionToken).IsUnique();
        builder.HasIndex(v => new { v.ShareLinkId, v.VisitedAt });
        builder.HasOne<ShareLink>().WithMany().HasForeignKey(v => v.ShareLinkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.VisitorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ShareVisitCountConfiguration : IEntityTypeConfiguration<ShareVisitCount>
{
    public void Configure(EntityTypeBuilder<ShareVisitCount> builder)
    {
        builder.HasKey(c => new { c.ShareLinkId, c.ClientKey, c.Window });
        builder.Property(c => c.ClientKey).HasMaxLength(ShareVisitCount.ClientKeyLength).IsRequired();
        builder.HasOne<ShareLink>().WithMany().HasForeignKey(c => c.ShareLinkId).OnDelete(DeleteBehavior.Cascade);
    }
}
