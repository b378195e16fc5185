using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialStore.Domain.Notifications;

namespace SocialStore.Domain.Social;

public static class SocialRegistration
{
    /// <summary>Likes, collects and boards, comments, follows, notifications and the notification bus (over the live bus).</summary>
    public static IServiceCollection AddSocial(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // The live bus (ADR-052): in-process unless the host puts the Redis bus in its place.
        services.TryAddSingleton<Live.ILiveBus, Live.InProcessLiveBus>();
        services.TryAddSingleton<INotificationBus, LiveNotificationBus>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<LikeService>();
        services.AddSingleton<CollectService>();
        services.AddSingleton<CommentService>();
        services.AddSingleton<FollowService>();
        services.AddSingleton<SocialQueries>();
        return services;
    }
}
