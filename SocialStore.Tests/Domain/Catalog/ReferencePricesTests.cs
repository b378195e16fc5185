using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Catalog;

/// <summary>ADR-028: a struck-through original price is shown only when the SKU was really paid for at that price within the last 7 days.</summary>
public class ReferencePricesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Read_OriginalPriceNeverPaid_HasNoReferencePrice(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var product = await CatalogTestData.ProductAsync(db.Factory, "精华", [], [new SkuInput([], 99m, 129m, 10)]);

        var (detail, card) = await ReadAsync(db.Factory, product.Id);

        Assert.Equal(129m, product.OriginalPrice); // what the admin typed is kept …
        Assert.Null(detail.ReferencePrice); // … but nobody paid it, so it is not shown
        Assert.Null(detail.ReferencePriceOf(detail.Skus[0]));
        Assert.Null(card.ReferencePrice);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Read_SoldAtTheOriginalPriceTwoDaysAgo_ShowsIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var product = await SoldThenCutAsync(db.Factory, soldAt: 129m, paidDaysAgo: 2, pay: true);

        var (detail, card) = await ReadAsync(db.Factory, product.Id);

        Assert.Equal(99m, detail.Price);
        Assert.Equal(129m, detail.ReferencePrice);
        Assert.Equal(129m, detail.ReferencePriceOf(detail.Skus[0]));
        Assert.Equal(129m, card.ReferencePrice);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Read_SaleOutsideTheWindowUnpaidOrAtAnotherPrice_HasNoReferencePrice(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var products = new[]
        {
            await SoldThenCutAsync(db.Factory, soldAt: 129m, paidDaysAgo: 8, pay: true, title: "八天前"),
            await SoldThenCutAsync(db.Factory, soldAt: 129m, paidDaysAgo: 1, pay: false, title: "未付款"),
            await SoldThenCutAsync(db.Factory, soldAt: 119m, paidDaysAgo: 1, pay: true, title: "别的价"),
        };

        foreach (var product in products)
        {
            var (detail, card) = await ReadAsync(db.Factory, product.Id);
            Assert.Null(detail.ReferencePrice);
            Assert.Null(card.ReferencePrice);
        }
    }

    /// <summary>A one-SKU product on sale at <paramref name="soldAt"/>, ordered then, and cut to 99 with 129 typed as its original price.</summary>
    private static async Task<Product> SoldThenCutAsync(
        IDbContextFactory<SocialStoreDbContext> factory, decimal soldAt, int paidDaysAgo, bool pay, string title = "精华")
    {
        var product = await CatalogTestData.ProductAsync(factory, title, [], [new SkuInput([], soldAt, 0m, 10)]);
        var buyer = await TestData.UserAsync(factory, "buyer" + Guid.NewGuid().ToString("N")[..8]);
        var at = DateTimeOffset.UtcNow.AddDays(-paidDaysAgo);
        var order = await OrderTestData.PendingAsync(factory, buyer.Id, [new OrderTestData.Item(product.Skus[0], 1, title)], at: at);
        if (pay) await OrderTestData.PayAsync(factory, order, at);
        await using var db = await factory.CreateDbContextAsync();
        var stored = await db.Products.Include(p => p.Options).Include(p => p.Skus).SingleAsync(p => p.Id == product.Id);
        stored.SetVariants([], [new SkuInput([], 99m, 129m, 10)]);
        await db.SaveChangesAsync();
        return stored;
    }

    private static async Task<(ProductDetail Detail, ProductCard Card)> ReadAsync(IDbContextFactory<SocialStoreDbContext> factory, long productId)
    {
        var detail = await new ProductQueries(factory).DetailAsync(productId, CancellationToken.None);
        var shop = await new ShopQueries(factory).BrowseAsync(new ShopFilter(), null, CancellationToken.None);
        return (detail!, shop.Items.Single(c => c.Id == productId));
    }
}
