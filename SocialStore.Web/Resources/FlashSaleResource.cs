namespace SocialStore.Web;

/// <summary>Marker for the flash-sale strings (product-page panel, /flash-sales, the back office) in Resources/FlashSaleResource(.zh-CN).resx.</summary>
public sealed class FlashSaleResource;
