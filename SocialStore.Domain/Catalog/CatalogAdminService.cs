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

/// <summary>A new stock for a SKU; <paramref name="ReadStock"/> is the stock the form showed, and the edit only lands while it is still that.</summary>
public sealed record StockEdit(long SkuId, int Stock, int? ReadStock = null);

/// <summary>A stock edit refused because the stock changed after the form was read (a sale, a refund, another admin): <paramref name="Now"/> is what it is.</summary>
public sealed record StockConflict(long SkuId, string SkuKey, int Read, int Now);

public sealed record StockSaveResult(int Changed, IReadOnlyList<StockConflict> Conflicts);

/// <summary>The saved product, SKUs whose original price is below the price, and stock edits refused because the stock changed meanwhile.</summary>
public sealed record ProductSaveResult(long Id, IReadOnlyList<string> Warnings, IReadOnlyList<StockConflict> Conflicts);

public sealed record AdminSkuStockRow(long SkuId, long ProductId, string ProductTitle, string SkuLabel, int Stock, decimal Price);

public sealed record AuditRow(DateTimeOffset At, string ActorName, string SkuKey, string Field, string OldValue, string NewValue);

/// <summary>
/// The admin catalog. Every method checks the caller's role itself, so a page that forgot its
/// [Authorize] attribute, or a circuit whose user lost the role, still cannot change anything.
/// Price and stock changes are written to the audit log in the same transaction as the change.
/// Stock is sold while a form is open, so a stock edit is a conditional UPDATE on the stock the form read
/// (the row count decides, like checkout's reservation): a sale in between refuses that SKU's edit
/// instead of bringing the sold units back. SKU rows are written before the product row, in the order
/// checkout locks them.
/// </summary>
public sealed class CatalogAdminService(IDbContextFactory<SocialStoreDbContext> dbFactory, ImagePipeline images, TimeProvider clock, SocialStore.Domain.Moderation.Screening.ContentScreen screen)
{
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

