using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.BackOffice;
using SocialStore.Domain.Bargains;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Dashboards;
using SocialStore.Domain.Data.Seed;
using SocialStore.Domain.FlashSales;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Levels;
using SocialStore.Domain.Limits;
using SocialStore.Domain.Media;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.PersonalData;
using SocialStore.Domain.Points;
using SocialStore.Domain.Profiles;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.RedPackets;
using SocialStore.Domain.Referrals;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Rewards;
using SocialStore.Domain.Search;
using SocialStore.Domain.Sharing;
using SocialStore.Domain.Social;

namespace SocialStore.Domain;

/// <summary>
/// Every feature registers its own services in <c>&lt;Feature&gt;/&lt;Feature&gt;Registration.cs</c> with one
/// <c>Add&lt;Feature&gt;</c> extension method; this is the list of them.
/// </summary>
public static class DependencyInjection
{
    /// <param name="sandboxByDefault">Whether the sandbox payment gateway runs when Payments:Sandbox:Enabled is unset (the web host passes "is Development").</param>
    public static IServiceCollection AddSocialStoreDomain(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool sandboxByDefault = false)
    {
        services.AddMemoryCache();
        services
            .AddAccounts()
            .AddLimits(configuration)
            .AddBackOffice()
            .AddDemoData()
            .AddCatalog()
            .AddReviews()
            .AddSocial()
            .AddMedia(configuration, contentRoot)
            .AddSharing()
            .AddProfiles()
            .AddNotes()
            .AddSearch(configuration)
            .AddOrdering(configuration, sandboxByDefault)
            .AddGroupBuys(configuration)
            .AddBargains()
            .AddRedPackets()
            .AddModeration(configuration)
            .AddCoupons()
            .AddFlashSales(configuration)
            .AddPoints()
            .AddLevels()
            .AddReferrals()
            .AddRewards()
            .AddRecommendations(configuration)
            .AddDashboards(configuration)
            .AddPersonalData(configuration);
        return services;
    }
}
