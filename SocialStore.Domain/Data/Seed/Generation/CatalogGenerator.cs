using System.Text;
using SocialStore.Domain.Data.Seed.Art;
using SocialStore.Domain.Data.Seed.Banks;

namespace SocialStore.Domain.Data.Seed.Generation;

/// <summary>The category tree and products on sale, with prices, stock and a Markdown description.</summary>
internal sealed class CatalogGenerator(SeedScaleOptions options, DateTimeOffset now)
{
    private readonly LeafCategory[] leaves = CatalogBank.Leaves.ToArray();

    /// <summary>Roots first, then every leaf; a leaf's parent is a root's position.</summary>
    public static List<SeedCategory> Categories()
    {
        var categories = CatalogBank.Roots.Select((r, i) => new SeedCategory(i, null, r.Slug, r.Zh, r.En, i)).ToList();
        for (var r = 0; r < CatalogBank.Roots.Length; r++)
            foreach (var (leaf, order) in CatalogBank.Roots[r].Leaves.Select((l, i) => (l, i)))
                categories.Add(new SeedCategory(categories.Count, r, leaf.Slug, leaf.Zh, leaf.En, order));
        return categories;
    }

    public IEnumerable<SeedProduct> Products()
    {
        var categoryIndex = Categories().ToDictionary(c => c.Slug, c => c.Index);
        for (var p = 0; p < options.Products; p++)
        {
            var random = SeedRandom.For(options.RandomSeed, "product", p);
            // Round-robin over the leaves, so every category has goods.
            var leaf = leaves[p % leaves.Length];
            var brandIndex = random.Next(leaf.Brands.Length);
            var itemIndex = random.Next(leaf.Items.Length);
            var (brand, item) = (leaf.Brands[brandIndex], leaf.Items[itemIndex]);
            var spec = random.Pick(item.Specs);
            var price = Price(item.MinPrice + (item.MaxPrice - item.MinPrice) * (decimal)random.NextDouble(), random);
            // No invented "original" price: a generated product was never sold at any other price, so its original price
            // is its price and no strike-through shows (ADR-028). The draws that made one up stay, so the rest of the set is unchanged.
            _ = Price(price * (1.1m + (decimal)random.NextDouble() * 0.5m), random);
            var original = price;
            var subtitles = leaf.Subtitles.ToArray();
            random.Shuffle(subtitles);
            yield return new SeedProduct(
                p, categoryIndex[leaf.Slug], $"{brand} {item.Name} {spec}", string.Join("｜", subtitles.Take(2)),
                Description(leaf, brand, item, spec, subtitles[0], random), brand, price, original,
                20 + random.Next(3000), ArtKey(leaf, brandIndex, itemIndex),
                SeedRandom.Seconds(now - TimeSpan.FromDays(1 + random.Next(180)) - TimeSpan.FromMinutes(random.Next(1440))));
        }
    }

    /// <summary>One picture per leaf, brand and item: the same product always shows the same picture.</summary>
    public IEnumerable<SeedArtwork> Artwork()
    {
        foreach (var leaf in leaves)
            for (var b = 0; b < leaf.Brands.Length; b++)
                for (var i = 0; i < leaf.Items.Length; i++)
                {
                    var (shape, palette, brand, seed) = (leaf.Items[i].Shape, leaf.Palette, leaf.Brands[b], b * 31 + i);
                    yield return new SeedArtwork(ArtKey(leaf, b, i), () => ProductArt.Draw(shape, palette, brand, seed));
                }
    }

    public static (int Width, int Height) CoverSize => (ProductArt.Size, ProductArt.Size);

    private static string ArtKey(LeafCategory leaf, int brand, int item) => $"seed/products/{leaf.Slug}-{brand}-{item}.svg";

    /// <summary>Prices end in 9 or 9.9, as Chinese shops price them.</summary>
    private static decimal Price(decimal raw, Random random)
    {
        var whole = Math.Max(9, Math.Floor(raw / 10) * 10 + 9);
        return random.NextDouble() < 0.2 ? whole + 0.9m : whole;
    }

    private static string Description(LeafCategory leaf, string brand, ProductTemplate item, string spec, string headline, Random random)
    {
        var highlights = leaf.Highlights.ToArray();
        random.Shuffle(highlights);
        var sb = new StringBuilder(400);
        sb.Append("**").Append(headline).Append("**，").Append(brand).Append('的').Append(item.Name).Append("。\n\n");
        sb.Append("## 产品亮点\n\n");
        foreach (var highlight in highlights.Take(3)) sb.Append("- ").Append(highlight).Append('\n');
        sb.Append("\n## 规格参数\n\n| 项目 | 内容 |\n|---|---|\n");
        sb.Append("| 品牌 | ").Append(brand).Append(" |\n| 规格 | ").Append(spec).Append(" |\n| 类目 | ").Append(leaf.Zh).Append(" |\n");
        sb.Append("\n> 图片为示意插画，请以实物为准。");
        return sb.ToString();
    }
}
