using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;

namespace SocialStore.Domain.Catalog;

public enum AdminProductSort { Newest, Oldest, TitleAsc, PriceAsc, PriceDesc, StockAsc, StockDesc }

public sealed record AdminProductQuery(string? Text = null, ProductStatus? Status = null, AdminProductSort Sort = AdminProductSort.Newest, int Skip = 0, int Take = 20);

public sealed record AdminProductRow(long Id, string Title, string Brand, string CoverKey, decimal Price, int Stock, int SkuCount, ProductStatus Status, DateTimeOffset CreatedAt);

public sealed record AdminProductPage(IReadOnlyList<AdminProductRow> Items, int Total);

public sealed record ProductEdit(
    string Title, string Subtitle, string Description, string Brand, int CategoryId, string Tags, ProductStatus Status,
    IReadOnlyList<OptionInput> Options, IReadOnlyList<SkuInput> Skus);

public sealed record AdminCategory(int Id, int? ParentId, string NameZh, string NameEn);

public sealed record StockEdit(long SkuId, int Stock);

public sealed record AdminSkuStockRow(long SkuId, long ProductId, string ProductTitle, string SkuLabel, int Stock, decimal Price);

public sealed record AuditRow(DateTimeOffset At, string ActorName, string SkuKey, string Field, string OldValue, string NewValue);

/// <summary>
/// The admin catalog. Every method checks the caller's role itself, so a page that forgot its
/// [Authorize] attribute, or a circuit whose user lost the role, still cannot change anything.
/// Price and stock changes are written to the audit log in the same transaction as the change.
/// </summary>
public sealed class CatalogAdminService(IDbContextFactory<SocialStoreDbContext> dbFactory, ImagePipeline images, TimeProvider clock)
{
    public const string AdminOnly = "Catalog.AdminOnly";
    public const int SubtitleMaxLength = 100;
    public const int DescriptionMaxLength = 8000;
    public const int BrandMaxLength = 60;

