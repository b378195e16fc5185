using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// A real, migrated database for one test class: a fresh SQLite file, or a fresh database on the
/// PostgreSQL server that scripts/test.sh starts (its connection string is in SOCIALSTORE_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string? fileOrDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.fileOrDatabase = fileOrDatabase;
        var services = new ServiceCollection().Configure<IdentityOptions>(IdentityConfiguration.Apply);
        services.AddSingleton(TimeProvider.System);
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["ConnectionStrings:SocialStore"] = connectionString,
            }).Build();
        services.AddSocialStoreData(configuration, Path.GetTempPath());
        Services = services.BuildServiceProvider();
        Factory = Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
    }

    private readonly string? fileOrDatabase;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public IDbContextFactory<SocialStoreDbContext> Factory { get; }

    public static string? PostgresAdminConnectionString => Environment.GetEnvironmentVariable("SOCIALSTORE_TEST_POSTGRES");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "socialstore-tests", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            db = new TestDatabase(provider, $"Data Source={file}", file);
        }
        else if (provider == DatabaseProvider.PostgreSql)
        {
            var admin = PostgresAdminConnectionString
                ?? throw new InvalidOperationException("SOCIALSTORE_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
            var name = $"ss_test_{Guid.NewGuid():N}";
            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 100 };
            db = new TestDatabase(provider, builder.ToString(), name);
        }
        else
        {
            throw new NotSupportedException("No SQL Server can run here; its migrations are checked as a model, not applied.");
        }
        if (migrate) await db.MigrateAsync();
        return db;
    }

    public Task MigrateAsync() => DatabaseInitializer.MigrateAsync(Services, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite && fileOrDatabase is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                try { File.Delete(fileOrDatabase + suffix); } catch (IOException) { }
        }
        else if (Provider == DatabaseProvider.PostgreSql && fileOrDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{fileOrDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
