using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Data.Seed;

public static class SeedRegistration
{
    /// <summary>The demo community generator (used only where seeding is allowed, ADR on demo data).</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services
        .AddScoped<DemoDataSeeder>()
        .AddSingleton<DemoCommunity>();
}
