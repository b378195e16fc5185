using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Dashboards;

/// <summary>Which products have an "also bought" list, in memory, so every other product page spends no round trip on it.</summary>
public sealed class AlsoBoughtDirectory(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock) : ProductDirectory(dbFactory, clock)
{
    protected override IQueryable<long> ProductIds(SocialStoreDbContext db, DateTimeOffset now) => db.AlsoBought.Select(a => a.ProductId);
}
