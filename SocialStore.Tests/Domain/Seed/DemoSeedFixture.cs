using SocialStore.Domain.Data;

namespace SocialStore.Tests.Domain.Seed;

/// <summary>One demo seed per provider, shared by the assertions of a test class (seeding takes seconds).</summary>
public abstract class DemoSeedFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public SeedTestKit Kit { get; private set; } = null!;

    public TimeSpan SeedTime { get; private set; }

    public async Task InitializeAsync()
    {
        Kit = await SeedTestKit.CreateAsync(provider);
        SeedTime = await Kit.TimeAsync(() => Kit.Seeder.SeedDemoAsync(CancellationToken.None));
    }

    public async Task DisposeAsync() => await Kit.DisposeAsync();
}

public sealed class SqliteDemoSeedFixture() : DemoSeedFixture(DatabaseProvider.Sqlite);

public sealed class PostgreSqlDemoSeedFixture() : DemoSeedFixture(DatabaseProvider.PostgreSql);
