using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Moderation.Screening;

/// <summary>One entry of the admin-managed word list. <see cref="Normalized"/> is unique: one entry per term however it is written.</summary>
public class ScreeningWord
{
    public const int TermMaxLength = 50;

    public long Id { get; set; }

    /// <summary>The term as the moderator typed it (trimmed).</summary>
    public string Term { get; set; } = "";

    /// <summary>The term as the matcher sees it (<see cref="ScreeningText"/>); never empty.</summary>
    public string Normalized { get; set; } = "";

    public ScreenAction Action { get; set; }

    /// <summary>Applies only to commercial text (product titles and descriptions, notes that tag a product): advertising-law terms.</summary>
    public bool CommercialOnly { get; set; }

    public string CreatedById { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// What the screen found in a held or flagged text: the automatic flag on a reviewable, with the terms to
/// highlight for the moderator. One row per screening (a text edited and caught again adds a row).
/// </summary>
public class ScreeningFlag
{
    public const int TermsMaxLength = 400;

    public long Id { get; set; }

    public long ReviewableId { get; set; }

    public int Round { get; set; }

    public ScreenAction Action { get; set; }

    /// <summary>Why: a listed word, an advertising-law term, or the new-account rule.</summary>
    public ScreenReason Reason { get; set; }

    /// <summary>The found terms as the author wrote them, separated by '\n'.</summary>
    public string Terms { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

public enum ScreenReason
{
    WordList,
    AdvertisingLaw,
    NewAccount,

    /// <summary>Device signal (ADR-055): two accounts seen on one device joined the same group buy.</summary>
    SameDeviceGroup,

    /// <summary>Device signal (ADR-055): an invitee signed in on a device their inviter uses.</summary>
    SelfInvite,
}

public sealed class ScreeningWordConfiguration : IEntityTypeConfiguration<ScreeningWord>
{
    public void Configure(EntityTypeBuilder<ScreeningWord> builder)
    {
        builder.Property(w => w.Term).HasMaxLength(ScreeningWord.TermMaxLength * 2).IsRequired();
        builder.Property(w => w.Normalized).HasMaxLength(ScreeningWord.TermMaxLength * 2).IsRequired();
        builder.Property(w => w.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.CreatedById).HasMaxLength(450).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.CreatedById).OnDelete(DeleteBehavior.Restrict);
        // Two moderators adding the same term at once (or "微信" and "微 信"): the index decides.
        builder.HasIndex(w => w.Normalized).IsUnique();
    }
}

public sealed class ScreeningFlagConfiguration : IEntityTypeConfiguration<ScreeningFlag>
{
    public void Configure(EntityTypeBuilder<ScreeningFlag> builder)
    {
        builder.Property(f => f.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Terms).HasMaxLength(ScreeningFlag.TermsMaxLength * 2).IsRequired();
        builder.HasOne<Reviewable>().WithMany().HasForeignKey(f => f.ReviewableId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.ReviewableId, f.Id });
    }
}
