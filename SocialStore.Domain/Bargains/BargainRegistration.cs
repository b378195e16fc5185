using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Bargains;

public static class BargainRegistration
{
    /// <summary>Bargains: campaigns, bargains and cuts, the read models and the product-page directory.</summary>
    public static IServiceCollection AddBargains(this IServiceCollection services)
    {
        services.AddSingleton<BargainRandom>();
        services.AddSingleton<BargainDirectory>();
        services.AddSingleton<BargainService>();
        services.AddSingleton<BargainQueries>();
        return services;
    }
}
