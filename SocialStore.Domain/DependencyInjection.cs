using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data.Seed;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain;

public static class DependencyInjection
{
    public static IServiceCollection AddSocialStoreDomain(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<FeedQueries>();
        services.AddMedia(configuration, contentRoot);
        return services;
    }

    private static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var root = configuration["Media:Root"];
        root = string.IsNullOrWhiteSpace(root) ? Path.Combine(contentRoot, "data", "media") : Path.Combine(contentRoot, root);
        services.AddSingleton<IMediaStore>(new LocalMediaStore(root));
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section));
        services.AddSingleton<ImagePipeline>();
        return services;
    }
}
