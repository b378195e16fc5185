using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Catalog;

/// <param name="ReferencePrice">
/// A struck-through earlier price, set only by reads that apply <see cref="ReferencePrices"/> (the shop); null
/// everywhere else, so no card can show an original price nobody paid (ADR-028).
/// </param>
public sealed record ProductCard(long Id, string Title, string Brand, decimal Price, string Currency, string CoverKey, int SalesCount, decimal? ReferencePrice = null);

public sealed record CategoryChip(string Slug, string NameZh, string NameEn);

public enum ShopSort { New, Popular, PriceAsc, PriceDesc }

/// <summary>The shop's filters; prices are the products' "from" prices (ADR-014).</summary>
public sealed record ShopFilter(string? Category = null, decimal? MinPrice = null, decimal? MaxPrice = null, string? Brand = null, bool InStockOnly = false, ShopSort Sort = ShopSort.New);

public sealed record ShopPage(IReadOnlyList<ProductCard> Items, string? NextCursor);

/// <summary>The shop's read side: top-level categories and on-sale products, newest first, keyset-paged by id.</summary>
public sealed class ShopQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider? clock = null)
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

    /// <summary>
    /// On-sale products filtered and sorted, keyset-paged: the cursor is the last row's sort value and id,
    /// so a page costs the same however deep it is and rows never repeat or vanish between pages.
    /// </summary>
    public async Task<ShopPage> BrowseAsync(ShopFilter filter, string? cursor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.OnSale);
        if (!string.IsNullOrEmpty(filter.Category))
            query = query.Where(p => p.Category!.Slug == filter.Category
                || db.Categories.Any(parent => parent.Slug == filter.Category && parent.Id == p.Category.ParentId));
        if (filter.MinPrice is { } min) query = query.Where(p => p.Price >= min);
        if (filter.MaxPrice is { } max) query = query.Where(p => p.Price <= max);
        if (!string.IsNullOrWhiteSpace(filter.Brand)) query = query.Where(p => p.Brand == filter.Brand.Trim());
        if (filter.InStockOnly) query = query.Where(p => p.Stock > 0);

        var (value, id) = ParseCursor(cursor);
        var sales = value is { } v ? (int)Math.Clamp(v, 0, int.MaxValue) : 0;
        query = filter.Sort switch
        {
            ShopSort.Popular => (id is { } pid && value is not null ? query.Where(p => p.SalesCount < sales || (p.SalesCount == sales && p.Id < pid)) : query)
                .OrderByDescending(p => p.SalesCount).ThenByDescending(p => p.Id),
            ShopSort.PriceAsc => (id is { } aid && value is { } pa ? query.Where(p => p.Price > pa || (p.Price == pa && p.Id > aid)) : query)
                .OrderBy(p => p.Price).ThenBy(p => p.Id),
            ShopSort.PriceDesc => (id is { } did && value is { } pd ? query.Where(p => p.Price < pd || (p.Price == pd && p.Id < did)) : query)
                .OrderByDescending(p => p.Price).ThenByDescending(p => p.Id),
            _ => (id is { } nid ? query.Where(p => p.Id < nid) : query).OrderByDescending(p => p.Id),
        };
        var verified = ReferencePrices.Verified(db, (clock ?? TimeProvider.System).GetUtcNow());
        var rows = await query.Take(PageSize + 1)
            .Select(p => new ProductCard(p.Id, p.Title, p.Brand, p.Price, p.Currency, p.CoverKey, p.SalesCount,
                // The from-price's reference: the lowest verified one among the SKUs at that price.
                verified.Where(s => s.ProductId == p.Id && s.Price == p.Price).OrderBy(s => s.OriginalPrice).Select(s => (decimal?)s.OriginalPrice).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > PageSize;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        string? next = null;
        if (hasMore)
        {
            var last = rows[^1];
            var sortValue = filter.Sort switch
            {
                ShopSort.Popular => last.SalesCount,
                ShopSort.PriceAsc or ShopSort.PriceDesc => last.Price,
                _ => 0m,
            };
            next = sortValue.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + last.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return new ShopPage(rows, next);
    }

    /// <summary>Brands on sale in a category, for the brand filter.</summary>
    public async Task<IReadOnlyList<string>> BrandsAsync(string? category, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.OnSale && p.Brand != "");
        if (!string.IsNullOrEmpty(category))
            query = query.Where(p => p.Category!.Slug == category || db.Categories.Any(parent => parent.Slug == category && parent.Id == p.Category.ParentId));
        return await query.Select(p => p.Brand).Distinct().OrderBy(b => b).Take(50).ToListAsync(cancellationToken);
    }

    private static (decimal? Value, long? Id) ParseCursor(string? cursor)
    {
        var parts = (cursor ?? "").Split('_');
        if (parts.Length == 2
            && decimal.TryParse(parts[0], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && Math.Abs(value) < 10_000_000_000m)
            return (decimal.Round(value, 2), id);
        return (null, null);
    }
}
