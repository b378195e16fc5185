using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.PersonalData;

public static class PersonalDataRegistration
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountDeletionOptions>().Bind(configuration.GetSection(AccountDeletionOptions.Section));
        services.AddOptions<ConsentOptions>().Bind(configuration.GetSection(ConsentOptions.Section));
        services.AddSingleton<AccountDeletionService>();
        services.AddSingleton<AccountEraser>();
        services.AddHostedService<AccountDeletionWorker>();
        services.AddSingleton<ConsentService>();
        return services;
    }
}
