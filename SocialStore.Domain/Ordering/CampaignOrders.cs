using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>The facts of a SKU a campaign order line needs (read once; a flash-sale item caches them).</summary>
public sealed record CampaignSku(long ProductId, long SkuId, string ProductTitle, string SkuLabel, string CoverKey, string Currency);

/// <summary>
/// A campaign's error codes for the buyer caps of <see cref="BuyerLimits"/>, so each campaign shows its own message
/// (a flash sale shows only "limit reached", ADR-059).
/// </summary>
public sealed record CampaignLimitCodes(string TooManyUnits, string RateLimited, string TooManyUnpaid);

/// <summary>
/// The steps every campaign order (group buy, bargain, flash sale) takes, in one place (ADR-059), inside the
/// campaign's own transaction and in this order: <see cref="BeginAsync"/> — the buyer caps of <see cref="BuyerLimits"/>
/// like the checkout (the buyer's row is locked first, so lock order stays buyer → campaign rows → SKU → product) and
/// the delivery address; then the campaign takes what it holds (seats, campaign stock, its cap) conditionally;
/// <see cref="WriteAsync"/> — the order at the campaign price through <see cref="PricingPipeline"/> and
/// <see cref="OrderWriter"/>; <see cref="TakeStockAsync"/> — the SKU's stock through <see cref="StockLedger"/>, last,
/// so the hot rows are locked only from there to the commit.
/// </summary>
public static class CampaignOrders
{
    /// <summary>The SKU with its product's title, cover and currency; null when there is no such SKU.</summary>
    public static async Task<CampaignSku?> SkuAsync(SocialStoreDbContext db, long skuId, CancellationToken ct)
    {
        var row = await (from s in db.Skus
                         join p in db.Products on s.ProductId equals p.Id
                         where s.Id == skuId
                         select new { ProductId = p.Id, p.Title, p.CoverKey, p.Currency, s.Key }).FirstOrDefaultAsync(ct);
        return row is null ? null : new CampaignSku(row.ProductId, skuId, row.Title, Label(row.Key), row.CoverKey, row.Currency);
    }

    /// <summary>The label of a SKU's key on an order line ("红色 / M").</summary>
    public static string Label(string skuKey) => string.Join(" / ", SkuKey.Split(skuKey));

    /// <summary>
    /// The buyer caps (open unpaid orders, orders per minute, units of one SKU per order), then the buyer's address.
    /// Throws <see cref="DomainException"/> with the campaign's codes, or <paramref name="addressRequired"/>.
    /// </summary>
    public static async Task<Address> BeginAsync(
        SocialStoreDbContext db, string buyerId, CampaignSku sku, int quantity, long? addressId, CheckoutOptions options, DateTimeOffset now,
        CampaignLimitCodes codes, string addressRequired, CancellationToken ct)
    {
        try
        {
            await BuyerLimits.EnsureCanOrderAsync(db, buyerId, [(sku.ProductTitle, quantity)], options, now, ct);
        }
        catch (DomainException ex) when (ex.Code == CartErrors.TooManyUnits)
        {
            throw new DomainException(codes.TooManyUnits, options.MaxUnitsPerSku);
        }
        catch (DomainException ex) when (ex.Code == CartErrors.RateLimited)
        {
            throw new DomainException(codes.RateLimited, options.MaxOrdersPerMinute);
        }
        catch (DomainException ex) when (ex.Code == CartErrors.TooManyUnpaid)
        {
            throw new DomainException(codes.TooManyUnpaid, options.MaxOpenUnpaidOrders);
        }
        return await AddressService.ForOrderAsync(db, buyerId, addressId, ct) ?? throw new DomainException(addressRequired);
    }

    /// <summary>
    /// Writes the unpaid order at <paramref name="unitPrice"/> (shipping and the other adjusters as at checkout).
    /// <paramref name="alongside"/> adds the campaign's own rows that point at the order, saved with the order's last batch.
    /// </summary>
    public static async Task<Order> WriteAsync(
        SocialStoreDbContext db, PricingPipeline pricing, CheckoutOptions options, string buyerId, string key, Address address,
        CampaignSku sku, decimal unitPrice, int quantity, DateTimeOffset now, CancellationToken ct, Action<Order>? alongside = null)
    {
        var line = new PricingLine(sku.ProductId, sku.SkuId, sku.ProductTitle, sku.SkuLabel, sku.CoverKey, unitPrice, quantity);
        var quote = await pricing.PriceAsync(buyerId, [line], ct);
        return await OrderWriter.AddAsync(db, buyerId, key, address, quote, sku.Currency, now, options.UnpaidTimeout, ct, alongside);
    }

    /// <summary>Takes the SKU's stock and keeps the product's summary in step; throws <paramref name="soldOut"/> when there is not enough.</summary>
    public static async Task TakeStockAsync(SocialStoreDbContext db, CampaignSku sku, int quantity, string soldOut, CancellationToken ct)
    {
        if (!await StockLedger.TryTakeSkuAsync(db, sku.SkuId, quantity, ct)) throw new DomainException(soldOut);
        await StockLedger.ApplyToProductAsync(db, sku.ProductId, quantity, ct);
    }
}
