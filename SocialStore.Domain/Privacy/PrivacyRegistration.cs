using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Privacy;

public static class PrivacyRegistration
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountDeletionOptions>().Bind(configuration.GetSection(AccountDeletionOptions.Section));
        services.AddOptions<ConsentOptions>().Bind(configuration.GetSection(ConsentOptions.Section));
        services.AddOptions<AbandonedUploadOptions>().Bind(configuration.GetSection(AbandonedUploadOptions.Section));
        services.AddSingleton<AccountDeletionService>();
        services.AddSingleton<AccountEraser>();
        services.AddHostedService<AccountDeletionWorker>();
        services.AddSingleton<ConsentService>();
        services.AddSingleton<AbandonedUploadCleaner>();
        services.AddHostedService<AbandonedUploadWorker>();
        return services;
    }
}
