using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Media;

public static class MediaRegistration
{
    /// <summary>The local media store (Media:Root, relative to the content root; default data/media) and the image pipeline.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var root = configuration["Media:Root"];
        root = string.IsNullOrWhiteSpace(root) ? Path.Combine(contentRoot, "data", "media") : Path.Combine(contentRoot, root);
        services.AddSingleton<IMediaStore>(new LocalMediaStore(root));
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section));
        services.AddSingleton<ImagePipeline>();
        services.AddSingleton<FileDeletions>();
        services.AddOptions<AbandonedUploadOptions>().Bind(configuration.GetSection(AbandonedUploadOptions.Section));
        services.AddSingleton<AbandonedUploadCleaner>();
        services.AddHostedService<AbandonedUploadWorker>();
        return services;
    }
}
