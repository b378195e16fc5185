using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// Turns cart lines into an order in one transaction: re-read the SKUs and prices, price them through
/// the <see cref="PricingPipeline"/>, write the order with its lines, adjustments, per-line allocations and
/// first timeline event, take the lines out of the cart, and reserve stock with one conditional UPDATE per
/// SKU (ascending SKU id, then products ascending, so concurrent checkouts do not deadlock).
/// If any line cannot be reserved the transaction rolls back and nothing is reserved. The checkout key
/// (unique per buyer) makes a double submit land on the same order.
/// </summary>
public sealed class CheckoutService(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, PricingPipeline pricing, IOptions<CheckoutOptions> options, CartNotifier notifier)
{
    private const int NumberAttempts = 3;

    public static bool IsWellFormedKey(string? key) =>
        key is { Length: > 0 and <= Order.CheckoutKeyMaxLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>What the checkout page shows for these SKUs of the buyer's cart (the whole cart when none are named).</summary>
    public async Task<CheckoutPreview> PreviewAsync(string buyerId, IReadOnlyCollection<long> skuIds, CancellationToken cancellationToken) =>
        await PreviewAsync(buyerId, skuIds, PricingChoices.Auto, cancellationToken);

    /// <summary>The preview priced with the shopper's choices (which coupon).</summary>
    public async Task<CheckoutPreview> PreviewAsync(string buyerId, IReadOnlyCollection<long> skuIds, PricingChoices choices, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = await CartService.LinesAsync(db, CartItem.UserOwner(buyerId), skuIds, cancellationToken);
        var addresses = await AddressService.ListAsync(db, buyerId, cancellationToken);
        var buyable = lines.Where(l => l.CanBuy).ToList();
        var quote = buyable.Count == 0 ? null : await pricing.PriceAsync(buyerId, [.. buyable.Select(ToPricingLine)], choices, cancellationToken);
        return new CheckoutPreview(lines, quote, addresses, lines.FirstOrDefault()?.Currency ?? "CNY");
    }

    /// <summary>Places the order, or returns the one this checkout key already placed.</summary>
    public async Task<PlaceOrderResult> PlaceOrderAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        if (!IsWellFormedKey(request.CheckoutKey)) throw new DomainException(CartErrors.CheckoutKeyInvalid);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await DbTransactions.RunAsync(dbFactory, (db, ct) => PlaceAsync(db, request, ct), cancellationToken);
                if (result.Created)
                    await notifier.PublishAsync(CartItem.UserOwner(request.BuyerId), await CountAsync(request.BuyerId, cancellationToken));
                return result;
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Either the same checkout key won a moment ago (a double click), or the order number clashed.
                if (await FindAsync(request, cancellationToken) is { } existing) return existing;
                if (attempt >= NumberAttempts) throw;
            }
            catch (DomainException)
            {
                // A second submit that started before the first committed finds the cart already emptied by it.
                if (await FindAsync(request, cancellationToken) is { } existing) return existing;
                throw;
            }
        }
    }

    private async Task<PlaceOrderResult> PlaceAsync(SocialStoreDbContext db, PlaceOrderRequest request, CancellationToken ct)
    {
        var buyerId = request.BuyerId;
        if (await FindAsync(db, request, ct) is { } existing) return existing;

        var now = clock.GetUtcNow();
        var o = options.Value;
        var owner = CartItem.UserOwner(buyerId);
        var lines = await CartService.LinesAsync(db, owner, request.SkuIds, ct);
        if (lines.Count == 0) throw new DomainException(OrderErrors.CartEmpty);
        await BuyerLimits.EnsureCanOrderAsync(db, buyerId, lines.Select(l => (l.ProductTitle, l.Quantity)), o, now, ct);
        var address = await AddressService.ForOrderAsync(db, buyerId, request.AddressId, ct)
            ?? throw new DomainException(OrderErrors.AddressRequired);
        foreach (var line in lines)
        {
            if (!line.Available) throw new DomainException(OrderErrors.SkuUnavailable, line.ProductTitle);
            // The shopper saw (and confirmed) PriceWhenAdded; a different price now must be shown and confirmed first.
            if (line.PriceChange != 0) throw new DomainException(OrderErrors.PriceChanged, line.ProductTitle);
        }

        var ordered = lines.OrderBy(l => l.SkuId).ToList();
        var quote = await pricing.PriceAsync(buyerId, [.. ordered.Select(ToPricingLine)], request.Choices ?? PricingChoices.Auto, ct);

        var order = await OrderWriter.AddAsync(db, buyerId, request.CheckoutKey, address, quote, ordered[0].Currency, now, o.UnpaidTimeout, ct);
        await Coupons.CouponCheckout.LockAsync(db, buyerId, order.Id, quote, now, ct);
        await Points.PointsCheckout.SpendAsync(db, buyerId, order.Id, quote, now, ct);

        var bought = ordered.Select(l => l.SkuId).ToList();
        await db.CartItems.Where(c => c.OwnerKey == owner && bought.Contains(c.SkuId)).ExecuteDeleteAsync(ct);

        // Stock last: the SKU and product row locks are held only from here to the commit, so buyers of the
        // same hot SKU queue for two short statements, not for the whole order write. A line that cannot be
        // reserved throws, and the rollback takes the order rows and every earlier reservation with it.
        foreach (var line in ordered)
            if (!await StockLedger.TryTakeSkuAsync(db, line.SkuId, line.Quantity, ct))
                throw new DomainException(OrderErrors.SoldOut, line.ProductTitle);
        foreach (var product in ordered.GroupBy(l => l.ProductId).OrderBy(g => g.Key))
            await StockLedger.ApplyToProductAsync(db, product.Key, product.Sum(l => l.Quantity), ct);
        return new PlaceOrderResult(order.Id, order.Number, order.Total, Created: true);
    }

    private static PricingLine ToPricingLine(CartLineView l) =>
        new(l.ProductId, l.SkuId, l.ProductTitle, l.SkuLabel, l.CoverKey, l.Price, l.Quantity);

    private async Task<PlaceOrderResult?> FindAsync(PlaceOrderRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindAsync(db, request, ct);
    }

    private static Task<PlaceOrderResult?> FindAsync(SocialStoreDbContext db, PlaceOrderRequest request, CancellationToken ct) =>
        db.Orders.Where(o => o.BuyerId == request.BuyerId && o.CheckoutKey == request.CheckoutKey)
            .Select(o => new PlaceOrderResult(o.Id, o.Number, o.Total, false)).FirstOrDefaultAsync(ct);

    private async Task<int> CountAsync(string buyerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CartService.CountAsync(db, CartItem.UserOwner(buyerId), ct);
    }
}
