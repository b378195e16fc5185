using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Ordering;

/// <summary>
/// Orders written straight into the database the way checkout and the payment callback would (another
/// area owns those): stock taken through <see cref="StockLedger"/>, shipping spread over the lines with
/// <see cref="PriceAllocation"/>, the first timeline event, then moves through <see cref="OrderTransitions"/>.
/// </summary>
public static class OrderTestData
{
    public static readonly SandboxGateway Gateway = new(Options.Create(new SandboxOptions()));

    public sealed record Item(Sku Sku, int Quantity, string Title = "商品");

    /// <summary>
    /// A buyer ready to check out: a default address (张三, 上海市徐汇区) and the given cart lines, written at
    /// <paramref name="at"/>. Returns the address id. The one copy the checkout, coupon and points test beds share.
    /// </summary>
    public static async Task<long> PrepareBuyerAsync(IDbContextFactory<SocialStoreDbContext> factory, string userId, DateTimeOffset at,
        params (long ProductId, long SkuId, decimal Price, int Quantity)[] lines)
    {
        await using var db = await factory.CreateDbContextAsync();
        var address = new Address
        {
            UserId = userId,
            Recipient = "张三",
            Mobile = "13812345678",
            Province = "上海市",
            City = "上海市",
            District = "徐汇区",
            Detail = "漕溪北路 88 号 2 楼",
            IsDefault = true,
            CreatedAt = at,
        };
        db.Addresses.Add(address);
        foreach (var l in lines)
            db.CartItems.Add(new CartItem
            {
                OwnerKey = CartItem.UserOwner(userId),
                ProductId = l.ProductId,
                SkuId = l.SkuId,
                Quantity = l.Quantity,
                PriceWhenAdded = l.Price,
                AddedAt = at,
                UpdatedAt = at,
            });
        await db.SaveChangesAsync();
        return address.Id;
    }

    public static async Task<Order> PendingAsync(
        IDbContextFactory<SocialStoreDbContext> factory, string buyerId, IReadOnlyList<Item> items, decimal shipping = 10m, DateTimeOffset? at = null,
        string mobile = "13812345678", string recipient = "张三")
    {
        var now = at ?? DateTimeOffset.UtcNow;
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var item in items.OrderBy(i => i.Sku.Id))
        {
            if (!await StockLedger.TryTakeSkuAsync(db, item.Sku.Id, item.Quantity, CancellationToken.None)) throw new InvalidOperationException("sold out");
            await StockLedger.ApplyToProductAsync(db, item.Sku.ProductId, item.Quantity, CancellationToken.None);
        }
        var subtotals = items.Select(i => i.Sku.Price * i.Quantity).ToArray();
        var shares = PriceAllocation.Spread(shipping, subtotals);
        var order = new Order
        {
            Number = OrderNumbers.New(now),
            BuyerId = buyerId,
            CheckoutKey = Guid.NewGuid().ToString("N"),
            Status = OrderStatus.PendingPayment,
            Subtotal = subtotals.Sum(),
            AdjustmentTotal = shipping,
            Total = subtotals.Sum() + shipping,
            Recipient = recipient,
            Mobile = mobile,
            Province = "上海市",
            City = "上海市",
            District = "浦东新区",
            AddressDetail = "世纪大道 100 号",
            CreatedAt = now,
            PayBy = now.AddMinutes(15),
        };
        for (var i = 0; i < items.Count; i++)
        {
            order.Lines.Add(new OrderLine
            {
                ProductId = items[i].Sku.ProductId,
                SkuId = items[i].Sku.Id,
                ProductTitle = items[i].Title,
                SkuLabel = items[i].Sku.Key,
                CoverKey = "seed/p.svg",
                UnitPrice = items[i].Sku.Price,
                Quantity = items[i].Quantity,
                Subtotal = subtotals[i],
                AdjustmentTotal = shares[i],
                Payable = subtotals[i] + shares[i],
            });
        }
        var adjustment = new OrderAdjustment { Position = 0, Kind = ShippingAdjuster.Kind, Label = "Order.Shipping", Amount = shipping };
        order.Adjustments.Add(adjustment);
        order.Events.Add(new OrderEvent { ToStatus = OrderStatus.PendingPayment, Actor = OrderActor.Buyer, ActorId = buyerId, At = now });
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        for (var i = 0; i < items.Count; i++) adjustment.Allocations.Add(new OrderLineAdjustment { OrderLineId = order.Lines[i].Id, Amount = shares[i] });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return order;
    }

    /// <summary>What the payment callback does: PendingPayment → Paid by the gateway, with a succeeded payment that refunds can name.</summary>
    public static async Task<string> PayAsync(IDbContextFactory<SocialStoreDbContext> factory, Order order, DateTimeOffset? at = null)
    {
        var now = at ?? DateTimeOffset.UtcNow;
        var session = (await Gateway.CreateSessionAsync(new PaymentSessionRequest(order.Number, order.Total, order.Currency, "/"), CancellationToken.None)).SessionId;
        var transactionId = Gateway.TransactionIdFor(session);
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await OrderTransitions.TryMoveAsync(db, order.Id, OrderStatus.PendingPayment, OrderStatus.Paid, OrderActor.Gateway, null, null, now, CancellationToken.None))
            throw new InvalidOperationException("not pending");
        db.Payments.Add(new Payment
        {
            OrderId = order.Id,
            Provider = SandboxGateway.Name,
            SessionId = session,
            Amount = order.Total,
            Currency = order.Currency,
            Status = PaymentStatus.Succeeded,
            TransactionId = transactionId,
            CreatedAt = now,
            CompletedAt = now,
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return transactionId;
    }

    public static async Task ShipAsync(IDbContextFactory<SocialStoreDbContext> factory, Order order, DateTimeOffset? at = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await OrderTransitions.TryMoveAsync(db, order.Id, OrderStatus.Paid, OrderStatus.Shipped, OrderActor.Admin, null, "顺丰 SF1234567890", at ?? DateTimeOffset.UtcNow, CancellationToken.None))
            throw new InvalidOperationException("not paid");
        await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Carrier, "顺丰").SetProperty(o => o.TrackingNumber, "SF1234567890"));
        await transaction.CommitAsync();
    }

    /// <summary>Shipped → Delivered the way the order desk does it, so the buyer's purchase records are written.</summary>
    public static async Task DeliverAsync(IDbContextFactory<SocialStoreDbContext> factory, Order order, DateTimeOffset? at = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await OrderService.DeliverAsync(db, order.Id, OrderActor.System, null, at ?? DateTimeOffset.UtcNow, CancellationToken.None))
            throw new InvalidOperationException("not shipped");
        await transaction.CommitAsync();
    }

    /// <summary>Checkout, payment, shipping and delivery of one SKU; returns the buyer's purchase record id for that line.</summary>
    public static async Task<long> DeliveredPurchaseAsync(IDbContextFactory<SocialStoreDbContext> factory, string buyerId, Sku sku, int quantity = 1)
    {
        var order = await PendingAsync(factory, buyerId, [new Item(sku, quantity)]);
        await PayAsync(factory, order);
        await ShipAsync(factory, order);
        await DeliverAsync(factory, order);
        await using var db = await factory.CreateDbContextAsync();
        return await db.PurchaseRecords.Where(p => p.UserId == buyerId && p.SkuId == sku.Id).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
    }
}
