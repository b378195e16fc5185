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
        services.AddOptions<Invites.InviteOptions>().Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, c) => Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(c.GetSection(Invites.InviteOptions.Section), o));
        services.AddSingleton<Invites.InviteService>();
        services.AddHostedService<Invites.InviteRewardWorker>();
        return services;
    }
}
