using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Points;

public static class PointsRegistration
{
    public static IServiceCollection AddPoints(this IServiceCollection services)
    {
        services.AddSingleton<PointsService>();
        services.AddSingleton<PointsAdminService>();
        services.AddSingleton<IPriceAdjuster, PointsAdjuster>();
        return services;
    }
}
