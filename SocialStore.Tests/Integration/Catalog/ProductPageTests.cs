using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Reviews;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Catalog;

public sealed class ProductPageTests : AppPageTest
{
    private Task<Product> TeeAsync(ProductStatus status = ProductStatus.OnSale) =>
        CatalogTestData.ProductAsync(db, "纯棉T恤</script>", [CatalogTestData.Colour, CatalogTestData.Size],
        [
            new(["红", "S"], 99m, 129m, 3),
            new(["红", "M"], 109m, 129m, 0),
            new(["白", "S"], 89m, 129m, 40),
        ], status, brand: "棉棉");

    [Fact]
    public async Task ProductPage_HasOpenGraphAndJsonLdProductWithOffers()
    {
        var product = await TeeAsync();

        var html = await app.CreateClient().GetStringAsync($"/products/{product.Id}");
        var doc = new HtmlParser().ParseDocument(html);
        string? Meta(string key) => doc.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        Assert.Equal("product", Meta("og:type"));
        Assert.Equal("纯棉T恤</script>", Meta("og:title"));
        Assert.Equal($"http://localhost/products/{product.Id}", Meta("og:url"));
        Assert.Equal("89.00", Meta("product:price:amount"));
        Assert.Equal($"http://localhost/products/{product.Id}", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var scripts = doc.QuerySelectorAll("script[type='application/ld+json']");
        Assert.Single(scripts);
        Assert.DoesNotContain("</script>测", scripts[0].InnerHtml);
        var ld = JsonDocument.Parse(scripts[0].TextContent).RootElement;
        Assert.Equal("https://schema.org", ld.GetProperty("@context").GetString());
        Assert.Equal("Product", ld.GetProperty("@type").GetString());
        Assert.Equal("纯棉T恤</script>", ld.GetProperty("name").GetString());
        Assert.Equal("棉棉", ld.GetProperty("brand").GetProperty("name").GetString());
        var offers = ld.GetProperty("offers");
        Assert.Equal("AggregateOffer", offers.GetProperty("@type").GetString());
        Assert.Equal("89.00", offers.GetProperty("lowPrice").GetString());
        Assert.Equal("109.00", offers.GetProperty("highPrice").GetString());
        Assert.Equal("CNY", offers.GetProperty("priceCurrency").GetString());
        Assert.Equal(3, offers.GetProperty("offerCount").GetInt32());
        Assert.Equal("https://schema.org/InStock", offers.GetProperty("availability").GetString());
        Assert.Contains(offers.GetProperty("offers").EnumerateArray(),
            o => o.GetProperty("name").GetString() == "红 / M" && o.GetProperty("availability").GetString() == "https://schema.org/OutOfStock");
        Assert.False(ld.TryGetProperty("aggregateRating", out _)); // no reviews yet: nothing is invented
    }

    [Fact]
    public async Task ProductPage_SkuPicker_DisablesUnavailableAndShowsLowStock()
    {
        var product = await TeeAsync();
        var client = app.CreateClient();

        var red = new HtmlParser().ParseDocument(await client.GetStringAsync($"/products/{product.Id}?sel={Uri.EscapeDataString("红|")}"));
        var sizes = red.QuerySelectorAll(".sku-option")[1];
        Assert.Equal("true", sizes.QuerySelector(".sku-choice[data-value='M']")!.GetAttribute("aria-disabled"));
        Assert.Equal("A", sizes.QuerySelector(".sku-choice[data-value='S']")!.TagName);

        var redSmall = new HtmlParser().ParseDocument(await client.GetStringAsync($"/products/{product.Id}?sel={Uri.EscapeDataString("红|S")}"));
        Assert.Contains("3", redSmall.QuerySelector("[data-testid=stock] .low-stock")!.TextContent);
        Assert.Contains("99", redSmall.QuerySelector("[data-testid=price] .price")!.TextContent);
        // The add-to-cart form carries the chosen SKU.
        Assert.Equal(product.Skus.Single(s => s.Key == "红|S").Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            redSmall.QuerySelector("[data-testid=add-to-cart-form] input[name=sku]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ProductPage_SoldOut_SaysSoAndJsonLdIsOutOfStock()
    {
        var product = await CatalogTestData.SimpleAsync(db, "限量款", 59m, stock: 0);

        var doc = new HtmlParser().ParseDocument(await app.CreateClient().GetStringAsync($"/products/{product.Id}"));

        Assert.NotNull(doc.QuerySelector("[data-testid=stock] .sold-out"));
        var offers = JsonDocument.Parse(doc.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.GetProperty("offers");
        Assert.Equal("Offer", offers.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org/OutOfStock", offers.GetProperty("availability").GetString());
    }

    [Theory]
    [InlineData(ProductStatus.Draft)]
    [InlineData(ProductStatus.OffShelf)]
    public async Task ProductPage_NotOnSale_Is404(ProductStatus status)
    {
        var product = await TeeAsync(status);

        var response = await app.CreateClient().GetAsync($"/products/{product.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ProductPage_SignedInShopperAsks_QuestionShows_AnonymousSeesSignInLink()
    {
        var product = await CatalogTestData.SimpleAsync(db, "面霜", 99m);
        using var shopper = await AccountTestClient.SignedInAsync(app);

        var form = await TestForm.ReadAsync(shopper.Http, $"/products/{product.Id}", "[data-testid=ask-form]");
        await form.PostAsync(shopper.Http, new() { ["AskBody"] = "敏感肌能用吗？" });

        var page = await AccountTestClient.Create(app).GetAsync($"/products/{product.Id}");
        Assert.Contains("敏感肌能用吗？", page.TextOf("[data-testid=question]"));
        Assert.Null(page.Document.QuerySelector("[data-testid=ask-form]"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=qa] a[href^='/Account/Login']"));
    }

    /// <summary>A verified review by a new buyer (a purchase record stands in for the order line).</summary>
    private async Task<(long ReviewId, ApplicationUser Author)> ReviewAsync(Product product, string handle, int stars, string body, int photos = 0)
    {
        var author = await TestData.UserAsync(db, handle, handle);
        await using var context = await db.CreateDbContextAsync();
        var purchase = new PurchaseRecord { UserId = author.Id, ProductId = product.Id, SkuId = product.Skus[0].Id, Source = PurchaseSource.AdminGrant, PurchasedAt = DateTimeOffset.UtcNow };
        context.PurchaseRecords.Add(purchase);
        await context.SaveChangesAsync();
        var images = Enumerable.Range(0, photos).Select(i => new ReviewImage { StorageKey = $"{handle}-{i}", Width = 100, Height = 100 }).ToList();
        var review = Review.Write(purchase, author.Id, stars, body, images, DateTimeOffset.UtcNow);
        context.Reviews.Add(review);
        await context.SaveChangesAsync();
        return (review.Id, author);
    }

    [Fact]
    public async Task ProductPage_MoreLinks_PageReviewsAndQuestionsWithoutJavaScript()
    {
        var product = await CatalogTestData.SimpleAsync(db, "面霜", 99m);
        var questions = app.Services.GetRequiredService<QuestionService>();
        var asker = await TestData.UserAsync(db, "asker");
        for (var i = 0; i < 12; i++)
        {
            await ReviewAsync(product, $"buyer{i}", i < 11 ? 5 : 3, $"评价{i}", photos: i == 7 ? 1 : 0);
            await questions.AskAsync(asker.Id, product.Id, $"问题{i}", default);
        }
        var client = AccountTestClient.Create(app);

        var first = await client.GetAsync($"/products/{product.Id}");
        string[] Texts(AccountTestClient.Page page, string selector) => page.Document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToArray();
        var firstReviews = Texts(first, "[data-testid=review] .review-body");
        var firstQuestions = Texts(first, "[data-testid=question] .qa-question");
        Assert.Equal(10, firstReviews.Length);
        Assert.Equal("评价7", firstReviews[0]); // photos first
        Assert.Equal(10, firstQuestions.Length);
        Assert.Contains("12", first.TextOf("#qa-heading")); // every question counted, not just the page

        var moreReviews = await client.GetAsync(first.Document.QuerySelector("a[data-testid=reviews-more]")!.GetAttribute("href")!);
        var moreQuestions = await client.GetAsync(first.Document.QuerySelector("a[data-testid=questions-more]")!.GetAttribute("href")!);

        var nextReviews = Texts(moreReviews, "[data-testid=review] .review-body");
        Assert.Equal(2, nextReviews.Length);
        Assert.Empty(nextReviews.Intersect(firstReviews));
        Assert.Equal(12, firstReviews.Concat(nextReviews).Distinct().Count());
        Assert.Null(moreReviews.Document.QuerySelector("[data-testid=reviews-more]"));
        var nextQuestions = Texts(moreQuestions, "[data-testid=question] .qa-question");
        Assert.Equal(2, nextQuestions.Length);
        Assert.Empty(nextQuestions.Intersect(firstQuestions));
        Assert.Null(moreQuestions.Document.QuerySelector("[data-testid=questions-more]"));

        // The filter is kept on the next page.
        var fiveStars = await client.GetAsync($"/products/{product.Id}?stars=5");
        var fiveMore = fiveStars.Document.QuerySelector("a[data-testid=reviews-more]")!.GetAttribute("href")!;
        Assert.Contains("stars=5", fiveMore);
        var fiveNext = await client.GetAsync(fiveMore);
        // Eleven five-star reviews: the one with photos, then newest first; the oldest is left for page two.
        Assert.Equal(["评价0"], Texts(fiveNext, "[data-testid=review] .review-body"));
    }

    [Theory]
    [InlineData("?reviews_after=abc&questions_after=-1")]
    [InlineData("?reviews_after=1.2.3.4&questions_after=99999999999999999999999")]
    [InlineData("?stars=abc&photos=maybe")]
    [InlineData("?stars=9&reviews_after=%27%20OR%201%3D1--")]
    public async Task ProductPage_HandEditedPagingOrFilter_ShowsTheFirstPage(string query)
    {
        var product = await CatalogTestData.SimpleAsync(db, "面霜", 99m);
        await ReviewAsync(product, "only", 4, "唯一的评价");

        var page = await AccountTestClient.Create(app).GetAsync($"/products/{product.Id}{query}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("唯一的评价", page.TextOf("[data-testid=review] .review-body"));
    }

    [Fact]
    public async Task ShopPage_SortsByPriceAndFiltersWithoutJavaScript()
    {
        await CatalogTestData.SimpleAsync(db, "贵的", 1000m, brand: "甲");
        await CatalogTestData.SimpleAsync(db, "便宜的", 9.9m, brand: "甲");
        await CatalogTestData.SimpleAsync(db, "缺货的", 50m, stock: 0, brand: "乙");
        var client = AccountTestClient.Create(app);

        var asc = await client.GetAsync("/shop?sort=PriceAsc");
        var titles = asc.Document.QuerySelectorAll("[data-testid=products] h2").Select(h => h.TextContent).ToList();
        var filtered = await client.GetAsync("/shop?sort=PriceDesc&min=10&instock=true&brand=%E7%94%B2");
        var bad = await client.GetAsync("/shop?sort=nonsense&min=abc&after=zzz");

        Assert.True(titles.IndexOf("便宜的") < titles.IndexOf("缺货的") && titles.IndexOf("缺货的") < titles.IndexOf("贵的"));
        Assert.Equal(["贵的"], filtered.Document.QuerySelectorAll("[data-testid=products] h2").Select(h => h.TextContent));
        Assert.Equal(HttpStatusCode.OK, bad.Response.StatusCode);
    }
}
