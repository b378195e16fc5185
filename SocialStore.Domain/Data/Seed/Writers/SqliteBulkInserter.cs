using System.Data;
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace SocialStore.Domain.Data.Seed.Writers;

/// <summary>
/// SQLite: prepared multi-row INSERTs inside one transaction. Dates are written as UTC ticks, the
/// representation <see cref="DateTimeOffsetToBinaryConverterUtc"/> gives them through EF.
/// </summary>
internal sealed class SqliteBulkInserter(DbContext db, SqliteConnection connection, ILogger logger) : IBulkInserter
{
    // Microsoft.Data.Sqlite binds every parameter by name on every execution, and SQLite finds a name by a
    // linear scan, so a statement's cost grows with the square of its parameter count. Measured on 100k
    // likes: 4,000 parameters per statement took four times as long as 30–100.
    private const int ParametersPerStatement = 64;

    private SqliteTransaction? transaction;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync("PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;", cancellationToken);
        transaction = connection.BeginTransaction();
    }

    public async Task<long> InsertAsync<TRow>(BulkTable<TRow> table, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        var (name, columns) = table.Names(db);
        var clock = Stopwatch.StartNew();
        var rowsPerStatement = Math.Max(1, ParametersPerStatement / columns.Length);
        using var full = Command(name, columns, rowsPerStatement);
        var buffer = new List<TRow>(rowsPerStatement);
        long count = 0;
        foreach (var row in rows)
        {
            buffer.Add(row);
            if (buffer.Count < rowsPerStatement) continue;
            Bind(full, table, buffer);
            await full.ExecuteNonQueryAsync(cancellationToken);
            count += buffer.Count;
            buffer.Clear();
            if (count % BulkInserter.ProgressEvery == 0) logger.LogInformation("  {Table}: {Count:N0} rows…", name, count);
        }
        if (buffer.Count > 0)
        {
            using var rest = Command(name, columns, buffer.Count);
            Bind(rest, table, buffer);
            await rest.ExecuteNonQueryAsync(cancellationToken);
            count += buffer.Count;
        }
        logger.LogInformation("{Table}: {Count:N0} rows in {Seconds:F1} s", name, count, clock.Elapsed.TotalSeconds);
        return count;
    }

    public async Task CommitAsync(IReadOnlyList<string> identityTables, CancellationToken cancellationToken)
    {
        // AUTOINCREMENT already remembers the largest key inserted, explicit or not: nothing to move on.
        await transaction!.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        transaction = null;
        var clock = Stopwatch.StartNew();
        // The connection goes back to the pool: give back the large page cache too.
        await ExecuteAsync("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT;", cancellationToken);
        logger.LogInformation("ANALYZE and checkpoint in {Seconds:F1} s", clock.Elapsed.TotalSeconds);
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null) await transaction.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }

    private SqliteCommand Command(string table, string[] columns, int rows)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(BulkInserter.Quote(table)).Append(" (")
            .AppendJoin(", ", columns.Select(BulkInserter.Quote)).Append(") VALUES ");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var parameter = $"$p{r}_{c}";
                sql.Append(c == 0 ? "" : ", ").Append(parameter);
                command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private static void Bind<TRow>(SqliteCommand command, BulkTable<TRow> table, List<TRow> rows)
    {
        var parameters = command.Parameters;
        var columns = table.Columns;
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < columns.Count; c++)
                parameters[r * columns.Count + c].Value = columns[c].Value(rows[r]) switch
                {
                    null => DBNull.Value,
                    DateTimeOffset at => at.UtcTicks,
                    decimal amount => DecimalToMinorUnitsConverter.ToMinor(amount),
                    var value => value,
                };
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
