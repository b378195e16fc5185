using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.RedPackets;

public sealed class RedPacketConfiguration : IEntityTypeConfiguration<RedPacket>
{
    public void Configure(EntityTypeBuilder<RedPacket> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(RedPacket.TitleMaxLength * 2).IsRequired();
        builder.Property(p => p.Total).HasPrecision(18, 2);
        builder.Property(p => p.ReturnedAmount).HasPrecision(18, 2);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ReturnedAt, p.ExpiresAt });
    }
}

public sealed class RedPacketSlotConfiguration : IEntityTypeConfiguration<RedPacketSlot>
{
    public void Configure(EntityTypeBuilder<RedPacketSlot> builder)
    {
        builder.HasKey(s => new { s.PacketId, s.Seq });
        builder.Property(s => s.Amount).HasPrecision(18, 2);
        builder.HasOne<RedPacket>().WithMany().HasForeignKey(s => s.PacketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.ClaimedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Coupon>().WithMany().HasForeignKey(s => s.CouponId).OnDelete(DeleteBehavior.Restrict);
        // One slot per person and packet, however many requests race for it.
        builder.HasIndex(s => new { s.PacketId, s.ClaimedBy }).IsUnique();
        builder.HasIndex(s => s.ClaimedBy);
    }
}
