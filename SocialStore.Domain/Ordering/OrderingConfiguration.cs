using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Ordering;

public sealed class CartItemConfiguration : IEntityTypeConfiguration<CartItem>
{
    public void Configure(EntityTypeBuilder<CartItem> builder)
    {
        builder.Property(c => c.OwnerKey).HasMaxLength(CartItem.OwnerKeyMaxLength).IsRequired();
        builder.Property(c => c.PriceWhenAdded).HasPrecision(18, 2);
        // One line per owner and SKU: a double click adds to the quantity instead of making a second line.
        builder.HasIndex(c => new { c.OwnerKey, c.SkuId }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Sku>().WithMany().HasForeignKey(c => c.SkuId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.Property(a => a.Recipient).HasMaxLength(Address.RecipientMaxLength * 2).IsRequired();
        builder.Property(a => a.Mobile).HasMaxLength(Address.MobileLength).IsRequired();
        builder.Property(a => a.Province).HasMaxLength(Address.RegionMaxLength * 2).IsRequired();
        builder.Property(a => a.City).HasMaxLength(Address.RegionMaxLength * 2).IsRequired();
        builder.Property(a => a.District).HasMaxLength(Address.RegionMaxLength * 2).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(Address.DetailMaxLength * 2).IsRequired();
        builder.Ignore(a => a.MaskedMobile);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UserId, a.IsDefault });
    }
}

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.Number).HasMaxLength(Order.NumberLength).IsRequired();
        builder.Property(o => o.CheckoutKey).HasMaxLength(Order.CheckoutKeyMaxLength).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        foreach (var money in new[] { nameof(Order.Subtotal), nameof(Order.AdjustmentTotal), nameof(Order.Total), nameof(Order.RefundedAmount) })
            builder.Property(money).HasPrecision(18, 2);
        builder.Property(o => o.Recipient).HasMaxLength(Address.RecipientMaxLength * 2).IsRequired();
        builder.Property(o => o.Mobile).HasMaxLength(Address.MobileLength).IsRequired();
        builder.Property(o => o.Province).HasMaxLength(Address.RegionMaxLength * 2).IsRequired();
        builder.Property(o => o.City).HasMaxLength(Address.RegionMaxLength * 2).IsRequired();
        builder.Property(o => o.District).HasMaxLength(Address.RegionMaxLength * 2).IsRequired();
        builder.Property(o => o.AddressDetail).HasMaxLength(Address.DetailMaxLength * 2).IsRequired();
        builder.Property(o => o.Carrier).HasMaxLength(40);
        builder.Property(o => o.TrackingNumber).HasMaxLength(40);
        builder.Ignore(o => o.MaskedMobile);
        builder.HasIndex(o => o.Number).IsUnique();
        // Idempotent checkout: one order per buyer and form key, even when the submit arrives twice at once.
        builder.HasIndex(o => new { o.BuyerId, o.CheckoutKey }).IsUnique();
        builder.HasIndex(o => new { o.BuyerId, o.CreatedAt });
        builder.HasIndex(o => new { o.Status, o.PayBy });
        builder.HasIndex(o => new { o.Status, o.ShippedAt });
        builder.HasIndex(o => new { o.Status, o.DeliveredAt });
        builder.HasIndex(o => o.CreatedAt);
        builder.HasIndex(o => o.Mobile);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.BuyerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Adjustments).WithOne().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Property(l => l.ProductTitle).HasMaxLength(Product.TitleMaxLength * 2).IsRequired();
        builder.Property(l => l.SkuLabel).HasMaxLength(Sku.KeyMaxLength).IsRequired();
        builder.Property(l => l.CoverKey).HasMaxLength(200).IsRequired();
        foreach (var money in new[] { nameof(OrderLine.UnitPrice), nameof(OrderLine.Subtotal), nameof(OrderLine.AdjustmentTotal), nameof(OrderLine.Payable), nameof(OrderLine.RefundedAmount) })
            builder.Property(money).HasPrecision(18, 2);
        builder.Property(l => l.RefundState).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sku>().WithMany().HasForeignKey(l => l.SkuId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.SkuId, l.OrderId });
    }
}

