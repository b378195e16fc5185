using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Referrals;

public static class ReferralsRegistration
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddSingleton<AttributionService>();
        services.AddSingleton<CommissionLedger>();
        services.AddSingleton<CreatorDirectory>();
        services.AddSingleton<CreatorAdminService>();
        services.AddSingleton<CreatorCentreQueries>();
        services.AddHostedService<CommissionReleaseWorker>();
        return services;
    }
}
