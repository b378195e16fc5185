using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Search;

public static class SearchRegistration
{
    /// <summary>The search index writer, the engagement refresher and the provider's search service.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SearchIndexer>();
        services.AddOptions<SearchEngagementOptions>().Bind(configuration.GetSection(SearchEngagementOptions.Section));
        services.AddHostedService<SearchEngagementWorker>();
        services.AddSingleton<ISearchService>(sp => sp.GetRequiredService<DatabaseInfo>().Provider switch
        {
            DatabaseProvider.PostgreSql => ActivatorUtilities.CreateInstance<PostgreSqlSearchService>(sp),
            DatabaseProvider.SqlServer => ActivatorUtilities.CreateInstance<SqlServerSearchService>(sp),
            _ => ActivatorUtilities.CreateInstance<SqliteSearchService>(sp),
        });
        return services;
    }
}
