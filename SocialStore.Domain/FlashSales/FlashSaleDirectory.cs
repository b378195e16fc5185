using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.FlashSales;

/// <summary>
/// Which products have a flash-sale slot that has not ended, held in memory so that the product page of every other
/// product (nearly all of them) spends no database round trip on flash sales. Re-read at most every
/// <see cref="MaxAge"/>, and at once after this process added a slot's item (<see cref="Invalidate"/>).
/// </summary>
public sealed class FlashSaleDirectory(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private volatile Snapshot? snapshot;

    private sealed record Snapshot(HashSet<long> ProductIds, DateTimeOffset LoadedAt);

    public void Invalidate() => snapshot = null;

    public async Task<bool> HasOffersAsync(long productId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = snapshot;
        if (current is null || now - current.LoadedAt > MaxAge || now < current.LoadedAt)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await db.FlashSaleItems.AsNoTracking()
                .Where(i => db.FlashSaleSlots.Any(s => s.Id == i.SlotId && s.EndsAt > now))
                .Select(i => i.ProductId).Distinct().ToListAsync(cancellationToken);
            current = new Snapshot([.. ids], now);
            snapshot = current;
        }
        return current.ProductIds.Contains(productId);
    }
}
