using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Moderation;

public sealed class ReviewableConfiguration : IEntityTypeConfiguration<Reviewable>
{
    public void Configure(EntityTypeBuilder<Reviewable> builder)
    {
        builder.Property(r => r.TargetType).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.TargetKey).HasMaxLength(Reviewable.TargetKeyMaxLength).IsRequired();
        builder.Property(r => r.TargetAuthorId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.LatestReason).HasConversion<string>().HasMaxLength(20);
        // One reviewable per target: concurrent first reports meet here and merge.
        builder.HasIndex(r => new { r.TargetType, r.TargetKey }).IsUnique();
        builder.HasIndex(r => new { r.State, r.Score });
        builder.HasIndex(r => r.TargetAuthorId);
    }
}

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Text).HasMaxLength(Report.TextMaxLength * 2).IsRequired();
        builder.HasOne<Reviewable>().WithMany().HasForeignKey(r => r.ReviewableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        // One open report per reporter per target: a round is the target's open review.
        builder.HasIndex(r => new { r.ReviewableId, r.ReporterId, r.Round }).IsUnique();
        builder.HasIndex(r => new { r.ReporterId, r.CreatedAt });
    }
}

public sealed class ModerationDecisionConfiguration : IEntityTypeConfiguration<ModerationDecision>
{
    public void Configure(EntityTypeBuilder<ModerationDecision> builder)
    {
        builder.Property(d => d.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Reason).HasMaxLength(ModerationDecision.ReasonMaxLength * 2).IsRequired();
        builder.Property(d => d.AppealText).HasMaxLength(ModerationDecision.AppealMaxLength * 2).IsRequired();
        builder.HasOne<Reviewable>().WithMany().HasForeignKey(d => d.ReviewableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.ModeratorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ReviewableId, d.Id });
        builder.HasMany<Notifications.Notification>().WithOne().HasForeignKey(n => n.ModerationDecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class UserSanctionConfiguration : IEntityTypeConfiguration<UserSanction>
{
    public void Configure(EntityTypeBuilder<UserSanction> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<UserSanction>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BanHiddenItemConfiguration : IEntityTypeConfiguration<BanHiddenItem>
{
    public void Configure(EntityTypeBuilder<BanHiddenItem> builder)
    {
        builder.Property(b => b.TargetType).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.UserId, b.TargetType, b.TargetId }).IsUnique();
    }
}
