using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialStore.Domain.Data;

namespace SocialStore.Tests.Integration.Search;

/// <summary>SQL Server cannot run here: check that its AddSearch script creates the full-text catalog and index outside a transaction.</summary>
public class SearchMigrationTests
{
    [Fact]
    public void SqlServerScript_CreatesFullTextIndexOverTheTokenisedColumns()
    {
        using var context = DesignTimeContext("SqlServer");
        var migrator = context.GetService<IMigrator>();
        var migrations = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        var addSearch = migrations.Single(m => m.EndsWith("_AddSearch", StringComparison.Ordinal));
        var previous = migrations[migrations.IndexOf(addSearch) - 1];

        var script = migrator.GenerateScript(previous, addSearch);

        Assert.Contains("CREATE TABLE [SearchDocuments]", script);
        Assert.Contains("CREATE FULLTEXT CATALOG [SocialStoreSearch]", script);
        Assert.Contains("CREATE FULLTEXT INDEX ON [SearchDocuments] ([TitleTerms] LANGUAGE 0, [BodyTerms] LANGUAGE 0) KEY INDEX [PK_SearchDocuments]", script);
        // Full-text DDL cannot run inside a user transaction: the script must commit before it.
        var fullText = script.IndexOf("CREATE FULLTEXT CATALOG", StringComparison.Ordinal);
        Assert.True(script.LastIndexOf("COMMIT;", fullText, StringComparison.Ordinal) > script.IndexOf("CREATE TABLE [SearchDocuments]", StringComparison.Ordinal));
    }

    private static SocialStoreDbContext DesignTimeContext(string provider)
    {
        var factoryType = typeof(SocialStoreDbContext).Assembly.GetType($"SocialStore.Domain.Data.{provider}DesignTimeFactory", throwOnError: true)!;
        return (SocialStoreDbContext)factoryType.GetMethod(nameof(IDesignTimeDbContextFactory<SqlServerSocialStoreDbContext>.CreateDbContext))!
            .Invoke(Activator.CreateInstance(factoryType), [Array.Empty<string>()])!;
    }
}
