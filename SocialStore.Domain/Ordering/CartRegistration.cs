using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Ordering;

internal static class CartRegistration
{
    public static IServiceCollection AddCartAndCheckout(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
