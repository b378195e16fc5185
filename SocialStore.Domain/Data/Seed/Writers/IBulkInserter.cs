using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Microsoft.Data.Sqlite;

namespace SocialStore.Domain.Data.Seed.Writers;

/// <summary>Fast inserts of many rows in one transaction, in the way each database does them best.</summary>
internal interface IBulkInserter : IAsyncDisposable
{
    Task BeginAsync(CancellationToken cancellationToken);

    Task<long> InsertAsync<TRow>(BulkTable<TRow> table, IEnumerable<TRow> rows, CancellationToken cancellationToken);

    /// <summary>Commits; afterwards key generators continue after the explicit keys inserted into <paramref name="identityTables"/>, and statistics are fresh.</summary>
    Task CommitAsync(IReadOnlyList<string> identityTables, CancellationToken cancellationToken);
}

internal static class BulkInserter
{
    public static bool IsSupported(SocialStoreDbContext db) => db.Database.GetDbConnection() is SqliteConnection or NpgsqlConnection;

    public static IBulkInserter Create(SocialStoreDbContext db, ILogger logger) => db.Database.GetDbConnection() switch
    {
        SqliteConnection sqlite => new SqliteBulkInserter(db, sqlite, logger),
        NpgsqlConnection npgsql => new PostgresBulkInserter(db, npgsql, logger),
        var other => throw new NotSupportedException(NotSupportedMessage(other.GetType().Name)),
    };

    public static string NotSupportedMessage(string connection) =>
        $"The large data set is written with bulk inserts for SQLite and PostgreSQL; {connection} is not supported yet.";

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Logs now and then during a long stream, so an operator can see it is alive.</summary>
    public const int ProgressEvery = 250_000;
}
