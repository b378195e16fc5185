using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>A configuration problem that must stop start-up with a plain message, not a stack trace.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

public static class DatabaseSetup
{
    public const string ConnectionStringName = "SocialStore";

    public static DatabaseProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        if (Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !int.TryParse(value, out _))
            return provider;
        throw new StartupException(
            $"Unknown Database:Provider '{value}'. Valid values: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
    }

    /// <summary>
    /// Registers the provider-specific context and exposes it as <see cref="SocialStoreDbContext"/>
    /// through <see cref="IDbContextFactory{TContext}"/> (one context per operation) and as a scoped
    /// context for Identity's stores.
    /// </summary>
    public static IServiceCollection AddSocialStoreData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ParseProvider(configuration["Database:Provider"]);
        var connectionString = ResolveConnectionString(provider, configuration.GetConnectionString(ConnectionStringName), contentRoot);
        services.AddSingleton(new DatabaseInfo(provider, connectionString));
        // The model depends on Identity's options (schema version 3: passkeys). EF caches the model per
        // context type, so every service provider that builds a context must see the same options.
        services.Configure<IdentityOptions>(IdentityConfiguration.Apply);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                Register<SqliteSocialStoreDbContext>(services, o => ConfigureSqlite(o, connectionString));
                break;
            case DatabaseProvider.PostgreSql:
                Register<PostgreSqlSocialStoreDbContext>(services, o => ConfigurePostgreSql(o, connectionString));
                break;
            case DatabaseProvider.SqlServer:
                Register<SqlServerSocialStoreDbContext>(services, o => ConfigureSqlServer(o, connectionString));
                break;
        }
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SocialStoreDbContext).Assembly.FullName));

    public static void ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    public static void ConfigureSqlServer(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString);

    public static string ResolveConnectionString(DatabaseProvider provider, string? configured, string contentRoot)
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            if (string.IsNullOrWhiteSpace(configured))
                throw new StartupException($"Database:Provider is {provider} but ConnectionStrings:{ConnectionStringName} is empty.");
            return configured;
        }

        // SQLite: a file under data/ (relative to the app's content root), created on first start.
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/socialstore.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (builder.DataSource != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        builder.DefaultTimeout = builder.DefaultTimeout < 30 ? 30 : builder.DefaultTimeout;
        return builder.ToString();
    }

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : SocialStoreDbContext
    {
        // Interceptors registered in DI (auditing, outbox, the tests' command counter) join every context.
        services.AddDbContextFactory<TContext>((sp, options) =>
        {
            configure(options);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
            options.AddInterceptors(Search.SearchIndexInterceptor.Instance);
        });
        services.AddSingleton<IDbContextFactory<SocialStoreDbContext>, DerivedContextFactory<TContext>>();
        services.AddScoped<SocialStoreDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
    }

    private sealed class DerivedContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<SocialStoreDbContext>
        where TContext : SocialStoreDbContext
    {
        public SocialStoreDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The connection string without its password, for messages and logs.</summary>
    public string SafeDescription
    {
        get
        {
            var parts = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !p.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)
                            && !p.TrimStart().StartsWith("pwd", StringComparison.OrdinalIgnoreCase));
            return $"{Provider} ({string.Join(';', parts)})";
        }
    }
}
