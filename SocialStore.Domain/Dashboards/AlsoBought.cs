using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Dashboards;

/// <summary>
/// "People who bought this also bought" (issue 16 §3), precomputed: <see cref="Buyers"/> distinct buyers paid for both
/// <see cref="ProductId"/> and <see cref="OtherProductId"/> (in any of their paid, not cancelled orders). Only pairs
/// with at least <see cref="AlsoBoughtRefresher.MinBuyers"/> co-buyers are stored; the table is rebuilt by
/// <see cref="AlsoBoughtWorker"/>.
/// </summary>
public class AlsoBought
{
    public long ProductId { get; set; }

    public long OtherProductId { get; set; }

    public int Buyers { get; set; }
}

public sealed class AlsoBoughtConfiguration : IEntityTypeConfiguration<AlsoBought>
{
    public void Configure(EntityTypeBuilder<AlsoBought> builder)
    {
        builder.HasKey(a => new { a.ProductId, a.OtherProductId });
    }
}

public sealed record AlsoBoughtItem(long ProductId, string Title, decimal Price, string Currency, string CoverKey, int Buyers);

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

/// <summary>Which products have an "also bought" list, in memory, so every other product page spends no round trip on it.</summary>
public sealed class AlsoBoughtDirectory(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock) : ProductDirectory(dbFactory, clock)
{
    protected override IQueryable<long> ProductIds(SocialStoreDbContext db, DateTimeOffset now) => db.AlsoBought.Select(a => a.ProductId);
}

public sealed class AlsoBoughtQueries(IDbContextFactory<SocialStoreDbContext> dbFactory, AlsoBoughtDirectory directory)
{
    /// <summary>The on-sale products most often bought by the buyers of <paramref name="productId"/>; empty (and no query) when there is too little data.</summary>
    public async Task<IReadOnlyList<AlsoBoughtItem>> ForProductAsync(long productId, CancellationToken ct)
    {
        if (!await directory.ContainsAsync(productId, ct)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AlsoBought.AsNoTracking().Where(a => a.ProductId == productId)
            .Join(db.Products.Where(p => p.Status == ProductStatus.OnSale), a => a.OtherProductId, p => p.Id,
                (a, p) => new { a.Buyers, p.Id, p.Title, p.Price, p.Currency, p.CoverKey })
            .OrderByDescending(x => x.Buyers).ThenBy(x => x.Id).Take(AlsoBoughtRefresher.PerProduct)
            .Select(x => new AlsoBoughtItem(x.Id, x.Title, x.Price, x.Currency, x.CoverKey, x.Buyers))
            .ToListAsync(ct);
    }
}

public sealed class AlsoBoughtOptions
{
    public const string Section = "AlsoBought";

    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first rebuild waits this long after start, off the start-up path.</summary>
    public TimeSpan FirstRunAfter { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Rebuilds the "also bought" table <see cref="AlsoBoughtOptions.FirstRunAfter"/> after start and then every <see cref="AlsoBoughtOptions.RefreshEvery"/>.</summary>
public sealed class AlsoBoughtWorker(IServiceProvider services, Microsoft.Extensions.Options.IOptions<AlsoBoughtOptions> options, ILogger<AlsoBoughtWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var refresher = services.GetRequiredService<AlsoBoughtRefresher>();
        using var timer = new PeriodicTimer(options.Value.RefreshEvery);
        await Task.Delay(options.Value.FirstRunAfter, stoppingToken);
        do
        {
            try
            {
                await refresher.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Rebuilding the also-bought table failed; the next run retries.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
