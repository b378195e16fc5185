using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain;
using SocialStore.Domain.Data;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// The real DI registration of the domain (<see cref="DependencyInjection.AddSocialStoreDomain"/>) over a test database,
/// so test beds take their services as the app does — every required part included — instead of <c>new</c> with
/// parts left out (issue 10). Hosted workers are registered but never started. <paramref name="configure"/> runs after
/// the domain's registrations: a singleton registered there (a test clock's bus, a media pipeline) replaces the app's.
/// </summary>
public static class TestServices
{
    public static ServiceProvider Build(
        TestDatabase db, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:SocialStore"] = db.ConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var contentRoot = Path.Combine(TestDatabase.SqliteDirectory, "content-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        services.AddSocialStoreData(configuration, contentRoot);
        services.AddSocialStoreDomain(configuration, contentRoot);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        db.Own(provider);
        return provider;
    }

    /// <summary>One service of the real registration over <paramref name="db"/> (its provider is disposed with the database).</summary>
    public static T Get<T>(TestDatabase db, TimeProvider clock, Action<IServiceCollection>? configure = null)
        where T : notnull => Build(db, clock, configure: configure).GetRequiredService<T>();
}
