using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Sharing;

public static class SharingRegistration
{
    public static IServiceCollection AddSharing(this IServiceCollection services) => services
        .AddSingleton<ShareService>();
}
