using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialStore.Domain.Notifications;

namespace SocialStore.Domain.Social;

public static class SocialRegistration
{
    /// <summary>Likes, collects and boards, comments, follows, notifications and the in-process notification bus.</summary>
    public static IServiceCollection AddSocial(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<INotificationBus, InProcessNotificationBus>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<LikeService>();
        services.AddSingleton<CollectService>();
        services.AddSingleton<CommentService>();
        services.AddSingleton<FollowService>();
        services.AddSingleton<SocialQueries>();
        return services;
    }
}
