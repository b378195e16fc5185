using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Bargains;

/// <summary>Which products have a bargain campaign that has not ended (<see cref="ProductDirectory"/>); the panel query decides the rest.</summary>
public sealed class BargainDirectory(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock) : ProductDirectory(dbFactory, clock)
{
    protected override IQueryable<long> ProductIds(SocialStoreDbContext db, DateTimeOffset now) =>
        db.BargainCampaigns.AsNoTracking().Where(c => c.EndsAt > now && !c.IsPaused).Select(c => c.ProductId);
}
