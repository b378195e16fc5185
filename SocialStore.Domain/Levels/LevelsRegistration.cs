using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Levels;

public static class LevelsRegistration
{
    public static IServiceCollection AddLevels(this IServiceCollection services)
    {
        services.AddSingleton<MemberLevelService>();
        return services;
    }
}
