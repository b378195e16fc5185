using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.GroupBuys;

/// <summary>Which products have a group-buy campaign that has not ended (<see cref="ProductDirectory"/>); paused ones count too, the panel query decides.</summary>
public sealed class GroupBuyDirectory(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock) : ProductDirectory(dbFactory, clock)
{
    protected override IQueryable<long> ProductIds(SocialStoreDbContext db, DateTimeOffset now) =>
        db.GroupBuyCampaigns.AsNoTracking().Where(c => c.EndsAt > now).Select(c => c.ProductId);
}
