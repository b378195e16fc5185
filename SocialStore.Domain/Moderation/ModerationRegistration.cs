using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Moderation;

public static class ModerationRegistration
{
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModerationOptions>().Bind(configuration.GetSection(ModerationOptions.Section));
        services.AddSingleton<ReportService>();
        services.AddSingleton<ModerationService>();
        services.AddOptions<Screening.ScreeningOptions>().Bind(configuration.GetSection(Screening.ScreeningOptions.Section));
        services.AddSingleton<Screening.ContentScreen>();
        services.AddSingleton<Screening.WordListService>();
        services.AddOptions<Engagement.EngagementOptions>().Bind(configuration.GetSection(Engagement.EngagementOptions.Section));
        services.AddSingleton<Engagement.EngagementFindingService>();
        services.AddHostedService<Engagement.EngagementWorker>();
        services.AddSingleton<Devices.DeviceSignalService>();
        return services;
    }
}
