using System.Diagnostics;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Dashboards;
using SocialStore.Domain.Dashboards.Rollups;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Recommendations;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Benchmarks;

/// <summary>
/// The dashboard's queries (ADR-061) on a large shop history — a benchmark, skipped unless SOCIALSTORE_BENCHMARKS=1.
/// SQLite file: 180 days of the large seed's 20,000 people (about 1,500 active a day, ~4 events each, ~1.1 M behaviour
/// events) and 300 buyers paying ~150 orders a day (~27,000 orders). Measures the direct computation from raw rows
/// ("before", ADR-049) and the roll-ups plus today live ("after") for the last 7, 30 and 180 days: p50/p95/max.
/// </summary>
[Trait("Category", BenchmarkGate.Category)]
public class DashboardBenchmark(ITestOutputHelper output)
{
    private const int Days = 180, People = 20_000, ActivePerDay = 1_500, Buyers = 300, OrdersPerDay = 150;

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    [BenchmarkFact]
    public async Task DashboardQueries_LargeHistory_P95()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(Now);
        var random = new Random(61);
        var seedWatch = Stopwatch.StartNew();
        var buyers = new List<string>();
        for (var i = 0; i < Buyers; i++) buyers.Add((await TestData.UserAsync(db.Factory, "dbuyer" + i)).Id);
        var sku = (await CatalogTestData.SimpleAsync(db.Factory, "基准商品", 99m, stock: 10)).Skus[0];
        long events = 0, orders = 0;
        for (var day = Days; day >= 0; day--)
        {
            await using var context = await db.Factory.CreateDbContextAsync();
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            var dayStart = Now.AddDays(-day).Date;
            var start = new DateTimeOffset(dayStart, TimeSpan.Zero).AddHours(-8);
            for (var p = 0; p < ActivePerDay; p++)
            {
                // Skewed: a core of regulars and a long tail, so retention and MAU are not trivial.
                var person = random.NextDouble() < 0.5 ? random.Next(2_000) : random.Next(People);
                for (var e = 0; e < 4; e++)
                {
                    var kind = random.Next(10) switch { < 6 => BehaviourKind.View, < 8 => BehaviourKind.ProductView, 8 => BehaviourKind.AddToCart, _ => BehaviourKind.Like };
                    context.BehaviourEvents.Add(new BehaviourEvent { Kind = kind, UserId = "bench-" + person, ClientKey = "u:bench-" + person, OccurredAt = start.AddSeconds(random.Next(86_400)), Personalised = true });
                    events++;
                }
            }
            for (var o = 0; o < OrdersPerDay && start.AddHours(24) <= Now.AddDays(1); o++)
            {
                var at = start.AddSeconds(random.Next(86_000));
                if (at > Now) continue;
                var buyer = buyers[random.Next(buyers.Count)];
                var paid = random.Next(10) < 8;
                var order = new Order
                {
                    Number = OrderNumbers.New(at),
                    BuyerId = buyer,
                    CheckoutKey = Guid.NewGuid().ToString("N"),
                    Status = paid ? OrderStatus.Paid : OrderStatus.Cancelled,
                    Subtotal = 99m,
                    AdjustmentTotal = 0m,
                    Total = 99m,
                    RefundedAmount = paid && random.Next(20) == 0 ? 99m : 0m,
                    Recipient = "张三",
                    Mobile = "13812345678",
                    Province = "上海市",
                    City = "上海市",
                    District = "浦东新区",
                    AddressDetail = "世纪大道 100 号",
                    CreatedAt = at,
                    PayBy = at.AddMinutes(15),
                    PaidAt = paid ? at.AddMinutes(2) : null,
                };
                order.Lines.Add(new OrderLine { ProductId = sku.ProductId, SkuId = sku.Id, ProductTitle = "基准商品", SkuLabel = sku.Key, CoverKey = "seed/p.svg", UnitPrice = 99m, Quantity = 1, Subtotal = 99m, Payable = 99m });
                context.Orders.Add(order);
                orders++;
            }
            context.ChangeTracker.DetectChanges();
            await context.SaveChangesAsync();
        }
        output.WriteLine($"history: {Days + 1} days, {events:N0} events, {orders:N0} orders, seeded in {seedWatch.Elapsed.TotalSeconds:F0} s");

        var rollup = new DashboardRollup(db.Factory, clock, Options.Create(new DashboardRollupOptions()));
        var queries = new DashboardQueries(db.Factory, clock, rollup);
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, buyers[0]), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var today = DateOnly.FromDayNumber(DashboardDays.DayOf(Now, rollup.Zone));

        foreach (var days in new[] { 7, 30, 180 })
        {
            var range = DashboardRange.Create(today.AddDays(1 - days), today);
            var before = await MeasureAsync(() => queries.DirectAsync(admin, range, default), calls: days == 180 ? 5 : 20);
            output.WriteLine($"last {days} days, direct from raw rows (before): p50 {before.P50:F0} ms, p95 {before.P95:F0} ms, max {before.Max:F0} ms");
        }

        var rollWatch = Stopwatch.StartNew();
        var rolled = await rollup.RunAsync(1_000, default);
        output.WriteLine($"roll-up of {rolled} closed days: {rollWatch.Elapsed.TotalSeconds:F1} s ({rollWatch.Elapsed.TotalMilliseconds / Math.Max(1, rolled):F0} ms a day)");

        foreach (var days in new[] { 7, 30, 180 })
        {
            var range = DashboardRange.Create(today.AddDays(1 - days), today);
            var check = await queries.FiguresAsync(admin, range, default);
            Assert.True(check.FromRollups);
            var after = await MeasureAsync(() => queries.FiguresAsync(admin, range, default), calls: 40);
            output.WriteLine($"last {days} days, roll-ups + today live (after): p50 {after.P50:F0} ms, p95 {after.P95:F0} ms, max {after.Max:F0} ms");
            var parallel = await MeasureAsync(() => queries.FiguresAsync(admin, range, default), calls: 40, parallel: 4);
            output.WriteLine($"last {days} days, after, 4 admins at once: p50 {parallel.P50:F0} ms, p95 {parallel.P95:F0} ms, max {parallel.Max:F0} ms");
        }
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static async Task<(double P50, double P95, double Max)> MeasureAsync<T>(Func<Task<T>> call, int calls, int parallel = 1)
    {
        await call(); // warm-up
        var times = new List<double>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < calls)
            {
                var w = Stopwatch.StartNew();
                await call();
                lock (times) times.Add(w.Elapsed.TotalMilliseconds);
            }
        })));
        var sorted = times.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1], sorted[^1]);
    }
}
