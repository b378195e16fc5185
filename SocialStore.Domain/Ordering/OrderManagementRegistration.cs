using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Ordering;

internal static class OrderManagementRegistration
{
    public static IServiceCollection AddOrderManagement(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrderTimerOptions>().Bind(configuration.GetSection(OrderTimerOptions.Section));
        services.AddSingleton<OrderService>();
        services.AddSingleton<OrderQueries>();
        services.AddSingleton<RefundService>();
        services.AddSingleton<OrderTimers>();
        services.AddHostedService<OrderTimersWorker>();
        return services;
    }
}
