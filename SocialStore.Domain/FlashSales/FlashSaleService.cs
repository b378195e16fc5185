using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.FlashSales;

public sealed record FlashReservationRequest(string BuyerId, long ItemId, int Quantity, string CheckoutKey, long? AddressId = null);

public sealed record FlashReservationResult(long OrderId, string Number, decimal Total, bool Created);

public sealed record FlashSlotInput(string? Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record FlashItemInput(long SkuId, decimal Price, int Stock, int PerUserLimit);

/// <summary>
/// Flash sales (秒杀): the back office's slots and items, and the reservation — one transaction that takes the
/// buyer's cap (a conditional UPDATE on the buyer's counter row), writes the order at the flash price through
/// <see cref="OrderWriter"/>, takes the slot's stock with one conditional UPDATE (<c>WHERE Remaining &gt;= @n</c>),
/// and then the SKU's stock through <see cref="StockLedger"/>. The row counts decide; the
/// <see cref="FlashSaleGate"/> only keeps a burst out of the database once the slot is empty. A buyer is only
/// ever told sold out, limit reached, not started or ended.
/// </summary>
public sealed class FlashSaleService(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, PricingPipeline pricing, FlashSaleGate gate,
    IOptions<CheckoutOptions> checkout, FlashSaleDirectory directory)
{
    private const int Attempts = 4;

    // ---- Back office --------------------------------------------------------------------------------------

    public async Task<long> CreateSlotAsync(ClaimsPrincipal actor, FlashSlotInput input, CancellationToken cancellationToken)
    {
        var actorId = Roles.RequireAdmin(actor, FlashSaleErrors.AdminOnly);
        var title = (input.Title ?? "").Trim();
        if (title.Length is 0 or > FlashSaleSlot.TitleMaxLength) throw new DomainException(FlashSaleErrors.TitleInvalid, FlashSaleSlot.TitleMaxLength);
        if (input.EndsAt <= input.StartsAt) throw new DomainException(FlashSaleErrors.WindowInvalid);
        if (input.EndsAt <= clock.GetUtcNow()) throw new DomainException(FlashSaleErrors.SlotEnded);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slot = new FlashSaleSlot
        {
            Title = title,
            StartsAt = input.StartsAt.ToUniversalTime(),
            EndsAt = input.EndsAt.ToUniversalTime(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actorId,
        };
        db.FlashSaleSlots.Add(slot);
        await db.SaveChangesAsync(cancellationToken);
        return slot.Id;
    }

    /// <summary>Adds a SKU to a slot: price above zero and below the SKU's price, stock 1..the SKU's stock, cap 1..99.</summary>
    public async Task<long> AddItemAsync(ClaimsPrincipal actor, long slotId, FlashItemInput input, CancellationToken cancellationToken)
    {
        Roles.RequireAdmin(actor, FlashSaleErrors.AdminOnly);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slot = await db.FlashSaleSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, cancellationToken)
            ?? throw new DomainException(FlashSaleErrors.SlotNotFound);
        if (slot.EndsAt <= clock.GetUtcNow()) throw new DomainException(FlashSaleErrors.SlotEnded);
        var sku = await db.Skus.AsNoTracking().Where(s => s.Id == input.SkuId && s.IsActive)
            .Select(s => new { s.Id, s.ProductId, s.Price, s.Stock }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(FlashSaleErrors.SkuNotFound);
        if (input.Price <= 0 || decimal.Round(input.Price, 2) != input.Price) throw new DomainException(FlashSaleErrors.PriceInvalid);
        if (input.Price >= sku.Price) throw new DomainException(FlashSaleErrors.PriceNotBelow, Money.Plain(sku.Price));
        if (input.Stock <= 0) throw new DomainException(FlashSaleErrors.StockInvalid);
        if (input.Stock > sku.Stock) throw new DomainException(FlashSaleErrors.StockAboveSku, sku.Stock);
        if (input.PerUserLimit is <= 0 or > FlashSaleOptions.MaxPerUserLimit) throw new DomainException(FlashSaleErrors.LimitInvalid, FlashSaleOptions.MaxPerUserLimit);
        var item = new FlashSaleItem
        {
            SlotId = slotId,
            ProductId = sku.ProductId,
            SkuId = sku.Id,
            Price = input.Price,
            Stock = input.Stock,
            Remaining = input.Stock,
            PerUserLimit = input.PerUserLimit,
        };
        db.FlashSaleItems.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new DomainException(FlashSaleErrors.SkuAlreadyInSlot);
        }
        directory.Invalidate();
        return item.Id;
    }

    // ---- Buying -------------------------------------------------------------------------------------------

    /// <summary>
    /// Reserves <see cref="FlashReservationRequest.Quantity"/> of an item and creates the unpaid order at the flash
    /// price, or returns the order this checkout key already created. Throws <see cref="DomainException"/> with one of
    /// <see cref="FlashSaleErrors.SoldOut"/>, <see cref="FlashSaleErrors.LimitReached"/>, <see cref="FlashSaleErrors.NotStarted"/>,
    /// <see cref="FlashSaleErrors.Ended"/> (or <see cref="FlashSaleErrors.AddressRequired"/> when the buyer has nowhere to ship to).
    /// </summary>
    public async Task<FlashReservationResult> ReserveAsync(FlashReservationRequest request, CancellationToken cancellationToken)
    {
        if (!CheckoutService.IsWellFormedKey(request.CheckoutKey)) throw new DomainException(FlashSaleErrors.SoldOut);
        if (gate.IsSoldOut(request.ItemId)) throw new DomainException(FlashSaleErrors.SoldOut);

        var offer = await OfferAsync(request.ItemId, cancellationToken) ?? throw new DomainException(FlashSaleErrors.Ended);
        var now = clock.GetUtcNow();
        if (now < offer.StartsAt) throw new DomainException(FlashSaleErrors.NotStarted);
        if (now >= offer.EndsAt) throw new DomainException(FlashSaleErrors.Ended);
        if (request.Quantity < 1 || request.Quantity > offer.PerUserLimit) throw new DomainException(FlashSaleErrors.LimitReached, offer.PerUserLimit);

        using var turn = await gate.EnterAsync(request.ItemId, cancellationToken) ?? throw new DomainException(FlashSaleErrors.SoldOut);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DbTransactions.RunAsync(dbFactory, (db, ct) => ReserveAsync(db, request, offer, ct), cancellationToken);
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // A double submit of the same key won a moment ago, or this buyer's first counter row was inserted
                // by a parallel request (the next attempt updates it conditionally), or the order number clashed.
                if (await FindAsync(request, cancellationToken) is { } existing) return existing;
                if (attempt >= Attempts) throw new DomainException(FlashSaleErrors.LimitReached, offer.PerUserLimit);
            }
        }
    }

    /// <summary>An item's price, cap, times and labels. Items are never edited once added, so each is read once per process.</summary>
    private async Task<Offer?> OfferAsync(long itemId, CancellationToken cancellationToken)
    {
        if (offers.TryGetValue(itemId, out var cached)) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var offer = await db.FlashSaleItems.AsNoTracking().Where(i => i.Id == itemId)
            .Join(db.FlashSaleSlots, i => i.SlotId, s => s.Id, (i, s) => new { i, s })
            .Join(db.Skus, x => x.i.SkuId, k => k.Id, (x, k) => new { x.i, x.s, k })
            .Join(db.Products, x => x.i.ProductId, p => p.Id, (x, p) => new Offer(
                x.i.Id, x.i.ProductId, x.i.SkuId, x.i.Price, x.i.PerUserLimit, x.s.StartsAt, x.s.EndsAt,
                p.Title, x.k.Key, p.CoverKey ?? "", p.Currency))
            .FirstOrDefaultAsync(cancellationToken);
        if (offer is not null && offers.Count < MaxCachedOffers) offers[itemId] = offer;
        return offer;
    }

    private const int MaxCachedOffers = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, Offer> offers = new();

    private sealed record Offer(
        long ItemId, long ProductId, long SkuId, decimal Price, int PerUserLimit, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
        string ProductTitle, string SkuKey, string CoverKey, string Currency)
    {
        public CampaignSku Sku { get; } = new(ProductId, SkuId, ProductTitle, CampaignOrders.Label(SkuKey), CoverKey, Currency);
    }

    /// <summary>A flash-sale buyer only ever hears "limit reached" for any of the checkout's buyer caps (ADR-059).</summary>
    private static readonly CampaignLimitCodes Limits = new(FlashSaleErrors.LimitReached, FlashSaleErrors.LimitReached, FlashSaleErrors.LimitReached);

    private async Task<FlashReservationResult> ReserveAsync(SocialStoreDbContext db, FlashReservationRequest request, Offer offer, CancellationToken ct)
    {
        // No look-up of the checkout key here: a double submit meets the unique (buyer, key) index or the cap, and both
        // of those paths look the order up (one read fewer on every reservation).
        var now = clock.GetUtcNow();
        var n = request.Quantity;
        var limit = offer.PerUserLimit;

        // 1. The checkout's buyer caps and the address, as every campaign order (CampaignOrders). Read only by requests
        //    the gate let through: a burst after the slot emptied costs the database nothing.
        var address = await CampaignOrders.BeginAsync(db, request.BuyerId, offer.Sku, n, request.AddressId, checkout.Value, now, Limits, FlashSaleErrors.AddressRequired, ct);

        // 2. The item's cap, counting unpaid orders too: a conditional UPDATE of the buyer's counter row, or its first
        //    insert, saved with the order's first batch (the primary key refuses a parallel twin, which then retries into
        //    the UPDATE).
        var capped = await db.FlashSaleQuotas.Where(q => q.ItemId == offer.ItemId && q.UserId == request.BuyerId && q.Count + n <= limit)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Count, q => q.Count + n), ct);
        if (capped == 0)
        {
            if (await db.FlashSaleQuotas.AnyAsync(q => q.ItemId == offer.ItemId && q.UserId == request.BuyerId, ct))
                return await FindAsync(db, request, ct) ?? throw new DomainException(FlashSaleErrors.LimitReached, limit);
            db.FlashSaleQuotas.Add(new FlashSaleQuota { ItemId = offer.ItemId, UserId = request.BuyerId, Count = n });
        }

        // 3. The order at the flash price (shipping and any other adjusters as at checkout), its reservation row in the
        //    order's last batch.
        var order = await CampaignOrders.WriteAsync(db, pricing, checkout.Value, request.BuyerId, request.CheckoutKey, address, offer.Sku, offer.Price, n, now, ct,
            o => db.FlashSaleReservations.Add(new FlashSaleReservation { OrderId = o.Id, ItemId = offer.ItemId, UserId = request.BuyerId, Quantity = n, CreatedAt = now }));

        // 4. Stock last, so the hot rows are locked only from here to the commit: the slot's, then the SKU's and the product's.
        var taken = await db.FlashSaleItems.Where(i => i.Id == offer.ItemId && i.Remaining >= n)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Remaining, i => i.Remaining - n), ct);
        if (taken == 0)
        {
            gate.MarkSoldOut(offer.ItemId);
            throw new DomainException(FlashSaleErrors.SoldOut);
        }
        await CampaignOrders.TakeStockAsync(db, offer.Sku, n, FlashSaleErrors.SoldOut, ct);
        return new FlashReservationResult(order.Id, order.Number, order.Total, true);
    }

    private async Task<FlashReservationResult?> FindAsync(FlashReservationRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindAsync(db, request, ct);
    }

    private static Task<FlashReservationResult?> FindAsync(SocialStoreDbContext db, FlashReservationRequest request, CancellationToken ct) =>
        db.Orders.Where(o => o.BuyerId == request.BuyerId && o.CheckoutKey == request.CheckoutKey)
            .Select(o => new FlashReservationResult(o.Id, o.Number, o.Total, false)).FirstOrDefaultAsync(ct);

    // ---- What follows an order ----------------------------------------------------------------------------

    /// <summary>
    /// Called by <see cref="OrderHooks"/> in the move's transaction: an unpaid flash-sale order that is cancelled (by the
    /// buyer or the unpaid timeout) gives the slot its stock back and the buyer the unit of their cap, once
    /// (<see cref="FlashSaleReservation.ReturnedAt"/> is set conditionally). The SKU's stock is returned by the cancel itself.
    /// A paid order that is refunded later keeps counting against the cap and does not reopen the slot (ADR-036).
    /// </summary>
    public static async Task OnOrderMovedAsync(SocialStoreDbContext db, long orderId, OrderStatus from, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (from != OrderStatus.PendingPayment || to != OrderStatus.Cancelled) return;
        var returned = await db.FlashSaleReservations.Where(r => r.OrderId == orderId && r.ReturnedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReturnedAt, now), ct);
        if (returned == 0) return;
        var r = await db.FlashSaleReservations.AsNoTracking().Where(r => r.OrderId == orderId)
            .Select(r => new { r.ItemId, r.UserId, r.Quantity }).SingleAsync(ct);
        await db.FlashSaleItems.Where(i => i.Id == r.ItemId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Remaining, i => i.Remaining + r.Quantity), ct);
        await db.FlashSaleQuotas.Where(q => q.ItemId == r.ItemId && q.UserId == r.UserId && q.Count >= r.Quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Count, q => q.Count - r.Quantity), ct);
    }
}
