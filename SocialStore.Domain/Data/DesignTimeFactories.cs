using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;

namespace SocialStore.Domain.Data;

// Used only by `dotnet ef migrations add` (scripts/add-migration.sh). Design-time factories do not
// see the app's Identity options, so they get a service provider with the same schema version
// (passkeys, Version3); without it the migrations silently miss AspNetUserPasskeys.
internal static class DesignTime
{
    public static readonly IServiceProvider Services = new ServiceCollection()
        .Configure<IdentityOptions>(IdentityConfiguration.Apply)
        .BuildServiceProvider();
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSocialStoreDbContext>
{
    public SqliteSocialStoreDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteSocialStoreDbContext>().UseApplicationServiceProvider(DesignTime.Services);
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteSocialStoreDbContext(options.Options);
    }
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlSocialStoreDbContext>
{
    public PostgreSqlSocialStoreDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlSocialStoreDbContext>().UseApplicationServiceProvider(DesignTime.Services);
        DatabaseSetup.ConfigurePostgreSql(options, "Host=127.0.0.1;Database=socialstore_design");
        return new PostgreSqlSocialStoreDbContext(options.Options);
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSocialStoreDbContext>
{
    public SqlServerSocialStoreDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqlServerSocialStoreDbContext>().UseApplicationServiceProvider(DesignTime.Services);
        DatabaseSetup.ConfigureSqlServer(options, "Server=localhost;Database=socialstore_design;Trusted_Connection=True;TrustServerCertificate=True");
        return new SqlServerSocialStoreDbContext(options.Options);
    }
}
