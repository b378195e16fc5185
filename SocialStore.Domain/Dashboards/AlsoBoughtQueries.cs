using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Dashboards;

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
