using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Limits;

internal static class LimitsRegistration
{
    public static IServiceCollection AddLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ActionLimitOptions>().Bind(configuration.GetSection(ActionLimitOptions.Section));
        services.AddSingleton<ActionLimiter>();
        services.AddSingleton<ActionCounterCleaner>();
        services.AddHostedService<ActionCounterWorker>();
        return services;
    }
}
