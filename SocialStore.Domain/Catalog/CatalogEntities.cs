using System.Globalization;
using SocialStore.Domain.Common;

namespace SocialStore.Domain.Catalog;

public class Category
{
    public int Id { get; set; }

    public int? ParentId { get; set; }

    /// <summary>URL-safe key, e.g. "skincare".</summary>
    public string Slug { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public int SortOrder { get; set; }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}

public enum ProductStatus
{
    Draft,
    OnSale,
    OffShelf,
}

public class Product
{
    public const int TitleMaxLength = 60;
    public const int MaxOptions = 3;
    public const int MaxSkus = 200;
    public const int MaxImages = 9;
    public const int TagsMaxLength = 200;

    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string Subtitle { get; set; } = "";

    public string Description { get; set; } = "";

    public string Brand { get; set; } = "";

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    /// <summary>
    /// The "from" price in <see cref="Currency"/>: the lowest price of the active SKUs, kept by
    /// <see cref="SetVariants"/> so lists can sort and filter without reading SKUs (ADR-014). Never a double.
    /// </summary>
    public decimal Price { get; set; }

    /// <summary>The original price of the SKU that gives <see cref="Price"/>.</summary>
    public decimal OriginalPrice { get; set; }

    public string Currency { get; set; } = "CNY";

    /// <summary>The total stock of the active SKUs, kept by <see cref="SetVariants"/> and by stock updates.</summary>
    public int Stock { get; set; }

    /// <summary>Comma-separated tags, e.g. "敏感肌,保湿".</summary>
    public string Tags { get; set; } = "";

    public List<ProductOption> Options { get; } = [];

    public List<Sku> Skus { get; } = [];

    public List<ProductImage> Images { get; } = [];

    public string CoverKey { get; set; } = "";

    public int CoverWidth { get; set; }

    public int CoverHeight { get; set; }

    public ProductStatus Status { get; set; }

    public int SalesCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Replaces the options and updates the SKUs to match the input: SKUs are matched by their values,
    /// so an existing SKU keeps its id (reviews and orders point at it) and its price and stock changes
    /// are returned for the audit log; SKUs no longer listed are switched off, never deleted. The stock of an
    /// existing SKU whose input carries <see cref="SkuInput.ReadStock"/> is left to the caller.
    /// </summary>
    public VariantResult SetVariants(IReadOnlyList<OptionInput> options, IReadOnlyList<SkuInput> skus)
    {
        var cleanOptions = CheckOptions(options);
        if (skus.Count == 0) throw new DomainException(CatalogErrors.NoSkus);
        if (skus.Count > MaxSkus) throw new DomainException(CatalogErrors.TooManySkus, MaxSkus);
        var warnings = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new List<(string Key, SkuInput Input)>(skus.Count);
        foreach (var sku in skus)
        {
            var values = sku.Values.Select(v => (v ?? "").Trim()).ToList();
            if (values.Count != cleanOptions.Count) throw new DomainException(CatalogErrors.SkuValuesMismatch);
            for (var i = 0; i < values.Count; i++)
                if (!cleanOptions[i].Values.Contains(values[i], StringComparer.Ordinal))
                    throw new DomainException(CatalogErrors.SkuValueUnknown, values[i], cleanOptions[i].Name);
            var key = SkuKey.Join(values);
            if (!keys.Add(key)) throw new DomainException(CatalogErrors.DuplicateSku, string.Join(" / ", values));
            SkuMatrix.CheckMoney(sku.Price);
            SkuMatrix.CheckMoney(sku.OriginalPrice);
            if (sku.Stock < 0) throw new DomainException(CatalogErrors.NegativeStock);
            if (sku.OriginalPrice > 0 && sku.OriginalPrice < sku.Price) warnings.Add(string.Join(" / ", values));
            inputs.Add((key, sku));
        }
        if (!inputs.Any(i => i.Input.IsActive)) throw new DomainException(CatalogErrors.NoSkus);

        Options.Clear();
        Options.AddRange(cleanOptions.Select((o, i) => new ProductOption { Position = i, Name = o.Name, ValuesText = SkuKey.Join(o.Values) }));

        var changes = new List<VariantChange>();
        foreach (var (key, input) in inputs)
        {
            var existing = Skus.FirstOrDefault(s => s.Key == key);
            if (existing is null)
            {
                Skus.Add(new Sku { Key = key, Price = input.Price, OriginalPrice = input.OriginalPrice, Stock = input.Stock, IsActive = input.IsActive });
                changes.Add(new VariantChange(key, nameof(Sku.Price), "", Text(input.Price)));
                changes.Add(new VariantChange(key, nameof(Sku.Stock), "", Text(input.Stock)));
                continue;
            }
            if (existing.Price != input.Price) changes.Add(new VariantChange(key, nameof(Sku.Price), Text(existing.Price), Text(input.Price)));
            if (existing.OriginalPrice != input.OriginalPrice) changes.Add(new VariantChange(key, nameof(Sku.OriginalPrice), Text(existing.OriginalPrice), Text(input.OriginalPrice)));
            (existing.Price, existing.OriginalPrice, existing.IsActive) = (input.Price, input.OriginalPrice, input.IsActive);
            // A stock the form read is written by the caller, conditionally on that value (CatalogAdminService).
            if (input.ReadStock is not null) continue;
            if (existing.Stock != input.Stock) changes.Add(new VariantChange(key, nameof(Sku.Stock), Text(existing.Stock), Text(input.Stock)));
            existing.Stock = input.Stock;
        }
        foreach (var removed in Skus.Where(s => s.IsActive && !keys.Contains(s.Key)))
        {
            removed.IsActive = false;
            changes.Add(new VariantChange(removed.Key, nameof(Sku.IsActive), "true", "false"));
        }
        RefreshSummary();
        return new VariantResult(changes, warnings);
    }

