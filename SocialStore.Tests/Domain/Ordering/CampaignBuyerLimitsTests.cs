using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Bargains;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.FlashSales;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Bargains;
using SocialStore.Tests.Domain.FlashSales;
using SocialStore.Tests.Domain.GroupBuys;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Ordering;

/// <summary>
/// Campaign orders obey the checkout's buyer caps (issue 11 §2, ADR-059): a buyer who already holds the maximum of
/// open unpaid orders cannot take a group-buy seat, buy a bargain or reserve a flash-sale unit — the campaign's own
/// clear code, and nothing is written (no order, no seat, no campaign unit, no cap unit).
/// </summary>
public sealed class CampaignBuyerLimitsTests
{
    private static readonly int MaxUnpaid = new CheckoutOptions().MaxOpenUnpaidOrders;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GroupBuy_TooManyUnpaidOrders_Refused_NothingWritten(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(size: 3, perUser: 10);
        var buyer = await bed.BuyerAsync();
        for (var i = 0; i < MaxUnpaid; i++) await bed.Service.StartAsync(buyer, campaign, GroupBuyTestBed.Key(), default);
        var stock = await bed.StockAsync(campaign);
        var orders = await CountOrdersAsync(bed.Factory, buyer);

        var refused = await Assert.ThrowsAsync<DomainException>(() => bed.Service.StartAsync(buyer, campaign, GroupBuyTestBed.Key(), default));
        Assert.Equal(GroupBuyErrors.TooManyUnpaid, refused.Code);
        Assert.Equal(MaxUnpaid, refused.Arguments.Single());
        Assert.Equal(stock, await bed.StockAsync(campaign));
        Assert.Equal(orders, await CountOrdersAsync(bed.Factory, buyer));
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(MaxUnpaid, await db.GroupBuyMembers.CountAsync(m => m.UserId == buyer));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bargain_TooManyUnpaidOrders_Refused_NothingWritten(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(helpers: 2, stock: 5);
        var owner = await bed.UserAsync();
        await UnpaidOrdersAsync(bed.Factory, owner, bed.Product.Id, bed.SkuId, MaxUnpaid, bed.Clock.GetUtcNow());
        var id = await bed.Service.StartAsync(owner, campaign, default);
        var orders = await CountOrdersAsync(bed.Factory, owner);

        var refused = await Assert.ThrowsAsync<DomainException>(() => bed.Service.BuyAsync(owner, id, BargainTestBed.Key(), default));
        Assert.Equal(BargainErrors.TooManyUnpaid, refused.Code);
        Assert.Equal(5, await bed.CampaignStockAsync(campaign));
        Assert.Equal(BargainStatus.Open, (await bed.BargainAsync(id)).Status);
        Assert.Equal(orders, await CountOrdersAsync(bed.Factory, owner));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FlashSale_TooManyUnpaidOrders_LimitReached_NothingWritten(DatabaseProvider provider)
    {
        await using var bed = await FlashTestBed.CreateAsync(provider);
        var (itemId, productId, skuId) = await bed.LiveItemAsync(slotStock: 10, limit: 2, skuStock: 100);
        var buyer = (await bed.BuyersAsync("lim", 1)).Single();
        await UnpaidOrdersAsync(bed.Pay.Factory, buyer, productId, skuId, MaxUnpaid, bed.Now);
        var orders = await CountOrdersAsync(bed.Pay.Factory, buyer);
        var skuStock = await bed.SkuStockAsync(skuId);

        var refused = await Assert.ThrowsAsync<DomainException>(() => bed.ReserveAsync(buyer, itemId));
        Assert.Equal(FlashSaleErrors.LimitReached, refused.Code);
        Assert.Equal(10, await bed.RemainingAsync(itemId));
        Assert.Equal(skuStock, await bed.SkuStockAsync(skuId));
        Assert.Equal(orders, await CountOrdersAsync(bed.Pay.Factory, buyer));
        Assert.Equal(0, await bed.QueryAsync(db => db.FlashSaleQuotas.CountAsync(q => q.UserId == buyer)));
    }

    private static async Task<int> CountOrdersAsync(IDbContextFactory<SocialStoreDbContext> factory, string buyerId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Orders.CountAsync(o => o.BuyerId == buyerId);
    }

    /// <summary>Real unpaid orders of the buyer, written by the one order writer (as the checkout would).</summary>
    private static async Task UnpaidOrdersAsync(IDbContextFactory<SocialStoreDbContext> factory, string buyerId, long productId, long skuId, int count, DateTimeOffset now)
    {
        var pricing = new PricingPipeline([]);
        for (var i = 0; i < count; i++)
        {
            await using var db = await factory.CreateDbContextAsync();
            var address = await db.Addresses.AsNoTracking().FirstAsync(a => a.UserId == buyerId);
            var sku = (await CampaignOrders.SkuAsync(db, skuId, default))!;
            Assert.Equal(productId, sku.ProductId);
            var quote = await pricing.PriceAsync(buyerId, [new PricingLine(productId, skuId, sku.ProductTitle, sku.SkuLabel, sku.CoverKey, 10m, 1)], default);
            await OrderWriter.AddAsync(db, buyerId, Guid.NewGuid().ToString(), address, quote, sku.Currency, now.AddMinutes(-2 - i), new CheckoutOptions().UnpaidTimeout, default);
        }
    }
}
