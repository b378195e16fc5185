using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Rewards;

public static class RewardsRegistration
{
    /// <summary>Sharer red packets, invite coupons and the expiry workers (ADR-054).</summary>
    public static IServiceCollection AddRewards(this IServiceCollection services)
    {
        services.AddSingleton<RewardService>();
        services.AddSingleton<PointsExpirySweeper>();
        services.AddHostedService<PointsExpiryWorker>();
        services.AddHostedService<RedPacketExpiryWorker>();
        services.AddHostedService<RewardRetryWorker>();
        return services;
    }
}
