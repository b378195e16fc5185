namespace SocialStore.Web;

/// <summary>Marker for the catalog's UI strings (shop, product page, admin catalog) in Resources/CatalogResource(.zh-CN).resx.</summary>
public sealed class CatalogResource;
