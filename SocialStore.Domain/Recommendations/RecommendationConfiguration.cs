using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Recommendations;

public sealed class BehaviourEventConfiguration : IEntityTypeConfiguration<BehaviourEvent>
{
    public void Configure(EntityTypeBuilder<BehaviourEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.ClientKey).HasMaxLength(BehaviourEvent.ClientKeyMaxLength);
        // No foreign key to users: events are a log; a deleted account's events are removed by the retention sweep or the deletion.
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.UserId, e.OccurredAt });
        builder.HasIndex(e => new { e.Kind, e.OccurredAt });
    }
}

public sealed class RecommendationFeedbackConfiguration : IEntityTypeConfiguration<RecommendationFeedback>
{
    public void Configure(EntityTypeBuilder<RecommendationFeedback> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Target).HasMaxLength(RecommendationFeedback.TargetMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.UserId, f.Kind, f.Target }).IsUnique();
    }
}

public sealed class PersonalisationSettingConfiguration : IEntityTypeConfiguration<PersonalisationSetting>
{
    public void Configure(EntityTypeBuilder<PersonalisationSetting> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
