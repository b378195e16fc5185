namespace SocialStore.Web;

/// <summary>Marker for the cart's, checkout's and address book's UI strings in Resources/CartResource(.zh-CN).resx.</summary>
public sealed class CartResource;
