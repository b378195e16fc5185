using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Dashboards;

/// <summary>Rebuilds <see cref="AlsoBought"/> from the paid orders: one read, the pairs counted here, the table replaced in one transaction.</summary>
public sealed class AlsoBoughtRefresher(IDbContextFactory<SocialStoreDbContext> dbFactory, AlsoBoughtDirectory directory)
{
    /// <summary>Fewer co-buyers than this is too little data: the pair is not shown (never padded).</summary>
    public const int MinBuyers = 2;

    /// <summary>Pairs kept per product.</summary>
    public const int PerProduct = 6;

    /// <summary>A buyer with more distinct products than this counts with their first ones only (bounds the pair count).</summary>
    public const int MaxProductsPerBuyer = 100;

    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bought = await db.OrderLines.AsNoTracking()
            .Join(db.Orders.Where(o => o.PaidAt != null && o.Status != OrderStatus.Cancelled), l => l.OrderId, o => o.Id, (l, o) => new { o.BuyerId, l.ProductId })
            .Distinct().ToListAsync(ct);
        var pairs = new Dictionary<(long, long), int>();
        foreach (var buyer in bought.GroupBy(b => b.BuyerId))
        {
            var products = buyer.Select(b => b.ProductId).Distinct().Order().Take(MaxProductsPerBuyer).ToArray();
            foreach (var a in products)
                foreach (var b in products)
                    if (a != b) pairs[(a, b)] = pairs.GetValueOrDefault((a, b)) + 1;
        }
        var rows = pairs.Where(p => p.Value >= MinBuyers)
            .GroupBy(p => p.Key.Item1)
            .SelectMany(g => g.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item2).Take(PerProduct))
            .Select(p => new AlsoBought { ProductId = p.Key.Item1, OtherProductId = p.Key.Item2, Buyers = p.Value })
            .ToList();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.AlsoBought.ExecuteDeleteAsync(ct);
            db.AlsoBought.AddRange(rows);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        directory.Invalidate();
        return rows.Count;
    }
}
