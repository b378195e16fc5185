using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// Takes and gives back stock with one conditional UPDATE per SKU (DESIGN §3): the row count decides,
/// so two buyers can never take the last item twice and stock never goes below zero. The product's
/// summary stock and sales count follow in the same transaction. Callers lock SKUs in ascending id
/// order and products after all SKUs, so concurrent multi-line checkouts do not deadlock.
/// </summary>
public static class StockLedger
{
    /// <summary>Takes <paramref name="quantity"/> of a SKU that is active and on sale; false when there is not enough (or it is off shelf).</summary>
    public static async Task<bool> TryTakeSkuAsync(SocialStoreDbContext db, long skuId, int quantity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var taken = await db.Skus
            .Where(s => s.Id == skuId && s.IsActive && s.Stock >= quantity
                && db.Products.Any(p => p.Id == s.ProductId && p.Status == ProductStatus.OnSale))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Stock, x => x.Stock - quantity), cancellationToken);
        return taken == 1;
    }

    /// <summary>Keeps the product's list columns in step after SKUs were taken (positive) or returned (negative).</summary>
    public static Task ApplyToProductAsync(SocialStoreDbContext db, long productId, int taken, CancellationToken cancellationToken) =>
        db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Stock, p => p.Stock - taken)
            .SetProperty(p => p.SalesCount, p => p.SalesCount + taken), cancellationToken);

    /// <summary>Gives stock back to a SKU (unpaid order cancelled, refund of goods never shipped or returned).</summary>
    public static async Task ReturnAsync(SocialStoreDbContext db, long productId, long skuId, int quantity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        await db.Skus.Where(s => s.Id == skuId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stock, x => x.Stock + quantity), cancellationToken);
        await ApplyToProductAsync(db, productId, -quantity, cancellationToken);
    }
}
