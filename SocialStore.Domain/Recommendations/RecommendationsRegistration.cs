using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Recommendations;

public static class RecommendationsRegistration
{
    public static IServiceCollection AddRecommendations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BehaviourEventOptions>().Bind(configuration.GetSection(BehaviourEventOptions.Section));
        services.AddSingleton<BehaviourEventSink>();
        services.AddSingleton<BehaviourEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<BehaviourEventWriter>());
        services.AddSingleton<BehaviourEventCleaner>();
        services.AddHostedService<BehaviourEventCleanupWorker>();
        services.AddSingleton<PersonalisationService>();
        services.AddOptions<PersonalCandidateOptions>().Bind(configuration.GetSection(PersonalCandidateOptions.Section));
        services.AddSingleton<PersonalCandidateStore>();
        services.AddHostedService<PersonalCandidateWorker>();
        services.AddSingleton<DiscoverCards>();
        services.AddSingleton<PersonalFeedQueries>();
        services.AddOptions<SimilarNotesOptions>().Bind(configuration.GetSection(SimilarNotesOptions.Section));
        services.AddSingleton<SimilarNotesDirectory>();
        services.AddSingleton<SimilarNotesRefresher>();
        services.AddSingleton<SimilarNotesQueries>();
        services.AddHostedService<SimilarNotesWorker>();
        return services;
    }
}
