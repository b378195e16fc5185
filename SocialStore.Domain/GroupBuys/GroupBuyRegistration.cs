using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.GroupBuys;

public static class GroupBuyRegistration
{
    /// <summary>Group buys: campaigns and seats, the read models, the expiry worker, the automatic refunds and the live-page fan-out.</summary>
    public static IServiceCollection AddGroupBuys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GroupBuyOptions>().Bind(configuration.GetSection(GroupBuyOptions.Section));
        services.AddSingleton<GroupBuyService>();
        services.AddSingleton<GroupBuyQueries>();
        services.AddSingleton<GroupBuyDirectory>();
        services.AddSingleton<GroupBuyNotifier>();
        services.AddSingleton<IOutboxHandler, GroupBuyRefundHandler>();
        services.AddSingleton<IOutboxHandler, GroupBuyChangedHandler>();
        services.AddSingleton<GroupBuyExpirer>();
        services.AddHostedService<GroupBuyExpiryWorker>();
        return services;
    }
}
