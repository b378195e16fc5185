using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Data;

public class MigrationTests
{
    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql", "SqlServer" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_HasNoPendingChanges_ForEachProvider(string provider)
    {
        using var context = DesignTimeContext(provider);
        var migrationsAssembly = context.GetService<IMigrationsAssembly>();
        var differ = context.GetService<IMigrationsModelDiffer>();
        var snapshot = migrationsAssembly.ModelSnapshot ?? throw new InvalidOperationException($"No snapshot for {provider}");
        var initializer = context.GetService<IModelRuntimeInitializer>();
        var snapshotModel = initializer.Initialize(snapshot.Model);
        var designModel = context.GetService<IDesignTimeModel>().Model;

        var differences = differ.GetDifferences(snapshotModel.GetRelationalModel(), designModel.GetRelationalModel());

        Assert.True(differences.Count == 0, $"{provider} has model changes without a migration: " +
            string.Join(", ", differences.Select(d => d.GetType().Name)) + ". Run scripts/add-migration.sh <Name>.");
        Assert.NotEmpty(migrationsAssembly.Migrations);
    }

    [Fact]
    public void Providers_HaveTheSameTablesColumnsKeysAndIndexes()
    {
        // Column types, defaults and index filters are the providers' own; names, nullability, keys,
        // foreign keys and indexes must agree, or code that works on one provider fails on another.
        var sqlite = Describe("Sqlite");
        foreach (var provider in new[] { "PostgreSql", "SqlServer" })
        {
            var other = Describe(provider);
            var missing = sqlite.Except(other).ToList();
            var extra = other.Except(sqlite).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0,
                $"{provider} differs from Sqlite. Only on Sqlite: {string.Join("; ", missing)}. Only on {provider}: {string.Join("; ", extra)}");
        }
        Assert.Contains(sqlite, d => d.StartsWith("AspNetUserPasskeys.", StringComparison.Ordinal));
    }

    private static List<string> Describe(string provider)
    {
        using var context = DesignTimeContext(provider);
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var lines = new List<string>();
        static string Columns(IEnumerable<IColumn> columns) => string.Join(",", columns.Select(c => c.Name));
        foreach (var table in model.Tables)
        {
            var name = table.SchemaQualifiedName;
            foreach (var column in table.Columns)
            {
                var clrType = column.PropertyMappings.FirstOrDefault()?.Property.ClrType.Name ?? "json";
                lines.Add($"{name}.{column.Name} {clrType}{(column.IsNullable ? "?" : "")} max={column.MaxLength}");
            }
            if (table.PrimaryKey is { } pk) lines.Add($"{name} PK {pk.Name} ({Columns(pk.Columns)})");
            foreach (var unique in table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()))
                lines.Add($"{name} UNIQUE {unique.Name} ({Columns(unique.Columns)})");
            foreach (var fk in table.ForeignKeyConstraints)
                lines.Add($"{name} FK {fk.Name} ({Columns(fk.Columns)}) -> {fk.PrincipalTable.SchemaQualifiedName} ({Columns(fk.PrincipalColumns)}) {fk.OnDeleteAction}");
            foreach (var index in table.Indexes)
                lines.Add($"{name} INDEX {index.Name} ({Columns(index.Columns)}){(index.IsUnique ? " unique" : "")}");
        }
        return lines;
    }

    [Fact]
    public void SqlServerScript_IsGenerated()
    {
        using var context = DesignTimeContext("SqlServer");
        var script = context.GetService<IMigrator>().GenerateScript();
        Assert.Contains("CREATE TABLE [AspNetUserPasskeys]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_AspNetUsers_Handle]", script);
    }

    [Fact]
    public void Model_HasAtMostOneCascadePathToEachTable()
    {
        // SQL Server rejects multiple cascade paths (error 1785); SQLite and PostgreSQL do not, so check the model.
        using var context = DesignTimeContext("SqlServer");
        var model = context.GetService<IDesignTimeModel>().Model;
        foreach (var root in model.GetEntityTypes())
        {
            var reached = new Dictionary<string, int>();
            void Walk(Microsoft.EntityFrameworkCore.Metadata.IEntityType principal, HashSet<string> path)
            {
                foreach (var fk in principal.GetReferencingForeignKeys().Where(f => f.DeleteBehavior == DeleteBehavior.Cascade && !f.IsOwnership))
                {
                    var table = fk.DeclaringEntityType.GetTableName()!;
                    reached[table] = reached.GetValueOrDefault(table) + 1;
                    Assert.True(path.Add(table), $"Cascade cycle through {table}");
                    Walk(fk.DeclaringEntityType, path);
                    path.Remove(table);
                }
            }
            Walk(root, [root.GetTableName()!]);
            var multiple = reached.Where(r => r.Value > 1).Select(r => r.Key).ToList();
            Assert.True(multiple.Count == 0, $"{root.GetTableName()} cascades to {string.Join(", ", multiple)} by more than one path");
        }
    }

    [Fact]
    public async Task PostgreSqlMigrations_ApplyToARealServer()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.Notes.CountAsync());
    }

    [Fact]
    public async Task SqliteMigrations_ApplyToAFile()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    private static SocialStoreDbContext DesignTimeContext(string provider)
    {
        var typeName = $"SocialStore.Domain.Data.{provider}DesignTimeFactory";
        var factoryType = typeof(SocialStoreDbContext).Assembly.GetType(typeName, throwOnError: true)!;
        var factory = Activator.CreateInstance(factoryType)!;
        return (SocialStoreDbContext)factoryType.GetMethod(nameof(IDesignTimeDbContextFactory<SqliteSocialStoreDbContext>.CreateDbContext))!
            .Invoke(factory, [Array.Empty<string>()])!;
    }
}
