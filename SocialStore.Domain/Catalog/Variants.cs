using SocialStore.Domain.Common;

namespace SocialStore.Domain.Catalog;

/// <summary>One option a shopper chooses, e.g. 颜色 with 红 / 白, in the merchant's order.</summary>
public class ProductOption
{
    public const int NameMaxLength = 20;
    public const int ValueMaxLength = 30;
    public const int MaxValues = 20;

    public long Id { get; set; }

    public long ProductId { get; set; }

    public int Position { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The values joined by <see cref="SkuKey.Separator"/>, in display order.</summary>
    public string ValuesText { get; set; } = "";

    public IReadOnlyList<string> Values => SkuKey.Split(ValuesText);
}

/// <summary>
/// A stock-keeping unit: one combination of option values with its own price and stock. A product
/// without options has exactly one SKU whose key is empty. SKUs that were sold are never deleted
/// (reviews and orders point at them); the merchant switches them off instead.
/// </summary>
public class Sku
{
    public const int KeyMaxLength = 200;

    /// <summary>At or below this stock the product page says "only N left".</summary>
    public const int LowStock = 5;

    public long Id { get; set; }

    public long ProductId { get; set; }

    /// <summary>The option values in option order, joined by <see cref="SkuKey.Separator"/>; unique per product.</summary>
    public string Key { get; set; } = "";

    public decimal Price { get; set; }

    public decimal OriginalPrice { get; set; }

    public int Stock { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>"红 / M" for people; empty for the single SKU of a product without options.</summary>
    public string Label => string.Join(" / ", SkuKey.Split(Key));
}

/// <summary>A picture in the product gallery (the first one is also <see cref="Product.CoverKey"/>).</summary>
public class ProductImage
{
    public long Id { get; set; }

    public long ProductId { get; set; }

    public int Position { get; set; }

    public string StorageKey { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }
}

/// <summary>A price or stock change: who, when, old → new. Rows are only ever added.</summary>
public class CatalogAuditEntry
{
    public long Id { get; set; }

    public long ProductId { get; set; }

    /// <summary>The SKU's key at the time (SKUs can be renamed away; the log keeps what it was).</summary>
    public string SkuKey { get; set; } = "";

    public string Field { get; set; } = "";

    public string OldValue { get; set; } = "";

    public string NewValue { get; set; } = "";

    public string ActorId { get; set; } = "";

    public DateTimeOffset At { get; set; }
}

public static class SkuKey
{
    public const char Separator = '|';

    public static IReadOnlyList<string> Split(string text) =>
        text.Length == 0 ? [] : text.Split(Separator);

    public static string Join(IEnumerable<string> values) => string.Join(Separator, values);
}

/// <summary>What the merchant types for an option: a name and its values.</summary>
public sealed record OptionInput(string Name, IReadOnlyList<string> Values);

/// <summary>
/// What the merchant types for one SKU: its values (one per option, in option order), prices and stock.
/// <paramref name="ReadStock"/> is the stock the form showed; when it is set, <see cref="Product.SetVariants"/>
/// leaves an existing SKU's stock alone and the caller writes it conditionally on that value.
/// </summary>
public sealed record SkuInput(IReadOnlyList<string> Values, decimal Price, decimal OriginalPrice, int Stock, bool IsActive = true, int? ReadStock = null);

/// <summary>A price or stock change made by <see cref="Product.SetVariants"/>, for the audit log.</summary>
public sealed record VariantChange(string SkuKey, string Field, string OldValue, string NewValue);

/// <summary>The outcome of <see cref="Product.SetVariants"/>: what changed, and warnings that did not stop it.</summary>
public sealed record VariantResult(IReadOnlyList<VariantChange> Changes, IReadOnlyList<string> Warnings);

/// <summary>
/// The SKU picker's rules. A value is selectable when some active SKU with stock has it together
/// with the values already chosen for the other options, so a shopper can never reach a sold-out
/// or non-existent combination by clicking.
/// </summary>
public static class SkuMatrix
{
    public sealed record Choice(string Value, bool Selected, bool Available);

    /// <summary>Every combination of the options' values, in option order (the admin's "generate SKUs").</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Combinations(IReadOnlyList<OptionInput> options)
    {
        IEnumerable<IReadOnlyList<string>> result = [[]];
        foreach (var option in options)
            result = result.SelectMany(prefix => option.Values.Select(v => (IReadOnlyList<string>)[.. prefix, v])).ToList();
        return result.ToList();
    }

    /// <summary>The choices for each option given the current selection (null = not chosen yet).</summary>
    public static IReadOnlyList<IReadOnlyList<Choice>> Choices(IReadOnlyList<ProductOption> options, IReadOnlyList<Sku> skus, IReadOnlyList<string?> selection)
    {
        var sellable = skus.Where(s => s.IsActive && s.Stock > 0).Select(s => SkuKey.Split(s.Key)).ToList();
        var result = new List<IReadOnlyList<Choice>>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            var index = i;
            result.Add(options[i].Values.Select(value => new Choice(
                value,
                Selected(selection, index) == value,
                sellable.Any(values => values.Count == options.Count && values[index] == value
                    && Enumerable.Range(0, options.Count).All(o => o == index || Selected(selection, o) is not { } chosen || values[o] == chosen))))
                .ToList());
        }
        return result;
    }

    /// <summary>The SKU the selection names, when every option is chosen (or the product has none).</summary>
    public static Sku? Selected(IReadOnlyList<ProductOption> options, IReadOnlyList<Sku> skus, IReadOnlyList<string?> selection)
    {
        if (Enumerable.Range(0, options.Count).Any(i => Selected(selection, i) is null)) return null;
        var key = SkuKey.Join(Enumerable.Range(0, options.Count).Select(i => Selected(selection, i)!));
        return skus.FirstOrDefault(s => s.IsActive && s.Key == key);
    }

    private static string? Selected(IReadOnlyList<string?> selection, int index) =>
        index < selection.Count && !string.IsNullOrEmpty(selection[index]) ? selection[index] : null;

    internal static void CheckMoney(decimal amount)
    {
        if (amount < 0) throw new DomainException(CatalogErrors.NegativePrice);
        if (amount > 9_999_999m) throw new DomainException(CatalogErrors.PriceTooHigh);
        if (decimal.Round(amount, 2) != amount) throw new DomainException(CatalogErrors.PriceTooPrecise);
    }
}