    /// <summary>
    /// Creates (id null) or updates a product. A SKU whose stock changed since the form read it (its
    /// <see cref="SkuInput.ReadStock"/>) is left exactly as it is and reported as a conflict; the rest saves.
    /// </summary>
    public async Task<ProductSaveResult> SaveAsync(
        ClaimsPrincipal actor, long? id, ProductEdit edit, CancellationToken cancellationToken, Stream? newImage = null)
    {
        var actorId = EnsureAdmin(actor);
        var title = Required(edit.Title, Product.TitleMaxLength, CatalogErrors.TitleInvalid);
        var subtitle = Optional(edit.Subtitle, SubtitleMaxLength, CatalogErrors.SubtitleTooLong);
        var description = Optional(edit.Description, DescriptionMaxLength, CatalogErrors.DescriptionTooLong);
        var brand = Optional(edit.Brand, BrandMaxLength, CatalogErrors.BrandTooLong);
        var tags = string.Join(",", (edit.Tags ?? "").Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        if (tags.Length > Product.TagsMaxLength) throw new DomainException(CatalogErrors.TagsTooLong, Product.TagsMaxLength);
        if (!Enum.IsDefined(edit.Status)) throw new DomainException(CatalogErrors.StatusInvalid);
        if (edit.Skus.Any(s => s.Stock < 0)) throw new DomainException(CatalogErrors.NegativeStock);

        ImageUploadResult? image = null;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            (title, subtitle, description) = await SocialStore.Domain.Moderation.Screening.ProductScreening.CheckAsync(
                screen, db, actorId, title, subtitle, description, clock.GetUtcNow(), cancellationToken);
            if (!await db.Categories.AnyAsync(c => c.Id == edit.CategoryId, cancellationToken)) throw new DomainException(CatalogErrors.CategoryInvalid);
            if (id is { } existing && !await db.Products.AnyAsync(p => p.Id == existing, cancellationToken)) throw new DomainException(CatalogErrors.ProductNotFound);
            // The image is processed before the transaction, so the write lock is not held through it.
            if (newImage is not null)
            {
                if (id is { } productId && await db.ProductImages.CountAsync(i => i.ProductId == productId, cancellationToken) >= Product.MaxImages)
                    throw new DomainException(CatalogErrors.TooManyImages, Product.MaxImages);
                image = await images.SaveAsync(newImage, cancellationToken);
            }
        }

        return await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            Product product;
            if (id is { } existing)
            {
                product = await db.Products.Include(p => p.Options).Include(p => p.Skus).Include(p => p.Images).AsSplitQuery()
                    .FirstOrDefaultAsync(p => p.Id == existing, ct) ?? throw new DomainException(CatalogErrors.ProductNotFound);
            }
            else
            {
                product = new Product { Currency = "CNY", CreatedAt = clock.GetUtcNow() };
                db.Products.Add(product);
            }
            (product.Title, product.Subtitle, product.Description, product.Brand, product.CategoryId, product.Tags, product.Status) =
                (title, subtitle, description, brand, edit.CategoryId, tags, edit.Status);
            if (image is not null)
            {
                if (product.Images.Count >= Product.MaxImages) throw new DomainException(CatalogErrors.TooManyImages, Product.MaxImages);
                product.SetImages([.. product.Images.OrderBy(i => i.Position), new ProductImage { StorageKey = image.Key, Width = image.Width, Height = image.Height }]);
            }
            if (edit.Status == ProductStatus.OnSale && string.IsNullOrEmpty(product.CoverKey)) throw new DomainException(CatalogErrors.NeedsImageToSell);

            // Stock first, SKU by SKU in id order: the conditional UPDATE takes the SKU row lock before the product's.
            var skus = edit.Skus.ToList();
            var conflicts = new List<StockConflict>();
            var stockChanges = new List<VariantChange>();
            var stockEdits = skus.Select((input, index) => (Index: index, Input: input, Sku: product.Skus.FirstOrDefault(s => s.Key == KeyOf(input))))
                .Where(x => x.Input.ReadStock is not null).ToList();
            foreach (var (index, input, sku) in stockEdits.OrderBy(x => x.Sku?.Id ?? long.MaxValue))
            {
                if (sku is null)
                {
                    // Not stored yet (a new combination): its stock is simply the one typed.
                    skus[index] = input with { ReadStock = null };
                    continue;
                }
                var read = input.ReadStock!.Value;
                if (input.Stock == read) continue;
                var written = await db.Skus.Where(s => s.Id == sku.Id && s.Stock == read)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Stock, input.Stock), ct);
                if (written == 1)
                {
                    stockChanges.Add(new VariantChange(sku.Key, nameof(Sku.Stock), Count(read), Count(input.Stock)));
                    continue;
                }
                var now = await db.Skus.Where(s => s.Id == sku.Id).Select(s => s.Stock).SingleAsync(ct);
                conflicts.Add(new StockConflict(sku.Id, sku.Key, read, now));
                // Nothing of this SKU is overwritten: it keeps what is stored.
                skus[index] = input with { Price = sku.Price, OriginalPrice = sku.OriginalPrice, IsActive = sku.IsActive, Stock = now, ReadStock = now };
            }

            // The options are replaced as a whole: remove the old rows explicitly so EF deletes them.
            db.ProductOptions.RemoveRange(product.Options);
            var result = product.SetVariants(edit.Options, skus);
            await db.SaveChangesAsync(ct);
            // The summary stock is counted in the database: the SKU stock tracked here may be stale by now.
            await db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(
                p => p.Stock, p => db.Skus.Where(k => k.ProductId == p.Id && k.IsActive).Sum(k => k.Stock)), ct);
            Audit(db, product.Id, actorId, [.. result.Changes, .. stockChanges]);
            await db.SaveChangesAsync(ct);
            return new ProductSaveResult(product.Id, result.Warnings, conflicts);
        }, cancellationToken);
    }

    public async Task RemoveImageAsync(ClaimsPrincipal actor, long productId, long imageId, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken)
            ?? throw new DomainException(CatalogErrors.ProductNotFound);
        var image = product.Images.FirstOrDefault(i => i.Id == imageId) ?? throw new DomainException(CatalogErrors.ImageNotFound);
        if (product.Images.Count == 1 && product.Status == ProductStatus.OnSale) throw new DomainException(CatalogErrors.NeedsImageToSell);
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

    /// <summary>
    /// Sets the stock of many SKUs at once, every change in the audit log. An edit whose SKU's stock is no
    /// longer the <see cref="StockEdit.ReadStock"/> the form showed is refused and reported; the others land.
    /// </summary>
    public async Task<StockSaveResult> SetStockAsync(ClaimsPrincipal actor, IReadOnlyList<StockEdit> edits, CancellationToken cancellationToken)
    {
        var actorId = EnsureAdmin(actor);
        if (edits.Any(e => e.Stock < 0)) throw new DomainException(CatalogErrors.NegativeStock);
        return await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var skuIds = edits.Select(e => e.SkuId).Distinct().ToList();
            var skus = await db.Skus.AsNoTracking().Where(s => skuIds.Contains(s.Id))
                .Select(s => new { s.Id, s.ProductId, s.Key, s.Stock }).ToDictionaryAsync(s => s.Id, ct);
            if (skuIds.Any(s => !skus.ContainsKey(s))) throw new DomainException(CatalogErrors.SkuNotFound);
            var conflicts = new List<StockConflict>();
            var changedProducts = new SortedSet<long>();
            var changed = 0;
            // SKUs in id order, then products: the order checkout locks them in.
            foreach (var edit in edits.DistinctBy(e => e.SkuId).OrderBy(e => e.SkuId))
            {
                var sku = skus[edit.SkuId];
                var read = edit.ReadStock ?? sku.Stock;
                if (edit.Stock == read) continue;
                var written = await db.Skus.Where(s => s.Id == sku.Id && s.Stock == read)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Stock, edit.Stock), ct);
                if (written == 0)
                {
                    var now = await db.Skus.Where(s => s.Id == sku.Id).Select(s => s.Stock).SingleAsync(ct);
                    conflicts.Add(new StockConflict(sku.Id, sku.Key, read, now));
                    continue;
                }
                Audit(db, sku.ProductId, actorId, [new VariantChange(sku.Key, nameof(Sku.Stock), Count(read), Count(edit.Stock))]);
                changedProducts.Add(sku.ProductId);
                changed++;
            }
            foreach (var productId in changedProducts)
                await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(
                    p => p.Stock, p => db.Skus.Where(k => k.ProductId == p.Id && k.IsActive).Sum(k => k.Stock)), ct);
            await db.SaveChangesAsync(ct);
            return new StockSaveResult(changed, conflicts);
        }, cancellationToken);
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
            ProductId = productId,
            SkuKey = c.SkuKey,
            Field = c.Field,
            OldValue = c.OldValue,
            NewValue = c.NewValue,
            ActorId = actorId,
            At = now,
        }));
    }

    private static string KeyOf(SkuInput input) => SkuKey.Join(input.Values.Select(v => (v ?? "").Trim()));

    private static string Count(int stock) => stock.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string EnsureAdmin(ClaimsPrincipal actor) => Roles.RequireAdmin(actor, CatalogErrors.AdminOnly);

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
