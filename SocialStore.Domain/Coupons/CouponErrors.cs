namespace SocialStore.Domain.Coupons;

/// <summary>Resource keys of the coupon rules (the Web project's CouponResource gives the messages).</summary>
public static class CouponErrors
{
    public const string AdminOnly = "Coupon.AdminOnly";
    public const string NotFound = "Coupon.NotFound";
    public const string NotStarted = "Coupon.NotStarted";
    public const string Ended = "Coupon.Ended";
    public const string Paused = "Coupon.Paused";
    public const string SoldOut = "Coupon.SoldOut";
    public const string LimitReached = "Coupon.LimitReached";
    public const string Expired = "Coupon.Expired";
    public const string NotYetValid = "Coupon.NotYetValid";
    public const string InUse = "Coupon.InUse";
    public const string NotApplicable = "Coupon.NotApplicable";
    public const string ThresholdNotMet = "Coupon.ThresholdNotMet";
    public const string NoDiscount = "Coupon.NoDiscount";
    public const string NameInvalid = "Coupon.NameInvalid";
    public const string AmountInvalid = "Coupon.AmountInvalid";
    public const string PercentInvalid = "Coupon.PercentInvalid";
    public const string CapInvalid = "Coupon.CapInvalid";
    public const string ThresholdInvalid = "Coupon.ThresholdInvalid";
    public const string WindowInvalid = "Coupon.WindowInvalid";
    public const string ValidDaysInvalid = "Coupon.ValidDaysInvalid";
    public const string LimitInvalid = "Coupon.LimitInvalid";
    public const string CategoryInvalid = "Coupon.CategoryInvalid";
    public const string ProductsInvalid = "Coupon.ProductsInvalid";
    public const string LevelRequired = "Coupon.LevelRequired";
    public const string LevelInvalid = "Coupon.LevelInvalid";
}