    /// <summary>Sets one SKU's stock (the admin's bulk stock edit); returns the change, or null when it is the same.</summary>
    public VariantChange? SetStock(long skuId, int stock)
    {
        if (stock < 0) throw new DomainException(CatalogErrors.NegativeStock);
        var sku = Skus.FirstOrDefault(s => s.Id == skuId) ?? throw new DomainException(CatalogErrors.SkuNotFound);
        if (sku.Stock == stock) return null;
        var change = new VariantChange(sku.Key, nameof(Sku.Stock), Text(sku.Stock), Text(stock));
        sku.Stock = stock;
        RefreshSummary();
        return change;
    }

    /// <summary>Keeps the list columns (from-price, its original price, total stock) in step with the SKUs.</summary>
    public void RefreshSummary()
    {
        var active = Skus.Where(s => s.IsActive).ToList();
        if (active.Count == 0) return;
        var cheapest = active.OrderBy(s => s.Price).First();
        (Price, OriginalPrice, Stock) = (cheapest.Price, Math.Max(cheapest.OriginalPrice, cheapest.Price), active.Sum(s => s.Stock));
    }

    public void SetImages(IReadOnlyList<ProductImage> images)
    {
        if (images.Count > MaxImages) throw new DomainException(CatalogErrors.TooManyImages, MaxImages);
        Images.Clear();
        for (var i = 0; i < images.Count; i++)
        {
            images[i].Position = i;
            Images.Add(images[i]);
        }
        if (images.Count > 0) (CoverKey, CoverWidth, CoverHeight) = (images[0].StorageKey, images[0].Width, images[0].Height);
    }

    private static List<OptionInput> CheckOptions(IReadOnlyList<OptionInput> options)
    {
        if (options.Count > MaxOptions) throw new DomainException(CatalogErrors.TooManyOptions, MaxOptions);
        var result = new List<OptionInput>(options.Count);
        foreach (var option in options)
        {
            var name = (option.Name ?? "").Trim();
            if (name.Length == 0 || name.Length > ProductOption.NameMaxLength) throw new DomainException(CatalogErrors.OptionNameInvalid, ProductOption.NameMaxLength);
            if (result.Any(o => o.Name == name)) throw new DomainException(CatalogErrors.DuplicateOption, name);
            var values = option.Values.Select(v => (v ?? "").Trim()).Where(v => v.Length > 0).ToList();
            if (values.Count == 0 || values.Count > ProductOption.MaxValues) throw new DomainException(CatalogErrors.OptionValuesInvalid, name, ProductOption.MaxValues);
            if (values.Any(v => v.Length > ProductOption.ValueMaxLength || v.Contains(SkuKey.Separator)))
                throw new DomainException(CatalogErrors.OptionValueInvalid, name, ProductOption.ValueMaxLength);
            if (values.Distinct(StringComparer.Ordinal).Count() != values.Count) throw new DomainException(CatalogErrors.DuplicateOptionValue, name);
            result.Add(new OptionInput(name, values));
        }
        return result;
    }

    private static string Text(decimal amount) => Money.Plain(amount);

    private static string Text(int count) => count.ToString(CultureInfo.InvariantCulture);
}
