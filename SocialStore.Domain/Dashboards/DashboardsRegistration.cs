using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Dashboards.Rollups;

namespace SocialStore.Domain.Dashboards;

public static class DashboardsRegistration
{
    public static IServiceCollection AddDashboards(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardRollupOptions>().Bind(configuration.GetSection(DashboardRollupOptions.Section));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DashboardRollup>(sp, DashboardDays.ShopZone));
        services.AddSingleton<DashboardQueries>();
        services.AddHostedService<DashboardRollupWorker>();
        services.AddOptions<AlsoBoughtOptions>().Bind(configuration.GetSection(AlsoBoughtOptions.Section));
        services.AddSingleton<AlsoBoughtDirectory>();
        services.AddSingleton<AlsoBoughtRefresher>();
        services.AddSingleton<AlsoBoughtQueries>();
        services.AddHostedService<AlsoBoughtWorker>();
        return services;
    }
}
