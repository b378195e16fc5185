using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.FlashSales;

public sealed class FlashSaleSlotConfiguration : IEntityTypeConfiguration<FlashSaleSlot>
{
    public void Configure(EntityTypeBuilder<FlashSaleSlot> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(FlashSaleSlot.TitleMaxLength * 2).IsRequired();
        builder.Property(s => s.CreatedBy).HasMaxLength(450).IsRequired();
        builder.HasIndex(s => new { s.EndsAt, s.StartsAt });
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SlotId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FlashSaleItemConfiguration : IEntityTypeConfiguration<FlashSaleItem>
{
    public void Configure(EntityTypeBuilder<FlashSaleItem> builder)
    {
        builder.Property(i => i.Price).HasPrecision(18, 2);
        // A SKU appears once per slot: two admins adding it at once cannot both succeed.
        builder.HasIndex(i => new { i.SlotId, i.SkuId }).IsUnique();
        builder.HasIndex(i => i.ProductId);
        builder.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sku>().WithMany().HasForeignKey(i => i.SkuId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class FlashSaleQuotaConfiguration : IEntityTypeConfiguration<FlashSaleQuota>
{
    public void Configure(EntityTypeBuilder<FlashSaleQuota> builder)
    {
        // One counter row per item and person: the primary key decides between two first purchases at once.
        builder.HasKey(q => new { q.ItemId, q.UserId });
        builder.HasOne<FlashSaleItem>().WithMany().HasForeignKey(q => q.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(q => q.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FlashSaleReservationConfiguration : IEntityTypeConfiguration<FlashSaleReservation>
{
    public void Configure(EntityTypeBuilder<FlashSaleReservation> builder)
    {
        builder.HasKey(r => r.OrderId);
        builder.Property(r => r.OrderId).ValueGeneratedNever();
        builder.HasIndex(r => r.ItemId);
        builder.HasOne<Order>().WithOne().HasForeignKey<FlashSaleReservation>(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FlashSaleItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.NoAction);
    }
}
