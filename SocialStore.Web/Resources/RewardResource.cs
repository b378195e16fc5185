namespace SocialStore.Web;

/// <summary>Marker for the sharer red packets' and invite coupons' UI strings and error messages in Resources/RewardResource(.zh-CN).resx.</summary>
public sealed class RewardResource;
