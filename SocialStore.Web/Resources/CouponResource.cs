namespace SocialStore.Web;

/// <summary>Marker for the coupons' UI strings and error messages in Resources/CouponResource(.zh-CN).resx.</summary>
public sealed class CouponResource;