    public async Task<AdminProductPage> ListAsync(ClaimsPrincipal actor, AdminProductQuery query, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            products = long.TryParse(text, out var id)
                ? products.Where(p => p.Id == id || p.Title.Contains(text))
                : products.Where(p => p.Title.Contains(text) || p.Brand.Contains(text));
        }
        if (query.Status is { } status) products = products.Where(p => p.Status == status);
        var total = await products.CountAsync(cancellationToken);
        products = query.Sort switch
        {
            AdminProductSort.Oldest => products.OrderBy(p => p.Id),
            AdminProductSort.TitleAsc => products.OrderBy(p => p.Title).ThenBy(p => p.Id),
            AdminProductSort.PriceAsc => products.OrderBy(p => p.Price).ThenBy(p => p.Id),
            AdminProductSort.PriceDesc => products.OrderByDescending(p => p.Price).ThenByDescending(p => p.Id),
            AdminProductSort.StockAsc => products.OrderBy(p => p.Stock).ThenBy(p => p.Id),
            AdminProductSort.StockDesc => products.OrderByDescending(p => p.Stock).ThenByDescending(p => p.Id),
            _ => products.OrderByDescending(p => p.Id),
        };
        var rows = await products.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 100))
            .Select(p => new AdminProductRow(p.Id, p.Title, p.Brand, p.CoverKey, p.Price, p.Stock, p.Skus.Count(s => s.IsActive), p.Status, p.CreatedAt))
            .ToListAsync(cancellationToken);
        return new AdminProductPage(rows, total);
    }

    public async Task<IReadOnlyList<AdminCategory>> CategoriesAsync(ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().OrderBy(c => c.ParentId ?? c.Id).ThenBy(c => c.ParentId != null).ThenBy(c => c.SortOrder)
            .Select(c => new AdminCategory(c.Id, c.ParentId, c.NameZh, c.NameEn)).ToListAsync(cancellationToken);
    }

    /// <summary>A product with its options, every SKU (switched-off ones too) and images, for the editor.</summary>
    public async Task<Product?> GetAsync(ClaimsPrincipal actor, long id, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Products.AsNoTracking().AsSplitQuery()
            .Include(p => p.Options.OrderBy(o => o.Position)).Include(p => p.Skus.OrderBy(s => s.Id)).Include(p => p.Images.OrderBy(i => i.Position))
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>Creates (id null) or updates a product; returns its id and the SKUs whose original price is below the price.</summary>
    public async Task<(long Id, IReadOnlyList<string> Warnings)> SaveAsync(
        ClaimsPrincipal actor, long? id, ProductEdit edit, CancellationToken cancellationToken, Stream? newImage = null)
    {
        var actorId = EnsureAdmin(actor);
        var title = Required(edit.Title, Product.TitleMaxLength, "Catalog.TitleInvalid");
        var subtitle = Optional(edit.Subtitle, SubtitleMaxLength, "Catalog.SubtitleTooLong");
        var description = Optional(edit.Description, DescriptionMaxLength, "Catalog.DescriptionTooLong");
        var brand = Optional(edit.Brand, BrandMaxLength, "Catalog.BrandTooLong");
        var tags = string.Join(",", (edit.Tags ?? "").Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        if (tags.Length > Product.TagsMaxLength) throw new DomainException("Catalog.TagsTooLong", Product.TagsMaxLength);
        if (!Enum.IsDefined(edit.Status)) throw new DomainException("Catalog.StatusInvalid");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Categories.AnyAsync(c => c.Id == edit.CategoryId, cancellationToken)) throw new DomainException("Catalog.CategoryInvalid");
        Product product;
        if (id is { } existing)
        {
            product = await db.Products.Include(p => p.Options).Include(p => p.Skus).Include(p => p.Images).AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Id == existing, cancellationToken) ?? throw new DomainException("Catalog.ProductNotFound");
        }
        else
        {
            product = new Product { Currency = "CNY", CreatedAt = clock.GetUtcNow() };
            db.Products.Add(product);
        }
        (product.Title, product.Subtitle, product.Description, product.Brand, product.CategoryId, product.Tags, product.Status) =
            (title, subtitle, description, brand, edit.CategoryId, tags, edit.Status);
        if (newImage is not null)
        {
            if (product.Images.Count >= Product.MaxImages) throw new DomainException("Catalog.TooManyImages", Product.MaxImages);
            var saved = await images.SaveAsync(newImage, cancellationToken);
            product.SetImages([.. product.Images.OrderBy(i => i.Position), new ProductImage { StorageKey = saved.Key, Width = saved.Width, Height = saved.Height }]);
        }
        if (edit.Status == ProductStatus.OnSale && string.IsNullOrEmpty(product.CoverKey)) throw new DomainException("Catalog.NeedsImageToSell");
        // The options are replaced as a whole: remove the old rows explicitly so EF deletes them.
        db.ProductOptions.RemoveRange(product.Options);
        var result = product.SetVariants(edit.Options, edit.Skus);
        await db.SaveChangesAsync(cancellationToken);
        Audit(db, product.Id, actorId, result.Changes);
        await db.SaveChangesAsync(cancellationToken);
        return (product.Id, result.Warnings);
    }

    public async Task AddImageAsync(ClaimsPrincipal actor, long productId, Stream content, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken)
            ?? throw new DomainException("Catalog.ProductNotFound");
        if (product.Images.Count >= Product.MaxImages) throw new DomainException("Catalog.TooManyImages", Product.MaxImages);
        var saved = await images.SaveAsync(content, cancellationToken);
        product.SetImages([.. product.Images.OrderBy(i => i.Position), new ProductImage { StorageKey = saved.Key, Width = saved.Width, Height = saved.Height }]);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveImageAsync(ClaimsPrincipal actor, long productId, long imageId, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken)
            ?? throw new DomainException("Catalog.ProductNotFound");
        var image = product.Images.FirstOrDefault(i => i.Id == imageId) ?? throw new DomainException("Catalog.ImageNotFound");
        if (product.Images.Count == 1 && product.Status == ProductStatus.OnSale) throw new DomainException("Catalog.NeedsImageToSell");
        db.ProductImages.Remove(image);
        product.SetImages(product.Images.Where(i => i != image).OrderBy(i => i.Position).ToList());
        await db.SaveChangesAsync(cancellationToken);
        await images.DeleteAsync(image.StorageKey, cancellationToken);
    }

    /// <summary>SKUs for the bulk stock editor, lowest stock first, optionally filtered by product title.</summary>
    public async Task<IReadOnlyList<AdminSkuStockRow>> StockRowsAsync(ClaimsPrincipal actor, string? text, int take, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var skus = db.Skus.AsNoTracking().Where(s => s.IsActive);
        if (!string.IsNullOrWhiteSpace(text)) skus = skus.Where(s => db.Products.Any(p => p.Id == s.ProductId && p.Title.Contains(text.Trim())));
        var rows = await skus.OrderBy(s => s.Stock).ThenBy(s => s.Id).Take(Math.Clamp(take, 1, 200))
            .Join(db.Products, s => s.ProductId, p => p.Id, (s, p) => new { s.Id, s.ProductId, p.Title, s.Key, s.Stock, s.Price })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AdminSkuStockRow(r.Id, r.ProductId, r.Title, string.Join(" / ", SkuKey.Split(r.Key)), r.Stock, r.Price)).ToList();
    }

    /// <summary>Sets the stock of many SKUs at once: all or nothing, every change in the audit log.</summary>
    public async Task<int> SetStockAsync(ClaimsPrincipal actor, IReadOnlyList<StockEdit> edits, CancellationToken cancellationToken)
    {
        var actorId = EnsureAdmin(actor);
        if (edits.Any(e => e.Stock < 0)) throw new DomainException("Catalog.NegativeStock");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var skuIds = edits.Select(e => e.SkuId).Distinct().ToList();
        var productIds = await db.Skus.Where(s => skuIds.Contains(s.Id)).Select(s => s.ProductId).Distinct().ToListAsync(cancellationToken);
        var products = await db.Products.Include(p => p.Skus).Where(p => productIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var edit in edits)
        {
            var product = products.FirstOrDefault(p => p.Skus.Any(s => s.Id == edit.SkuId)) ?? throw new DomainException("Catalog.SkuNotFound");
            if (product.SetStock(edit.SkuId, edit.Stock) is not { } change) continue;
            Audit(db, product.Id, actorId, [change]);
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    public async Task<IReadOnlyList<AuditRow>> AuditAsync(ClaimsPrincipal actor, long productId, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CatalogAuditLog.AsNoTracking().Where(a => a.ProductId == productId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(200)
            .Join(db.Users, a => a.ActorId, u => u.Id, (a, u) => new AuditRow(a.At, u.DisplayName, a.SkuKey, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(cancellationToken);
    }

    private void Audit(SocialStoreDbContext db, long productId, string actorId, IEnumerable<VariantChange> changes)
    {
        var now = clock.GetUtcNow();
        db.CatalogAuditLog.AddRange(changes.Select(c => new CatalogAuditEntry
        {
            ProductId = productId, SkuKey = c.SkuKey, Field = c.Field, OldValue = c.OldValue, NewValue = c.NewValue, ActorId = actorId, At = now,
        }));
    }

    private static string EnsureAdmin(ClaimsPrincipal actor)
    {
        var id = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (actor.Identity?.IsAuthenticated != true || id is null || !actor.IsInRole(Roles.Admin)) throw new DomainException(AdminOnly);
        return id;
    }

    private static string Required(string? value, int max, string code)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 || text.Length > max) throw new DomainException(code, max);
        return text;
    }

    private static string Optional(string? value, int max, string code)
    {
        var text = (value ?? "").Trim();
        if (text.Length > max) throw new DomainException(code, max);
        return text;
    }
}
