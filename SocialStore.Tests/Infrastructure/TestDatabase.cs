using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
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
/// <remarks>
/// The migrations run once per provider per test run, into a template (see <see cref="Templates"/>);
/// every migrated test database is a copy of it: <c>File.Copy</c> for SQLite, <c>CREATE DATABASE … TEMPLATE</c>
/// for PostgreSQL. A copy is exactly what migrating would have made, so <see cref="MigrateAsync"/> on it finds nothing pending.
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The providers a database theory runs on: <c>[MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    private TestDatabase(DatabaseProvider provider, string connectionString, string? fileOrDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.fileOrDatabase = fileOrDatabase;
        Services = BuildServices(provider, connectionString);
        Factory = Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
    }

    private readonly string? fileOrDatabase;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public IDbContextFactory<SocialStoreDbContext> Factory { get; }

    public static string? PostgresAdminConnectionString => Environment.GetEnvironmentVariable("SOCIALSTORE_TEST_POSTGRES");

    /// <summary>Where the test SQLite files live.</summary>
    public static string SqliteDirectory { get; } = Path.Combine(Path.GetTempPath(), "socialstore-tests");

    /// <param name="migrate">false: an empty database (SQLite: no file yet; PostgreSQL: not created yet), for tests of migrating itself.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(SqliteDirectory, $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(SqliteDirectory);
            if (migrate) await Templates.CopySqliteAsync(file);
            return new TestDatabase(provider, $"Data Source={file}", file);
        }
        if (provider == DatabaseProvider.PostgreSql)
        {
            var name = $"ss_test_{Guid.NewGuid():N}";
            if (migrate) await Templates.CreatePostgresAsync(name);
            return new TestDatabase(provider, PostgresConnectionString(name, pooling: true), name);
        }
        throw new NotSupportedException("No SQL Server can run here; its migrations are checked as a model, not applied.");
    }

    public Task MigrateAsync() => DatabaseInitializer.MigrateAsync(Services, CancellationToken.None);

    private static ServiceProvider BuildServices(DatabaseProvider provider, string connectionString)
    {
        var services = new ServiceCollection().Configure<IdentityOptions>(IdentityConfiguration.Apply);
        services.AddSingleton(TimeProvider.System);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["ConnectionStrings:SocialStore"] = connectionString,
            }).Build();
        services.AddSocialStoreData(configuration, Path.GetTempPath());
        return services.BuildServiceProvider();
    }

    private static string PostgresConnectionString(string database, bool pooling)
    {
        var admin = PostgresAdminConnectionString
            ?? throw new InvalidOperationException("SOCIALSTORE_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = pooling };
        if (pooling) builder.MaxPoolSize = 100;
        return builder.ToString();
    }

    private readonly List<ServiceProvider> owned = [];

    /// <summary>A service provider built over this database (<see cref="TestServices"/>), disposed with it.</summary>
    internal void Own(ServiceProvider provider)
    {
        lock (owned) owned.Add(provider);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in owned) await provider.DisposeAsync();
        await Services.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite && fileOrDatabase is not null)
        {
            SqliteConnection.ClearAllPools();
            DeleteSqliteFiles(fileOrDatabase);
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

    private static void DeleteSqliteFiles(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(file + suffix); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// The migrated templates: made on first use, at most once per provider per test run (however many tests
    /// ask at the same time), and removed when the test process exits.
    /// </summary>
    public static class Templates
    {
        private static readonly string RunId = Guid.NewGuid().ToString("N");
        private static readonly string SqliteTemplateFile = Path.Combine(SqliteDirectory, $"template-{RunId}.db");
        private static readonly string PostgresTemplateName = $"ss_template_{RunId}";

        // Lazy<Task>: the first caller starts the migration, every other caller awaits the same task.
        // A failed migration is not cached as a result: the next caller tries again (and reports its own error).
        private static readonly object Gate = new();
        private static Task<string>? sqlite;
        private static Task<string>? postgres;

        static Templates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll();

        /// <summary>Copies the migrated SQLite template to <paramref name="file"/> (which must not exist yet).</summary>
        public static async Task CopySqliteAsync(string file)
        {
            var template = await Once(ref sqlite, MakeSqliteAsync);
            File.Copy(template, file);
        }

        /// <summary>Creates the PostgreSQL database <paramref name="name"/> as a copy of the migrated template.</summary>
        public static async Task CreatePostgresAsync(string name)
        {
            var template = await Once(ref postgres, MakePostgresAsync);
            await using var connection = new NpgsqlConnection(PostgresAdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        private static Task<string> Once(ref Task<string>? slot, Func<Task<string>> make)
        {
            lock (Gate)
            {
                if (slot is null || slot.IsFaulted || slot.IsCanceled) slot = Task.Run(make);
                return slot;
            }
        }

        private static async Task<string> MakeSqliteAsync()
        {
            Directory.CreateDirectory(SqliteDirectory);
            DeleteSqliteFiles(SqliteTemplateFile);
            // No pooling: when the services are disposed the last connection closes, and SQLite checkpoints
            // the write-ahead log into the file. The checkpoint below makes sure of it: the copies must be
            // the whole database, with no -wal or -shm file beside the template holding part of it.
            var connectionString = new SqliteConnectionStringBuilder { DataSource = SqliteTemplateFile, Pooling = false }.ToString();
            await using (var services = BuildServices(DatabaseProvider.Sqlite, connectionString))
                await DatabaseInitializer.MigrateAsync(services, CancellationToken.None);
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }
            var wal = new FileInfo(SqliteTemplateFile + "-wal");
            if (wal.Exists && wal.Length > 0)
                throw new InvalidOperationException($"The SQLite template still has a write-ahead log ({wal.FullName}); a copy of it would miss data.");
            File.Delete(SqliteTemplateFile + "-wal");
            File.Delete(SqliteTemplateFile + "-shm");
            return SqliteTemplateFile;
        }

        private static async Task<string> MakePostgresAsync()
        {
            // No pooling either: CREATE DATABASE … TEMPLATE fails while any session is connected to the template,
            // so not even an idle pooled connection may stay behind once the migration is done.
            await using (var services = BuildServices(DatabaseProvider.PostgreSql, PostgresConnectionString(PostgresTemplateName, pooling: false)))
                await DatabaseInitializer.MigrateAsync(services, CancellationToken.None);
            NpgsqlConnection.ClearAllPools();
            return PostgresTemplateName;
        }

        private static void RemoveAll()
        {
            if (sqlite is not null) DeleteSqliteFiles(SqliteTemplateFile);
            if (postgres is null || PostgresAdminConnectionString is not { } admin) return;
            try
            {
                using var connection = new NpgsqlConnection(admin);
                connection.Open();
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresTemplateName}\" WITH (FORCE)", connection);
                command.ExecuteNonQuery();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The server may be gone already (scripts/test.sh stops it); the template went with it.
            }
        }
    }
}
