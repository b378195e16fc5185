using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Moderation.Devices;

/// <summary>
/// An account signed in (or signed up) on a device: the device is a random first-party cookie id, stored
/// here only as its SHA-256 (ADR-055). One row per (device, account); sign-ins move <see cref="LastSeenAt"/>.
/// </summary>
public class DeviceSighting
{
    public const int DeviceKeyLength = 64;

    public long Id { get; set; }

    public string DeviceKey { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}

public sealed class DeviceSightingConfiguration : IEntityTypeConfiguration<DeviceSighting>
{
    public void Configure(EntityTypeBuilder<DeviceSighting> builder)
    {
        builder.Property(d => d.DeviceKey).HasMaxLength(DeviceSighting.DeviceKeyLength).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        // Concurrent sign-ins of one account on one device meet here: one row.
        builder.HasIndex(d => new { d.DeviceKey, d.UserId }).IsUnique();
        builder.HasIndex(d => d.UserId);
    }
}
