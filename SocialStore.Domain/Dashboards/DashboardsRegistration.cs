using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Dashboards;

public static class DashboardsRegistration
{
    public static IServiceCollection AddDashboards(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DashboardQueries>();
        services.AddOptions<AlsoBoughtOptions>().Bind(configuration.GetSection(AlsoBoughtOptions.Section));
        services.AddSingleton<AlsoBoughtDirectory>();
        services.AddSingleton<AlsoBoughtRefresher>();
        services.AddSingleton<AlsoBoughtQueries>();
        services.AddHostedService<AlsoBoughtWorker>();
        return services;
    }
}
