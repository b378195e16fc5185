using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.RedPackets;

public static class RedPacketsRegistration
{
    /// <summary>Group red packets (ADR-050).</summary>
    public static IServiceCollection AddRedPackets(this IServiceCollection services)
    {
        services.AddSingleton<RedPacketRandom>();
        services.AddSingleton<RedPacketService>();
        return services;
    }
}
