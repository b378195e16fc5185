using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Catalog;

/// <summary>
/// Which products currently carry a campaign of some kind (a flash-sale slot, a group buy), held in memory so
/// that the product page of every other product — nearly all of them — spends no database round trip on it.
/// Re-read at most every <see cref="MaxAge"/>, and at once after this process changed a campaign
/// (<see cref="Invalidate"/>). A derived class says which products count.
/// </summary>
public abstract class ProductDirectory(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private volatile Snapshot? snapshot;

    private sealed record Snapshot(HashSet<long> ProductIds, DateTimeOffset LoadedAt);

    /// <summary>The ids of the products that carry the campaign at <paramref name="now"/>.</summary>
    protected abstract IQueryable<long> ProductIds(SocialStoreDbContext db, DateTimeOffset now);

    public void Invalidate() => snapshot = null;

    public async Task<bool> ContainsAsync(long productId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = snapshot;
        if (current is null || now - current.LoadedAt > MaxAge || now < current.LoadedAt)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await ProductIds(db, now).Distinct().ToListAsync(cancellationToken);
            current = new Snapshot([.. ids], now);
            snapshot = current;
        }
        return current.ProductIds.Contains(productId);
    }
}
