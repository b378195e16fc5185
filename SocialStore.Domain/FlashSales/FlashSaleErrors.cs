namespace SocialStore.Domain.FlashSales;

/// <summary>Resource keys of the flash-sale rules (messages in the web project's FlashSaleResource).</summary>
public static class FlashSaleErrors
{
    // What a buyer can ever be told (and nothing else).
    public const string SoldOut = "FlashSale.SoldOut";
    public const string LimitReached = "FlashSale.LimitReached";
    public const string NotStarted = "FlashSale.NotStarted";
    public const string Ended = "FlashSale.Ended";

    // The back office.
    public const string TitleInvalid = "FlashSale.TitleInvalid";
    public const string WindowInvalid = "FlashSale.WindowInvalid";
    public const string SlotNotFound = "FlashSale.SlotNotFound";
    public const string SkuNotFound = "FlashSale.SkuNotFound";
    public const string PriceInvalid = "FlashSale.PriceInvalid";
    public const string PriceNotBelow = "FlashSale.PriceNotBelow";
    public const string StockInvalid = "FlashSale.StockInvalid";
    public const string StockAboveSku = "FlashSale.StockAboveSku";
    public const string LimitInvalid = "FlashSale.LimitInvalid";
    public const string SkuAlreadyInSlot = "FlashSale.SkuAlreadyInSlot";
    public const string SlotEnded = "FlashSale.SlotEnded";
    public const string AdminOnly = "FlashSale.AdminOnly";

    // A precondition the product page checks before it offers the button (no address, nothing to ship to).
    public const string AddressRequired = "FlashSale.AddressRequired";
}
