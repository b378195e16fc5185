using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Catalog;

/// <summary>ADR-028: the product page and the shop strike through only a price the SKU really sold at in the last 7 days.</summary>
public sealed class ProductPageReferencePriceTests : AppPageTest
{
    [Fact]
    public async Task ProductPage_OriginalPriceNeverSold_ShowsNoStrikeThrough()
    {
        var product = await CatalogTestData.ProductAsync(db, "从没卖过", [], [new SkuInput([], 99m, 129m, 10)]);

        var (page, shop) = await PagesAsync(product.Id);

        Assert.Contains("99", page.QuerySelector("[data-testid=price] .price")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=price] .price-original"));
        Assert.Null(shop.QuerySelector($"a[href='/products/{product.Id}'] .price-original"));
    }

    [Fact]
    public async Task ProductPage_SoldAtTheOriginalPriceWithinTheWindow_ShowsIt()
    {
        var product = await CatalogTestData.ProductAsync(db, "卖过原价", [], [new SkuInput([], 129m, 0m, 10)]);
        var buyer = await TestData.UserAsync(db, "ref_buyer");
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        var order = await OrderTestData.PendingAsync(db, buyer.Id, [new OrderTestData.Item(product.Skus[0], 1, product.Title)], at: at);
        await OrderTestData.PayAsync(db, order, at);
        await using (var context = await db.CreateDbContextAsync())
        {
            var stored = await context.Products.Include(p => p.Options).Include(p => p.Skus).SingleAsync(p => p.Id == product.Id);
            stored.SetVariants([], [new SkuInput([], 99m, 129m, 10)]);
            await context.SaveChangesAsync();
        }

        var (page, shop) = await PagesAsync(product.Id);

        Assert.Equal("¥129", page.QuerySelector("[data-testid=price] .price-original")!.TextContent.Trim());
        Assert.Equal("¥129", shop.QuerySelector($"a[href='/products/{product.Id}'] .price-original")!.TextContent.Trim());
    }

    private async Task<(AngleSharp.Html.Dom.IHtmlDocument Page, AngleSharp.Html.Dom.IHtmlDocument Shop)> PagesAsync(long productId)
    {
        var client = app.CreateClient();
        var parser = new HtmlParser();
        var page = parser.ParseDocument(await client.GetStringAsync($"/products/{productId}"));
        var shop = parser.ParseDocument(await client.GetStringAsync("/shop"));
        return (page, shop);
    }
}
