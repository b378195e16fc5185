using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.FlashSales;

/// <summary>Which products have a flash-sale slot that has not ended (<see cref="ProductDirectory"/>).</summary>
public sealed class FlashSaleDirectory(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock) : ProductDirectory(dbFactory, clock)
{
    protected override IQueryable<long> ProductIds(SocialStoreDbContext db, DateTimeOffset now) =>
        db.FlashSaleItems.AsNoTracking().Where(i => db.FlashSaleSlots.Any(s => s.Id == i.SlotId && s.EndsAt > now)).Select(i => i.ProductId);
}
