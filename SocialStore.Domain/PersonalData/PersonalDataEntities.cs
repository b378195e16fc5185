using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.PersonalData;

/// <summary>What happens to a deleted account's notes, comments, reviews and Q&amp;A (the person chooses).</summary>
public enum DeletionContent
{
    /// <summary>Taken down and their text and images erased.</summary>
    Remove,

    /// <summary>Left in place under "已注销用户 / Deleted user".</summary>
    Anonymise,
}

public enum DeletionStatus
{
    /// <summary>Requested; erased when <see cref="AccountDeletion.DueAt"/> passes, unless the person signs in first.</summary>
    Pending,

    /// <summary>The person signed in during the grace period.</summary>
    Cancelled,

    /// <summary>Personal data erased; the account can no longer sign in.</summary>
    Done,
}

/// <summary>
/// A request to delete an account (PIPL Art. 47, ADR-051). One row per user: a new request after a cancelled
/// one reuses it. The worker erases the account once <see cref="DueAt"/> has passed.
/// </summary>
public class AccountDeletion
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DeletionContent Content { get; set; }

    public DeletionStatus Status { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}

public enum ConsentKind
{
    Terms,
    Privacy,
    Personalisation,
}

/// <summary>One grant or withdrawal of consent, never changed afterwards: the rows of a user are their consent history.</summary>
public class Consent
{
    public const int VersionMaxLength = 32;

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public ConsentKind Kind { get; set; }

    /// <summary>The version of the document agreed to (terms, privacy policy); empty for the personalisation switch.</summary>
    public string Version { get; set; } = "";

    public bool Granted { get; set; }

    public DateTimeOffset At { get; set; }
}

public sealed class AccountDeletionConfiguration : IEntityTypeConfiguration<AccountDeletion>
{
    public void Configure(EntityTypeBuilder<AccountDeletion> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.UserId).IsUnique();
        builder.HasIndex(d => new { d.Status, d.DueAt });
        builder.Property(d => d.Content).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
    }
}

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.UserId, c.At });
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Version).HasMaxLength(Consent.VersionMaxLength).IsRequired();
    }
}
