using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Catalog;

public sealed record ProductCard(long Id, string Title, string Brand, decimal Price, decimal OriginalPrice, string Currency, string CoverKey, int SalesCount);

public sealed record ProductSlice(IReadOnlyList<ProductCard> Items, long? NextAfter);

public sealed record CategoryChip(string Slug, string NameZh, string NameEn);

/// <summary>The shop's read side: top-level categories and on-sale products, newest first, keyset-paged by id.</summary>
public sealed class ShopQueries(IDbContextFactory<SocialStoreDbContext> dbFactory)
{
    public const int PageSize = 24;

    public async Task<IReadOnlyList<CategoryChip>> TopCategoriesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking()
            .Where(c => c.ParentId == null)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new CategoryChip(c.Slug, c.NameZh, c.NameEn))
            .ToListAsync(cancellationToken);
    }

    public async Task<ProductSlice> OnSaleAsync(string? categorySlug, long? after, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.OnSale);
        if (!string.IsNullOrEmpty(categorySlug))
        {
            // A top-level category includes its children.
            query = query.Where(p => p.Category!.Slug == categorySlug
                || db.Categories.Any(parent => parent.Slug == categorySlug && parent.Id == p.Category.ParentId));
        }
        if (after is { } a) query = query.Where(p => p.Id < a);
        var rows = await query.OrderByDescending(p => p.Id).Take(PageSize + 1)
            .Select(p => new ProductCard(p.Id, p.Title, p.Brand, p.Price, p.OriginalPrice, p.Currency, p.CoverKey, p.SalesCount))
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > PageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        return new ProductSlice(rows, hasMore ? rows[^1].Id : null);
    }
}
