using System.Globalization;
using System.Text.Json;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Reviews;

namespace SocialStore.Web.Components.Pages.Catalog;

/// <summary>
/// The product page's schema.org <c>Product</c> structured data (JSON-LD): one offer, or an aggregate offer with one
/// offer per SKU; a rating only when real reviews exist; prices as plain invariant amounts. The text is safe inside a
/// <c>&lt;script&gt;</c> element: "&lt;" is escaped, so a title like "&lt;/script&gt;" cannot close it.
/// </summary>
public static class ProductJsonLd
{
    private const string InStock = "https://schema.org/InStock";
    private const string OutOfStock = "https://schema.org/OutOfStock";

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };

    /// <param name="product">The product as the page shows it.</param>
    /// <param name="summary">Its review summary (no rating is claimed while <see cref="ReviewSummary.Count"/> is 0).</param>
    /// <param name="url">The page's canonical absolute URL.</param>
    /// <param name="description">The description the page gives crawlers (subtitle, or the description as plain text).</param>
    /// <param name="imageUrls">Absolute URLs of the gallery images, in order.</param>
    /// <param name="category">The category name in the page's language.</param>
    public static string Build(ProductDetail product, ReviewSummary summary, string url, string description, IEnumerable<string> imageUrls, string category)
    {
        var skus = product.Skus;
        var availability = product.SoldOut ? OutOfStock : InStock;
        object offers = skus.Count <= 1
            ? new Dictionary<string, object?>
            {
                ["@type"] = "Offer",
                ["price"] = Money.Plain(skus.FirstOrDefault()?.Price ?? product.Price),
                ["priceCurrency"] = product.Currency,
                ["availability"] = availability,
                ["url"] = url,
            }
            : new Dictionary<string, object?>
            {
                ["@type"] = "AggregateOffer",
                ["lowPrice"] = Money.Plain(skus.Min(s => s.Price)),
                ["highPrice"] = Money.Plain(skus.Max(s => s.Price)),
                ["priceCurrency"] = product.Currency,
                ["offerCount"] = skus.Count,
                ["availability"] = availability,
                ["offers"] = skus.Select(s => new Dictionary<string, object?>
                {
                    ["@type"] = "Offer",
                    ["name"] = s.Label,
                    ["sku"] = s.Id.ToString(CultureInfo.InvariantCulture),
                    ["price"] = Money.Plain(s.Price),
                    ["priceCurrency"] = product.Currency,
                    ["availability"] = s.Stock > 0 ? InStock : OutOfStock,
                }).ToList(),
            };
        var ld = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Product",
            ["name"] = product.Title,
            ["description"] = description,
            ["image"] = imageUrls.ToList(),
            ["url"] = url,
            ["category"] = category,
            ["offers"] = offers,
        };
        // Only real reviews count: no rating is shown or claimed until someone who bought it reviews it.
        if (summary.Count > 0)
        {
            ld["aggregateRating"] = new Dictionary<string, object?>
            {
                ["@type"] = "AggregateRating",
                ["ratingValue"] = summary.Average.ToString("0.0", CultureInfo.InvariantCulture),
                ["reviewCount"] = summary.Count,
                ["bestRating"] = 5,
                ["worstRating"] = 1,
            };
        }
        if (!string.IsNullOrEmpty(product.Brand)) ld["brand"] = new Dictionary<string, object?> { ["@type"] = "Brand", ["name"] = product.Brand };
        return JsonSerializer.Serialize(ld, Options);
    }
}
