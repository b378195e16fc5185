using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.FlashSales;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Benchmarks;

/// <summary>
/// Flash-sale reservation throughput — a benchmark, not a timed test: skipped unless SOCIALSTORE_BENCHMARKS=1
/// (PostgreSQL also needs SOCIALSTORE_TEST_POSTGRES). 32 clients reserve one unit each of one hot item through
/// <see cref="SocialStore.Domain.FlashSales.FlashSaleService.ReserveAsync"/> (item and address read, admission gate,
/// then the transaction: key look-up, cap UPDATE or insert, pricing, order + line + event + outbox + adjustment,
/// reservation row, slot UPDATE, SKU UPDATE, product UPDATE, commit); each call's latency is recorded. Then, on the
/// same database in the same process, the raw conditional UPDATE of the slot's stock with 8 and with 1 connection.
/// Reports reservations/s, the ratio, and the latency percentiles. See docs/benchmarks.md.
/// </summary>
[Trait("Category", BenchmarkGate.Category)]
public class FlashSaleThroughputBenchmark(ITestOutputHelper output)
{
    private const int Clients = 32;
    private const int Reservations = 2_000;
    private const int WarmUp = 64;
    private const int RawStatements = 20_000;
    private const int RawClients = 8;

    [BenchmarkTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FlashSale_Reservations_ComparedWithRawConditionalUpdate(DatabaseProvider provider)
    {
        await using var bed = await FlashTestBed.CreateAsync(provider);
        var (item, _, _) = await bed.LiveItemAsync(slotStock: 1_000_000, limit: 1, skuStock: 10_000_000);
        var buyers = await bed.BuyersAsync("bench", Reservations + WarmUp);
        output.WriteLine($"{provider}: {Environment.ProcessorCount} logical CPUs, {Clients} clients, {Reservations} reservations (+{WarmUp} warm-up), {RawStatements} raw updates");

        await RunAsync(buyers.Take(WarmUp).ToList(), b => bed.ReserveAsync(b, item));
        var latencies = new ConcurrentBag<double>();
        var elapsed = await RunAsync(buyers.Skip(WarmUp).ToList(), async b =>
        {
            var watch = Stopwatch.StartNew();
            await bed.ReserveAsync(b, item);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        });
        var perSecond = Reservations / elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();

        // 8 connections, as the checkout benchmark: with 32, SQLite's busy handler starves some connections past its timeout.
        var raw = await RawUpdatesAsync(bed, item, RawClients);
        var rawPerSecond = RawStatements / raw.TotalSeconds;
        var single = await RawUpdatesAsync(bed, item, 1);
        var singlePerSecond = RawStatements / single.TotalSeconds;

        output.WriteLine($"  reservations {perSecond,8:F0} /s   raw UPDATE {RawClients} clients {rawPerSecond,8:F0} /s (ratio {perSecond / rawPerSecond:P1})   raw UPDATE 1 client {singlePerSecond,8:F0} /s (ratio {perSecond / singlePerSecond:P1})");
        output.WriteLine($"  raw UPDATE statements retried after SQLITE_BUSY: {busyRetries}");
        output.WriteLine($"  reservation latency under {Clients} clients: p50 {Percentile(sorted, 0.50):F1} ms   p95 {Percentile(sorted, 0.95):F1} ms   p99 {Percentile(sorted, 0.99):F1} ms   max {sorted[^1]:F1} ms");
        Assert.Equal(Reservations + WarmUp, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(Reservations + WarmUp, await bed.QueryAsync(db => db.FlashSaleReservations.CountAsync()));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<TimeSpan> RunAsync<T>(List<T> work, Func<T, Task> action)
    {
        var queue = new ConcurrentQueue<T>(work);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var item)) await action(item);
        })));
        return watch.Elapsed;
    }

    /// <summary>The baseline: UPDATE FlashSaleItems SET Remaining = Remaining - 1 WHERE Id = @id AND Remaining >= 1, autocommit, one connection per client.</summary>
    private static int busyRetries;

    private static async Task<TimeSpan> RawUpdatesAsync(FlashTestBed bed, long itemId, int clients)
    {
        var remaining = RawStatements;
        var contexts = new List<SocialStoreDbContext>();
        var commands = new List<DbCommand>();
        for (var w = 0; w < clients; w++)
        {
            var db = await bed.Factory.CreateDbContextAsync();
            contexts.Add(db);
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            if (bed.Pay.Db.Provider == DatabaseProvider.Sqlite)
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA busy_timeout = 30000;";
                await pragma.ExecuteNonQueryAsync();
            }
            var command = connection.CreateCommand();
            command.CommandText = """UPDATE "FlashSaleItems" SET "Remaining" = "Remaining" - 1 WHERE "Id" = @id AND "Remaining" >= 1""";
            var id = command.CreateParameter();
            id.ParameterName = "@id";
            id.Value = itemId;
            command.Parameters.Add(id);
            await command.PrepareAsync();
            commands.Add(command);
        }
        try
        {
            foreach (var c in commands) await c.ExecuteNonQueryAsync();
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(commands.Select(c => Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    // On a loaded machine SQLite's busy handler can starve one connection past its timeout: try that statement again.
                    while (true)
                    {
                        try
                        {
                            if (await c.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("The slot ran out.");
                            break;
                        }
                        catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode == 5)
                        {
                            Interlocked.Increment(ref busyRetries);
                        }
                    }
                }
            })));
            return watch.Elapsed;
        }
        finally
        {
            foreach (var c in commands) await c.DisposeAsync();
            foreach (var db in contexts) await db.DisposeAsync();
        }
    }
}
