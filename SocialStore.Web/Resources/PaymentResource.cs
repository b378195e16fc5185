namespace SocialStore.Web;

/// <summary>Marker for the payment UI strings (sandbox hosted page, return page, admin payments, order notifications) in Resources/PaymentResource(.zh-CN).resx.</summary>
public sealed class PaymentResource;
