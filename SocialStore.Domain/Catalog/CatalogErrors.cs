namespace SocialStore.Domain.Catalog;

/// <summary>Codes of the <see cref="Common.DomainException"/>s the catalog (products, SKUs, options, prices, the admin catalog) throws; each is a resource key in the web project.</summary>
public static class CatalogErrors
{
    public const string AdminOnly = "Catalog.AdminOnly";
    public const string BrandTooLong = "Catalog.BrandTooLong";
    public const string CategoryInvalid = "Catalog.CategoryInvalid";
    public const string DescriptionTooLong = "Catalog.DescriptionTooLong";
    public const string DuplicateOption = "Catalog.DuplicateOption";
    public const string DuplicateOptionValue = "Catalog.DuplicateOptionValue";
    public const string DuplicateSku = "Catalog.DuplicateSku";
    public const string ImageNotFound = "Catalog.ImageNotFound";
    public const string NeedsImageToSell = "Catalog.NeedsImageToSell";
    public const string NegativePrice = "Catalog.NegativePrice";
    public const string NegativeStock = "Catalog.NegativeStock";
    public const string NoSkus = "Catalog.NoSkus";
    public const string OptionNameInvalid = "Catalog.OptionNameInvalid";
    public const string OptionValueInvalid = "Catalog.OptionValueInvalid";
    public const string OptionValuesInvalid = "Catalog.OptionValuesInvalid";
    public const string PriceTooHigh = "Catalog.PriceTooHigh";
    public const string PriceTooPrecise = "Catalog.PriceTooPrecise";
    public const string ProductNotFound = "Catalog.ProductNotFound";
    public const string SkuNotFound = "Catalog.SkuNotFound";
    public const string SkuValueUnknown = "Catalog.SkuValueUnknown";
    public const string SkuValuesMismatch = "Catalog.SkuValuesMismatch";
    public const string StatusInvalid = "Catalog.StatusInvalid";
    public const string SubtitleTooLong = "Catalog.SubtitleTooLong";
    public const string TagsTooLong = "Catalog.TagsTooLong";
    public const string TitleInvalid = "Catalog.TitleInvalid";
    public const string TooManyImages = "Catalog.TooManyImages";
    public const string TooManyOptions = "Catalog.TooManyOptions";
    public const string TooManySkus = "Catalog.TooManySkus";
}
