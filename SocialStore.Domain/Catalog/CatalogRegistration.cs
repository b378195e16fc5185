using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Catalog;

public static class CatalogRegistration
{
    public static IServiceCollection AddCatalog(this IServiceCollection services) => services
        .AddSingleton<ShopQueries>()
        .AddSingleton<ProductQueries>()
        .AddSingleton<CatalogAdminService>();
}
