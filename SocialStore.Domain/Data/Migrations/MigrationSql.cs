using Microsoft.EntityFrameworkCore.Migrations;

namespace SocialStore.Domain.Data.Migrations;

/// <summary>
/// Hand-written SQL that migrations run, kept as embedded .sql files under Data/Migrations/Sql/{provider}/
/// so it can be read and reviewed as SQL. Each file is one <see cref="MigrationBuilder.Sql"/> operation:
/// SQLite and PostgreSQL run several statements in one command; SQL Server's migrations split a file
/// into batches on its GO lines.
/// </summary>
internal static class MigrationSql
{
    /// <param name="file">Path under Data/Migrations/Sql, e.g. "Sqlite/Search.sql".</param>
    public static void Run(MigrationBuilder migrationBuilder, string file, bool suppressTransaction = false)
        => migrationBuilder.Sql(Read(file), suppressTransaction);

    public static string Read(string file)
    {
        var name = $"{typeof(MigrationSql).Namespace}.Sql.{file.Replace('/', '.')}";
        using var stream = typeof(MigrationSql).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded migration SQL '{name}' not found.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
