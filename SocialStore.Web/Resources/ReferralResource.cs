namespace SocialStore.Web;

/// <summary>Marker for the referral, commission and creator-centre strings in Resources/ReferralResource(.zh-CN).resx.</summary>
public sealed class ReferralResource;
