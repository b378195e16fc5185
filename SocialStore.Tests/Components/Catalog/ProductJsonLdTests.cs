using System.Text.Json;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Reviews;
using SocialStore.Web.Components.Pages.Catalog;

namespace SocialStore.Tests.Components.Catalog;

/// <summary>The product page's structured data, built by <see cref="ProductJsonLd"/> (moved out of the page, same output).</summary>
public sealed class ProductJsonLdTests
{
    private static ProductDetail Product(string title, string brand, params Sku[] skus) => new(
        7, title, "副标题", "描述", brand, "", "CNY", skus.Min(s => s.Price), skus.Sum(s => s.Stock), 0, DateTimeOffset.UnixEpoch,
        "skincare", "护肤", "Skincare", [new ProductGalleryImage("p/1.webp", 800, 800)], [], skus, new Dictionary<long, decimal>());

    private static Sku Sku(long id, string key, decimal price, int stock) => new() { Id = id, ProductId = 7, Key = key, Price = price, OriginalPrice = price, Stock = stock };

    private static JsonElement Build(ProductDetail product, ReviewSummary summary) =>
        JsonDocument.Parse(ProductJsonLd.Build(product, summary, "https://shop.example/products/7", "副标题", ["https://shop.example/media/p/1.webp"], "护肤")).RootElement;

    [Fact]
    public void OneSku_IsOneOffer_NoRatingWithoutReviews_NoEmptyBrand()
    {
        var ld = Build(Product("面霜", "", Sku(1, "50ml", 59.9m, 3)), ReviewSummary.Empty);

        Assert.Equal("Product", ld.GetProperty("@type").GetString());
        Assert.Equal("面霜", ld.GetProperty("name").GetString());
        Assert.Equal("护肤", ld.GetProperty("category").GetString());
        Assert.Equal("https://shop.example/media/p/1.webp", ld.GetProperty("image")[0].GetString());
        var offer = ld.GetProperty("offers");
        Assert.Equal(("Offer", "59.90", "CNY", "https://schema.org/InStock", "https://shop.example/products/7"),
            (offer.GetProperty("@type").GetString(), offer.GetProperty("price").GetString(), offer.GetProperty("priceCurrency").GetString(),
             offer.GetProperty("availability").GetString(), offer.GetProperty("url").GetString()));
        Assert.False(ld.TryGetProperty("aggregateRating", out _));
        Assert.False(ld.TryGetProperty("brand", out _));
    }

    [Fact]
    public void SeveralSkus_AreAnAggregateOffer_EachWithItsOwnStock_RatingFromRealReviews_Brand()
    {
        var product = Product("面霜", "云朵", Sku(1, "50ml", 59m, 0), Sku(2, "100ml", 99.5m, 4));
        var ld = Build(product, new ReviewSummary(3, 4.666m, [0, 0, 0, 1, 2], 0));

        var offers = ld.GetProperty("offers");
        Assert.Equal(("AggregateOffer", "59.00", "99.50", 2), (offers.GetProperty("@type").GetString(),
            offers.GetProperty("lowPrice").GetString(), offers.GetProperty("highPrice").GetString(), offers.GetProperty("offerCount").GetInt32()));
        Assert.Equal("https://schema.org/InStock", offers.GetProperty("availability").GetString());
        var each = offers.GetProperty("offers").EnumerateArray().ToList();
        Assert.Equal(["https://schema.org/OutOfStock", "https://schema.org/InStock"], each.Select(o => o.GetProperty("availability").GetString()));
        Assert.Equal(["1", "2"], each.Select(o => o.GetProperty("sku").GetString()));
        var rating = ld.GetProperty("aggregateRating");
        Assert.Equal(("4.7", 3), (rating.GetProperty("ratingValue").GetString(), rating.GetProperty("reviewCount").GetInt32()));
        Assert.Equal("云朵", ld.GetProperty("brand").GetProperty("name").GetString());
    }

    [Fact]
    public void ATitleThatClosesTheScript_CannotCloseIt()
    {
        var text = ProductJsonLd.Build(Product("纯棉T恤</script><script>alert(1)</script>", "", Sku(1, "M", 99m, 1)), ReviewSummary.Empty,
            "https://shop.example/products/7", "d", [], "服饰");

        Assert.DoesNotContain("</script>", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Equal("纯棉T恤</script><script>alert(1)</script>", JsonDocument.Parse(text).RootElement.GetProperty("name").GetString());
    }
}
