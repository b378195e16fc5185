using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Benchmarks;

/// <summary>
/// Checkout throughput — a benchmark, not a timed test: skipped unless SOCIALSTORE_BENCHMARKS=1 (PostgreSQL
/// also needs SOCIALSTORE_TEST_POSTGRES). Several workers place orders through <see cref="CheckoutService"/>
/// (the whole transaction: re-read cart and prices, price, reserve stock, write order, lines, adjustments,
/// event, outbox, empty the cart lines) and, on the same database in the same process, run the raw
/// single-statement conditional UPDATE that reserving stock comes down to. Reports orders/s, statements/s and
/// the ratio, for one hot SKU (everyone buys the same thing) and for one SKU per worker. See docs/benchmarks.md.
/// </summary>
[Trait("Category", BenchmarkGate.Category)]
public class CheckoutThroughputBenchmark(ITestOutputHelper output)
{
    private const int Workers = 8;
    private const int Orders = 2_000;
    private const int RawStatements = 20_000;

    [BenchmarkTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Checkout_Throughput_ComparedWithRawConditionalUpdate(DatabaseProvider provider)
    {
        output.WriteLine($"{provider}: {Environment.ProcessorCount} logical CPUs, {Workers} workers, {Orders} orders, {RawStatements} raw updates per scenario");
        foreach (var hot in new[] { true, false })
        {
            await using var bed = await CartTestBed.CreateAsync(provider, new CheckoutOptions { MaxOrdersPerMinute = int.MaxValue, MaxOpenUnpaidOrders = int.MaxValue });
            var skus = new List<(long ProductId, long SkuId)>();
            for (var i = 0; i < (hot ? 1 : Workers); i++) skus.Add(await bed.SimpleProductAsync($"商品{i}", 59m, 10_000_000));
            var buyers = await PrepareBuyersAsync(bed, skus);

            // Warm-up: JIT, pools, query caches.
            await RunAsync(buyers.Take(Workers * 5).ToList(), (b, ct) => bed.Checkout.PlaceOrderAsync(b, ct));
            var timed = buyers.Skip(Workers * 5).ToList();
            var checkout = await RunAsync(timed, (b, ct) => bed.Checkout.PlaceOrderAsync(b, ct));
            var ordersPerSecond = timed.Count / checkout.TotalSeconds;

            var raw = await RawUpdatesAsync(bed, skus.Select(s => s.SkuId).ToList(), Workers);
            var rawPerSecond = RawStatements / raw.TotalSeconds;
            var single = await RawUpdatesAsync(bed, skus.Select(s => s.SkuId).ToList(), 1);
            var singlePerSecond = RawStatements / single.TotalSeconds;
            var orders = await bed.QueryAsync(db => db.Orders.CountAsync());
            output.WriteLine($"  {(hot ? "one hot SKU      " : "one SKU per worker")}: checkout {ordersPerSecond,8:F0} orders/s ({orders} orders)   raw UPDATE {Workers} workers {rawPerSecond,8:F0} /s (ratio {ordersPerSecond / rawPerSecond:P1})   raw UPDATE 1 worker {singlePerSecond,8:F0} /s (ratio {ordersPerSecond / singlePerSecond:P1})");
            Assert.Equal(buyers.Count, orders);
        }
    }

    /// <summary>One buyer per order, each with an address and one cart line (inserted in bulk before timing).</summary>
    private static async Task<List<PlaceOrderRequest>> PrepareBuyersAsync(CartTestBed bed, List<(long ProductId, long SkuId)> skus)
    {
        var total = Orders + Workers * 5;
        var requests = new List<PlaceOrderRequest>(total);
        for (var start = 0; start < total; start += 500)
        {
            await using var db = await bed.Db.Factory.CreateDbContextAsync();
            var batch = Enumerable.Range(start, Math.Min(500, total - start)).Select(i =>
            {
                var email = $"bench{i}@example.test";
                return new ApplicationUser
                {
                    UserName = email,
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    NormalizedUserName = email.ToUpperInvariant(),
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    Handle = $"bench{i}",
                    DisplayName = $"bench {i}",
                    CreatedAt = CartTestBed.Start,
                };
            }).ToList();
            db.Users.AddRange(batch);
            var addresses = new List<Address>();
            for (var k = 0; k < batch.Count; k++)
            {
                var user = batch[k];
                var sku = skus[(start + k) % skus.Count];
                var a = CartTestBed.Home;
                var address = new Address { UserId = user.Id, Recipient = a.Recipient!, Mobile = a.Mobile!, Province = a.Province!, City = a.City!, District = a.District!, Detail = a.Detail!, IsDefault = true, CreatedAt = CartTestBed.Start };
                addresses.Add(address);
                db.Addresses.Add(address);
                db.CartItems.Add(new CartItem { OwnerKey = CartItem.UserOwner(user.Id), ProductId = sku.ProductId, SkuId = sku.SkuId, Quantity = 1, PriceWhenAdded = 59m, AddedAt = CartTestBed.Start, UpdatedAt = CartTestBed.Start });
            }
            await db.SaveChangesAsync();
            requests.AddRange(batch.Select((u, k) => new PlaceOrderRequest(u.Id, Guid.NewGuid().ToString(), addresses[k].Id, [])));
        }
        return requests;
    }

    private static async Task<TimeSpan> RunAsync<T>(List<T> work, Func<T, CancellationToken, Task> action)
    {
        var queue = new ConcurrentQueue<T>(work);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var item)) await action(item, default);
        })));
        return watch.Elapsed;
    }

    /// <summary>The baseline: UPDATE Skus SET Stock = Stock - 1 WHERE Id = @id AND Stock >= 1, autocommit, one connection per worker.</summary>
    private static async Task<TimeSpan> RawUpdatesAsync(CartTestBed bed, List<long> skuIds, int workers)
    {
        var remaining = RawStatements;
        var contexts = new List<SocialStoreDbContext>();
        var commands = new List<DbCommand>();
        for (var w = 0; w < workers; w++)
        {
            var db = await bed.Db.Factory.CreateDbContextAsync();
            contexts.Add(db);
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            if (bed.Db.Provider == DatabaseProvider.Sqlite)
            {
                // SQLite's own busy handler (short sleeps) instead of giving up: one writer at a time, the others wait their turn.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA busy_timeout = 30000;";
                await pragma.ExecuteNonQueryAsync();
            }
            var command = connection.CreateCommand();
            command.CommandText = """UPDATE "Skus" SET "Stock" = "Stock" - 1 WHERE "Id" = @id AND "Stock" >= 1""";
            var id = command.CreateParameter();
            id.ParameterName = "@id";
            id.Value = skuIds[w % skuIds.Count];
            command.Parameters.Add(id);
            await command.PrepareAsync();
            commands.Add(command);
        }
        try
        {
            // Warm-up, then the timed run.
            foreach (var c in commands) await c.ExecuteNonQueryAsync();
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(commands.Select(c => Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                    if (await c.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("The stock ran out.");
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
