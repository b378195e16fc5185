using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Ordering;

internal static class OrderManagementRegistration
{
    public static IServiceCollection AddOrderManagement(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
