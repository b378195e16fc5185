using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialStore.Domain.Data;

namespace SocialStore.Tests.Integration.Search;

/// <summary>
/// The full-text objects come from hand-written SQL (Data/Migrations/Sql/{provider}/Search.sql) that the
/// Initial migrations run. SQL Server cannot run here: check that its script creates the full-text catalog
/// and index outside a transaction.
/// </summary>
public class SearchMigrationTests
{
    [Fact]
    public void SqlServerScript_CreatesFullTextIndexOverTheTokenisedColumns()
    {
        using var context = DesignTimeContext("SqlServer");
        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [SearchDocuments]", script);
        Assert.Contains("CREATE FULLTEXT CATALOG [SocialStoreSearch]", script);
        Assert.Contains("CREATE FULLTEXT INDEX ON [SearchDocuments] ([TitleTerms] LANGUAGE 0, [BodyTerms] LANGUAGE 0) KEY INDEX [PK_SearchDocuments]", script);
        // Full-text DDL cannot run inside a user transaction: the script must commit before it, and
        // catalog and index are separate batches.
        var catalog = script.IndexOf("CREATE FULLTEXT CATALOG", StringComparison.Ordinal);
        var index = script.IndexOf("CREATE FULLTEXT INDEX", StringComparison.Ordinal);
        Assert.True(script.LastIndexOf("COMMIT;", catalog, StringComparison.Ordinal) > script.IndexOf("CREATE TABLE [SearchDocuments]", StringComparison.Ordinal));
        var begin = script.IndexOf("BEGIN TRANSACTION;", catalog, StringComparison.Ordinal);
        Assert.True(begin == -1 || begin > index);
        Assert.Contains("\nGO", script[catalog..index].Replace("\r", ""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", "CREATE VIRTUAL TABLE \"SearchTopicFts\" USING fts5(", "CREATE TRIGGER \"SearchDocuments_AfterUpdate\"")]
    [InlineData("PostgreSql", "\"SearchVector\" tsvector GENERATED ALWAYS", "CREATE INDEX \"IX_SearchDocuments_Kind_Id\"")]
    public void Script_RunsTheHandWrittenSearchSql(string provider, string first, string second)
    {
        using var context = DesignTimeContext(provider);
        var script = context.GetService<IMigrator>().GenerateScript();
        Assert.Contains(first, script);
        Assert.Contains(second, script);
    }

    private static SocialStoreDbContext DesignTimeContext(string provider)
    {
        var factoryType = typeof(SocialStoreDbContext).Assembly.GetType($"SocialStore.Domain.Data.{provider}DesignTimeFactory", throwOnError: true)!;
        return (SocialStoreDbContext)factoryType.GetMethod(nameof(IDesignTimeDbContextFactory<SqlServerSocialStoreDbContext>.CreateDbContext))!
            .Invoke(Activator.CreateInstance(factoryType), [Array.Empty<string>()])!;
    }
}
