namespace SocialStore.Web;

/// <summary>Marker for the order pages' UI strings (my orders, order detail, after-sales, admin order desk) in Resources/OrderResource(.zh-CN).resx.</summary>
public sealed class OrderResource;
