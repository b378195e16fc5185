using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Social;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// The cart: one line per owner and SKU (unique index), 1..<see cref="CartItem.MaxQuantity"/> of each,
/// never more than is in stock when it goes in. The owner is a signed-in person (<c>u:{id}</c>) or an
/// anonymous visitor's cookie token (<c>a:{token}</c>); signing in merges the second into the first.
/// </summary>
public sealed class CartService(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, CartNotifier notifier, Limits.ActionLimiter limiter, Recommendations.BehaviourEventSink events)
{
    public const int TokenLength = 32;

    /// <summary>A fresh anonymous cart token: 128 random bits as hex, for the cookie.</summary>
    public static string NewToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(TokenLength / 2));

    /// <summary>Only tokens this app could have made are used as owner keys.</summary>
    public static bool IsWellFormedToken(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public static void EnsureQuantity(int quantity)
    {
        if (quantity is < 1 or > CartItem.MaxQuantity) throw new DomainException(OrderErrors.QuantityInvalid, CartItem.MaxQuantity);
    }

    /// <summary>Adds <paramref name="quantity"/> of a SKU (to the line if it is there already). Returns the cart's new piece count.</summary>
    public async Task<int> AddAsync(string ownerKey, long skuId, int quantity, CancellationToken cancellationToken)
    {
        EnsureQuantity(quantity);
        long productId = 0;
        var count = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            await SocialStore.Domain.Moderation.ModerationGate.EnsureCanPostAsync(db, CartItem.UserIdOf(ownerKey), clock.GetUtcNow(), ct);
            var sku = await BuyableSkuAsync(db, skuId, ct) ?? throw new DomainException(OrderErrors.SkuUnavailable, "");
            await limiter.TakeAsync(db, ownerKey, Limits.LimitedAction.Cart, ct);
            productId = sku.ProductId;
            var now = clock.GetUtcNow();
            var line = await db.CartItems.FirstOrDefaultAsync(c => c.OwnerKey == ownerKey && c.SkuId == skuId, ct);
            if (line is null)
            {
                if (quantity > sku.Stock) throw NotEnough(sku.Stock, sku.Title);
                if (await db.CartItems.CountAsync(c => c.OwnerKey == ownerKey, ct) >= CartItem.MaxLines)
                    throw new DomainException(OrderErrors.CartFull, CartItem.MaxLines);
                var row = new CartItem
                {
                    OwnerKey = ownerKey,
                    ProductId = sku.ProductId,
                    SkuId = skuId,
                    Quantity = quantity,
                    PriceWhenAdded = sku.Price,
                    AddedAt = now,
                    UpdatedAt = now,
                };
                if (!await UniqueInsert.TryInsertAsync(db, row, ct))
                {
                    // Another request of the same owner inserted the line a moment ago: add to it instead.
                    db.ChangeTracker.Clear();
                    line = await db.CartItems.FirstAsync(c => c.OwnerKey == ownerKey && c.SkuId == skuId, ct);
                }
            }
            if (line is not null)
            {
                // One conditional update: two adds at once cannot both pass the caps.
                var cap = Math.Min(CartItem.MaxQuantity, sku.Stock);
                var updated = await db.CartItems.Where(c => c.Id == line.Id && c.Quantity + quantity <= cap)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Quantity, c => c.Quantity + quantity).SetProperty(c => c.UpdatedAt, now), ct);
                if (updated == 0)
                {
                    var current = await db.CartItems.Where(c => c.Id == line.Id).Select(c => c.Quantity).FirstAsync(ct);
                    if (current + quantity > CartItem.MaxQuantity) throw new DomainException(OrderErrors.QuantityInvalid, CartItem.MaxQuantity);
                    throw NotEnough(sku.Stock, sku.Title);
                }
            }
            return await CountAsync(db, ownerKey, ct);
        }, cancellationToken);
        // The add-to-cart behaviour event (ADR-053): queued after the commit, never a write on this path.
        events.Record(Recommendations.BehaviourKind.AddToCart, CartItem.UserIdOf(ownerKey), Recommendations.BehaviourEventSink.ClientKeyFor(CartItem.UserIdOf(ownerKey), ownerKey), productId: productId);
        await notifier.PublishAsync(ownerKey, count);
        return count;
    }

    /// <summary>Sets a line's quantity (1..99, at most what is in stock).</summary>
    public async Task<int> SetQuantityAsync(string ownerKey, long skuId, int quantity, CancellationToken cancellationToken)
    {
        EnsureQuantity(quantity);
        var count = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var line = await db.CartItems.FirstOrDefaultAsync(c => c.OwnerKey == ownerKey && c.SkuId == skuId, ct)
                ?? throw new DomainException(OrderErrors.SkuUnavailable, "");
            var sku = await BuyableSkuAsync(db, skuId, ct) ?? throw new DomainException(OrderErrors.SkuUnavailable, "");
            // Lowering the quantity is always allowed; raising it needs the stock.
            if (quantity > line.Quantity && quantity > sku.Stock) throw NotEnough(sku.Stock, sku.Title);
            line.Quantity = quantity;
            line.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return await CountAsync(db, ownerKey, ct);
        }, cancellationToken);
        await notifier.PublishAsync(ownerKey, count);
        return count;
    }

    public async Task<int> RemoveAsync(string ownerKey, long skuId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.CartItems.Where(c => c.OwnerKey == ownerKey && c.SkuId == skuId).ExecuteDeleteAsync(cancellationToken);
        var count = await CountAsync(db, ownerKey, cancellationToken);
        await notifier.PublishAsync(ownerKey, count);
        return count;
    }

    /// <summary>The shopper accepted the current prices of these lines: the cart stops showing the change and checkout may use them.</summary>
    public async Task ConfirmPricesAsync(string ownerKey, IReadOnlyCollection<long> skuIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = await db.CartItems.Where(c => c.OwnerKey == ownerKey && (skuIds.Count == 0 || skuIds.Contains(c.SkuId))).ToListAsync(cancellationToken);
        var ids = lines.Select(l => l.SkuId).ToList();
        var prices = await db.Skus.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Price, cancellationToken);
        foreach (var line in lines)
            if (prices.TryGetValue(line.SkuId, out var price)) line.PriceWhenAdded = price;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<CartView> GetAsync(string ownerKey, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new CartView(await LinesAsync(db, ownerKey, [], cancellationToken));
    }

    public async Task<int> CountAsync(string ownerKey, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CountAsync(db, ownerKey, cancellationToken);
    }

    /// <summary>
    /// Moves an anonymous cart into the account on sign-in: a SKU already in the account's cart gets the
    /// quantities added (capped at <see cref="CartItem.MaxQuantity"/> and at the stock), others move over
    /// while the account has room. The anonymous cart is empty afterwards.
    /// </summary>
    public async Task<int> MergeAsync(string anonymousToken, string userId, CancellationToken cancellationToken)
    {
        if (!IsWellFormedToken(anonymousToken)) return 0;
        var from = CartItem.AnonymousOwner(anonymousToken);
        var to = CartItem.UserOwner(userId);
        var count = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var incoming = await db.CartItems.Where(c => c.OwnerKey == from).OrderBy(c => c.AddedAt).ThenBy(c => c.Id).ToListAsync(ct);
            if (incoming.Count == 0) return -1;
            var mine = await db.CartItems.Where(c => c.OwnerKey == to).ToDictionaryAsync(c => c.SkuId, ct);
            var skuIds = incoming.Select(c => c.SkuId).ToList();
            var stock = await db.Skus.Where(s => skuIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Stock, ct);
            var now = clock.GetUtcNow();
            var lines = mine.Count;
            foreach (var line in incoming)
            {
                if (mine.TryGetValue(line.SkuId, out var existing))
                {
                    var cap = Math.Min(CartItem.MaxQuantity, Math.Max(existing.Quantity, stock.GetValueOrDefault(line.SkuId)));
                    existing.Quantity = Math.Max(existing.Quantity, Math.Min(existing.Quantity + line.Quantity, cap));
                    existing.UpdatedAt = now;
                    db.CartItems.Remove(line);
                }
                else if (lines < CartItem.MaxLines)
                {
                    line.OwnerKey = to;
                    line.UpdatedAt = now;
                    lines++;
                }
                else
                {
                    db.CartItems.Remove(line);
                }
            }
            await db.SaveChangesAsync(ct);
            return await CountAsync(db, to, ct);
        }, cancellationToken);
        if (count >= 0) await notifier.PublishAsync(to, count);
        return Math.Max(count, 0);
    }

    internal static Task<int> CountAsync(SocialStoreDbContext db, string ownerKey, CancellationToken ct) =>
        db.CartItems.Where(c => c.OwnerKey == ownerKey).SumAsync(c => c.Quantity, ct);

    /// <summary>The owner's lines (only these SKUs, unless empty) joined with the SKU and product as they are now; one query.</summary>
    internal static async Task<IReadOnlyList<CartLineView>> LinesAsync(SocialStoreDbContext db, string ownerKey, IReadOnlyCollection<long> skuIds, CancellationToken ct)
    {
        var rows = await (
            from c in db.CartItems
            where c.OwnerKey == ownerKey && (skuIds.Count == 0 || skuIds.Contains(c.SkuId))
            join s in db.Skus on c.SkuId equals s.Id
            join p in db.Products on s.ProductId equals p.Id
            orderby c.AddedAt descending, c.Id descending
            select new
            {
                p.Id,
                SkuId = s.Id,
                p.Title,
                s.Key,
                p.CoverKey,
                p.Currency,
                s.Price,
                c.PriceWhenAdded,
                c.Quantity,
                s.Stock,
                Available = s.IsActive && p.Status == ProductStatus.OnSale,
            }).ToListAsync(ct);
        return [.. rows.Select(r => new CartLineView(r.Id, r.SkuId, r.Title, string.Join(" / ", SkuKey.Split(r.Key)), r.CoverKey, r.Currency,
            r.Price, r.PriceWhenAdded, r.Quantity, r.Stock, r.Available))];
    }

    private sealed record BuyableSku(long ProductId, string Title, decimal Price, int Stock);

    private static Task<BuyableSku?> BuyableSkuAsync(SocialStoreDbContext db, long skuId, CancellationToken ct) =>
        (from s in db.Skus
         join p in db.Products on s.ProductId equals p.Id
         where s.Id == skuId && s.IsActive && p.Status == ProductStatus.OnSale
         select new BuyableSku(p.Id, p.Title, s.Price, s.Stock)).FirstOrDefaultAsync(ct);

    private static DomainException NotEnough(int stock, string title) =>
        stock <= 0 ? new DomainException(OrderErrors.SoldOut, title) : new DomainException(CartErrors.NotEnoughStock, stock);
}
