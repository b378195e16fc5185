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

    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string Subtitle { get; set; } = "";

    public string Description { get; set; } = "";

    public string Brand { get; set; } = "";

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    /// <summary>Price in <see cref="Currency"/>; never a double.</summary>
    public decimal Price { get; set; }

    public decimal OriginalPrice { get; set; }

    public string Currency { get; set; } = "CNY";

    public int Stock { get; set; }

    public string CoverKey { get; set; } = "";

    public int CoverWidth { get; set; }

    public int CoverHeight { get; set; }

    public ProductStatus Status { get; set; }

    public int SalesCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
