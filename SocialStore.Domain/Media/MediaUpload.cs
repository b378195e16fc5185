using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Media;

/// <summary>
/// An uploaded note image not yet known to be attached to a note. The clean-up worker deletes the files of
/// uploads that no note refers to a day later, and the row in every case.
/// </summary>
public class MediaUpload
{
    public const int KeyMaxLength = 200;

    public long Id { get; set; }

    public string StorageKey { get; set; } = "";

    public string UploaderId { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}

public sealed class MediaUploadConfiguration : IEntityTypeConfiguration<MediaUpload>
{
    public void Configure(EntityTypeBuilder<MediaUpload> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(u => u.UploaderId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(u => u.StorageKey).HasMaxLength(MediaUpload.KeyMaxLength).IsRequired();
        builder.HasIndex(u => u.StorageKey).IsUnique();
        builder.HasIndex(u => u.UploadedAt);
    }
}
