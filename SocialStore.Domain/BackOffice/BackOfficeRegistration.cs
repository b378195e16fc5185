using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.BackOffice;

public static class BackOfficeRegistration
{
    public static IServiceCollection AddBackOffice(this IServiceCollection services) => services
        .AddSingleton<BackOfficeQueries>();
}
