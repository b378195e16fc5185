namespace SocialStore.Domain.Ordering;

/// <summary>Resource keys of the ordering rules (the Web project's resources give the messages).</summary>
public static class OrderErrors
{
    public const string TransitionNotAllowed = "Order.TransitionNotAllowed";
    public const string NotFound = "Order.NotFound";
    public const string QuantityInvalid = "Cart.QuantityInvalid";
    public const string CartFull = "Cart.Full";
    public const string CartEmpty = "Cart.Empty";
    public const string SkuUnavailable = "Cart.SkuUnavailable";
    public const string SoldOut = "Checkout.SoldOut";
    public const string PriceChanged = "Checkout.PriceChanged";
    public const string AddressRequired = "Checkout.AddressRequired";
    public const string RefundTooLarge = "Refund.TooLarge";
    public const string RefundExists = "Refund.Exists";
    public const string RefundNotAllowed = "Refund.NotAllowed";
}
