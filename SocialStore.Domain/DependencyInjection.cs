using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Bargains;
using SocialStore.Domain.RedPackets;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data.Seed;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.FlashSales;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Profiles;
using SocialStore.Domain.Search;
using SocialStore.Domain.Sharing;
using SocialStore.Domain.Social;

namespace SocialStore.Domain;

public static class DependencyInjection
{
    /// <param name="sandboxByDefault">Whether the sandbox payment gateway runs when Payments:Sandbox:Enabled is unset (the web host passes "is Development").</param>
    public static IServiceCollection AddSocialStoreDomain(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool sandboxByDefault = false)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<ProfileService>();
        services.AddSingleton<StaffService>();
        services.AddSingleton<SocialStore.Domain.BackOffice.BackOfficeQueries>();
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<DemoCommunity>();
        services.AddSingleton<FeedQueries>();
        services.AddSingleton<ShopQueries>();
        services.AddSingleton<ProductQueries>();
        services.AddSingleton<CatalogAdminService>();
        services.AddSingleton<SocialStore.Domain.Reviews.ReviewService>();
        services.AddSingleton<SocialStore.Domain.Reviews.QuestionService>();
        services.AddSingleton<NoteQueries>();
        services.AddSingleton<TopicQueries>();
        services.AddMemoryCache();
        services.AddSocial();
        services.AddMedia(configuration, contentRoot);
        services.AddSharingAndProfiles();
        services.AddNoteComposing();
        services.AddSearch(configuration);
        services.AddOrdering(configuration, sandboxByDefault);
        services.AddGroupBuys(configuration);
        services.AddBargains();
        services.AddRedPackets();
        services.AddModeration(configuration);
        SocialStore.Domain.Coupons.CouponsRegistration.AddCoupons(services);
        services.AddFlashSales(configuration);
        SocialStore.Domain.Points.PointsRegistration.AddPoints(services);
        SocialStore.Domain.Levels.LevelsRegistration.AddLevels(services);
        SocialStore.Domain.Referrals.ReferralsRegistration.AddReferrals(services);
        SocialStore.Domain.Recommendations.RecommendationsRegistration.AddRecommendations(services, configuration);
        SocialStore.Domain.Dashboards.DashboardsRegistration.AddDashboards(services, configuration);
        SocialStore.Domain.Privacy.PrivacyRegistration.AddPrivacy(services, configuration);
        return services;
    }

    private static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SearchIndexer>();
        services.AddOptions<SearchEngagementOptions>().Bind(configuration.GetSection(SearchEngagementOptions.Section));
        services.AddHostedService<SearchEngagementWorker>();
        services.AddSingleton<ISearchService>(sp => sp.GetRequiredService<Data.DatabaseInfo>().Provider switch
        {
            Data.DatabaseProvider.PostgreSql => ActivatorUtilities.CreateInstance<PostgreSqlSearchService>(sp),
            Data.DatabaseProvider.SqlServer => ActivatorUtilities.CreateInstance<SqlServerSearchService>(sp),
            _ => ActivatorUtilities.CreateInstance<SqliteSearchService>(sp),
        });
        return services;
    }

    private static IServiceCollection AddSharingAndProfiles(this IServiceCollection services) => services
        .AddSingleton<ShareService>()
        .AddSingleton<ProfileQueries>()
        .AddSingleton<PrivacyService>()
        .AddSingleton<PersonalDataExporter>();

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