public sealed class OrderAdjustmentConfiguration : IEntityTypeConfiguration<OrderAdjustment>
{
    public void Configure(EntityTypeBuilder<OrderAdjustment> builder)
    {
        builder.Property(a => a.Kind).HasMaxLength(OrderAdjustment.KindMaxLength).IsRequired();
        builder.Property(a => a.Label).HasMaxLength(OrderAdjustment.LabelMaxLength).IsRequired();
        builder.Property(a => a.Amount).HasPrecision(18, 2);
        builder.HasMany(a => a.Allocations).WithOne().HasForeignKey(x => x.AdjustmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OrderLineAdjustmentConfiguration : IEntityTypeConfiguration<OrderLineAdjustment>
{
    public void Configure(EntityTypeBuilder<OrderLineAdjustment> builder)
    {
        builder.Property(a => a.Amount).HasPrecision(18, 2);
        // The adjustment cascades from the order already; a second cascade path from the line would be refused by SQL Server.
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(a => a.OrderLineId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> builder)
    {
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Actor).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Note).HasMaxLength(OrderEvent.NoteMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.OrderId, e.At });
    }
}

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.Provider).HasMaxLength(Payment.ProviderMaxLength).IsRequired();
        builder.Property(p => p.SessionId).HasMaxLength(Payment.ReferenceMaxLength).IsRequired();
        builder.Property(p => p.TransactionId).HasMaxLength(Payment.ReferenceMaxLength);
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.Provider, p.SessionId }).IsUnique();
        builder.HasIndex(p => p.OrderId);
        builder.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PaymentCallbackConfiguration : IEntityTypeConfiguration<PaymentCallback>
{
    public void Configure(EntityTypeBuilder<PaymentCallback> builder)
    {
        builder.Property(c => c.Provider).HasMaxLength(Payment.ProviderMaxLength).IsRequired();
        builder.Property(c => c.CallbackId).HasMaxLength(PaymentCallback.CallbackIdMaxLength).IsRequired();
        builder.Property(c => c.SessionId).HasMaxLength(Payment.ReferenceMaxLength).IsRequired();
        builder.Property(c => c.Event).HasMaxLength(20).IsRequired();
        // Exactly once: a repeated or concurrent delivery of the same callback cannot be stored twice.
        builder.HasIndex(c => new { c.Provider, c.CallbackId }).IsUnique();
    }
}

public sealed class PaymentIncidentConfiguration : IEntityTypeConfiguration<PaymentIncident>
{
    public void Configure(EntityTypeBuilder<PaymentIncident> builder)
    {
        builder.Property(i => i.Provider).HasMaxLength(Payment.ProviderMaxLength).IsRequired();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.SessionId).HasMaxLength(Payment.ReferenceMaxLength);
        builder.Property(i => i.Body).HasMaxLength(PaymentIncident.BodyMaxLength).IsRequired();
        builder.Property(i => i.Detail).HasMaxLength(PaymentIncident.DetailMaxLength).IsRequired();
        builder.Property(i => i.RemoteAddress).HasMaxLength(64);
        builder.HasIndex(i => i.ReceivedAt);
    }
}

public sealed class RefundRequestConfiguration : IEntityTypeConfiguration<RefundRequest>
{
    public void Configure(EntityTypeBuilder<RefundRequest> builder)
    {
        builder.Property(r => r.Amount).HasPrecision(18, 2);
        builder.Property(r => r.Reason).HasMaxLength(RefundRequest.ReasonMaxLength * 2).IsRequired();
        builder.Property(r => r.PhotoKeys).HasMaxLength(1000).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DecisionReason).HasMaxLength(RefundRequest.ReasonMaxLength * 2);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(64).IsRequired();
        builder.Property(r => r.GatewayRefundId).HasMaxLength(Payment.ReferenceMaxLength);
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
        builder.HasIndex(r => new { r.OrderLineId, r.Status });
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(r => r.OrderLineId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.DecidedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Type).HasMaxLength(OutboxMessage.TypeMaxLength).IsRequired();
        builder.Property(m => m.Payload).HasMaxLength(OutboxMessage.PayloadMaxLength).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.ProcessedAt, m.AvailableAt });
    }
}
