using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SocialStore.Domain.Data.Seed.Writers;

/// <summary>PostgreSQL: binary COPY inside one transaction, then identity sequences moved past the explicit keys.</summary>
internal sealed class PostgresBulkInserter(DbContext db, NpgsqlConnection connection, ILogger logger) : IBulkInserter
{
    private NpgsqlTransaction? transaction;
    private readonly HashSet<string> touched = new(StringComparer.Ordinal);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        transaction = await connection.BeginTransactionAsync(cancellationToken);
    }

    public async Task<long> InsertAsync<TRow>(BulkTable<TRow> table, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        var (name, columns) = table.Names(db);
        touched.Add(name);
        var clock = Stopwatch.StartNew();
        var copy = $"COPY {BulkInserter.Quote(name)} ({string.Join(", ", columns.Select(BulkInserter.Quote))}) FROM STDIN (FORMAT BINARY)";
        long count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in table.Columns) await column.WriteAsync(importer, row, cancellationToken);
                if (++count % BulkInserter.ProgressEvery == 0) logger.LogInformation("  {Table}: {Count:N0} rows…", name, count);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        logger.LogInformation("{Table}: {Count:N0} rows in {Seconds:F1} s", name, count, clock.Elapsed.TotalSeconds);
        return count;
    }

    public async Task CommitAsync(IReadOnlyList<string> identityTables, CancellationToken cancellationToken)
    {
        foreach (var table in identityTables)
        {
            // Identity columns keep their own sequence, which COPY with explicit keys does not advance.
            var quoted = BulkInserter.Quote(table);
            await ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence('{quoted}', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM {quoted}), false)",
                cancellationToken);
        }
        await transaction!.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        transaction = null;
        var clock = Stopwatch.StartNew();
        await ExecuteAsync("ANALYZE " + string.Join(", ", touched.Select(BulkInserter.Quote)), cancellationToken);
        logger.LogInformation("ANALYZE in {Seconds:F1} s", clock.Elapsed.TotalSeconds);
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null) await transaction.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
