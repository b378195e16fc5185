using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Catalog;

public sealed record ProductGalleryImage(string Key, int Width, int Height);

public sealed record ProductDetail(
    long Id, string Title, string Subtitle, string Description, string Brand, string Tags,
    string Currency, decimal Price, int Stock, int SalesCount, DateTimeOffset CreatedAt,
    string CategorySlug, string CategoryNameZh, string CategoryNameEn,
    IReadOnlyList<ProductGalleryImage> Images, IReadOnlyList<ProductOption> Options, IReadOnlyList<Sku> Skus,
    IReadOnlyDictionary<long, decimal> ReferencePrices)
{
    public bool SoldOut => !Skus.Any(s => s.IsActive && s.Stock > 0);

    /// <summary>The SKU's struck-through earlier price, only when <see cref="Catalog.ReferencePrices"/> verified it; never <see cref="Sku.OriginalPrice"/> as typed.</summary>
    public decimal? ReferencePriceOf(Sku sku) => ReferencePrices.TryGetValue(sku.Id, out var price) ? price : null;

    /// <summary>The from-price's reference: the lowest verified one among the SKUs at <see cref="Price"/>.</summary>
    public decimal? ReferencePrice =>
        Skus.Where(s => s.Price == Price).Select(ReferencePriceOf).Where(p => p is not null).Min();
}

/// <summary>The product page's read side: a product on sale with its gallery, options and SKUs, and the notes that tag it.</summary>
public sealed class ProductQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider? clock = null)
{
    /// <summary>An on-sale product; drafts and products taken off the shelf look missing from outside.</summary>
    public async Task<ProductDetail?> DetailAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One round trip: the category is a reference and the three child lists are direct joins of small tables;
        // each SKU carries its verified reference price as a scalar subquery (ADR-028), so no fourth join multiplies rows.
        var verified = ReferencePrices.Verified(db, (clock ?? TimeProvider.System).GetUtcNow());
        var row = await db.Products.AsNoTracking().AsSingleQuery()
            .Include(p => p.Category).Include(p => p.Images).Include(p => p.Options)
            .Where(p => p.Id == id && p.Status == ProductStatus.OnSale)
            .Select(p => new
            {
                Product = p,
                Skus = p.Skus.Where(s => s.IsActive).OrderBy(s => s.Id)
                    .Select(s => new { Sku = s, Reference = verified.Any(v => v.Id == s.Id) ? (decimal?)s.OriginalPrice : null })
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        var product = row.Product;
        var images = product.Images.OrderBy(i => i.Position).Select(i => new ProductGalleryImage(i.StorageKey, i.Width, i.Height)).ToList();
        if (images.Count == 0) images.Add(new ProductGalleryImage(product.CoverKey, product.CoverWidth, product.CoverHeight));
        return new ProductDetail(
            product.Id, product.Title, product.Subtitle, product.Description, product.Brand, product.Tags,
            product.Currency, product.Price, product.Stock, product.SalesCount, product.CreatedAt,
            product.Category!.Slug, product.Category.NameZh, product.Category.NameEn,
            images, product.Options.OrderBy(o => o.Position).ToList(), row.Skus.Select(s => s.Sku).ToList(),
            row.Skus.Where(s => s.Reference is not null).ToDictionary(s => s.Sku.Id, s => s.Reference!.Value));
    }

    /// <summary>Published notes that tag the product, best first (the Discover hot score, ADR-009).</summary>
    public async Task<IReadOnlyList<NoteCard>> TaggingNotesAsync(long productId, int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notes.AsNoTracking()
            // "Id IN (notes tagging the product)" starts from the product's tags; an EXISTS per note made SQLite walk
            // every published note in hot order when a product has few or no tagged notes (10 ms on the large set).
            .Where(n => n.Status == NoteStatus.Published && db.NoteProducts.Where(np => np.ProductId == productId).Select(np => np.NoteId).Contains(n.Id))
            .OrderByDescending(n => n.HotScore).ThenByDescending(n => n.Id)
            .Take(count)
            .Select(FeedQueries.CardProjection)
            .ToListAsync(cancellationToken);
    }
}
