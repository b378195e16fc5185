using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Search;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Benchmarks;

/// <summary>
/// Search latency on an existing (large) database — a benchmark, not a timed test: skipped unless
/// SOCIALSTORE_BENCHMARKS=1; then SOCIALSTORE_BENCH_PROVIDER and SOCIALSTORE_BENCH_CONNECTION must point at a seeded database
/// (<c>dotnet run --project SocialStore.Web -- seed --scale large</c>). Prints p50/p95/max per query.
/// </summary>
[Trait("Category", BenchmarkGate.Category)]
public class SearchLatencyBenchmark(ITestOutputHelper output)
{
    private static readonly string[] Queries = ["面", "霜", "的", "面霜", "防晒", "口红", "穿搭", "空瓶记", "平价面霜", "油皮夏天", "保湿面霜", "skincare", "latte", "budget", "storage ideas", "SPF50 防晒"];

    [BenchmarkFact]
    public async Task Search_LargeDataSet_Latency()
    {
        var provider = BenchmarkGate.Required("SOCIALSTORE_BENCH_PROVIDER");
        var connection = BenchmarkGate.Required("SOCIALSTORE_BENCH_CONNECTION");
        var services = new ServiceCollection().Configure<IdentityOptions>(IdentityConfiguration.Apply);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:SocialStore"] = connection,
        }).Build();
        services.AddSocialStoreData(configuration, Path.GetTempPath());
        await using var sp = services.BuildServiceProvider();
        var factory = sp.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        ISearchService search = DatabaseSetup.ParseProvider(provider) == DatabaseProvider.PostgreSql
            ? new PostgreSqlSearchService(factory)
            : new SqliteSearchService(factory);
        if (Environment.GetEnvironmentVariable("SOCIALSTORE_BENCH_REBUILD") == "1")
        {
            var rebuild = Stopwatch.StartNew();
            var documents = await new SearchIndexer(factory).RebuildAsync(default);
            output.WriteLine($"RebuildAsync: {documents} documents in {rebuild.Elapsed.TotalSeconds:F1} s");
        }
        const int runs = 40;
        var all = new List<double>();
        foreach (var query in Queries)
        {
            var first = await search.NotesAsync(query, 1, default); // warm-up, and the hit count
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await search.NotesAsync(query, 1, default);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var productWatch = Stopwatch.StartNew();
            await search.ProductsAsync(query, 1, default);
            var productMs = productWatch.Elapsed.TotalMilliseconds;
            times.Sort();
            all.AddRange(times);
            output.WriteLine($"{query,-12} notes p50 {P(times, 50),6:F1} ms  p95 {P(times, 95),6:F1} ms  max {times[^1],6:F1} ms  ({first.Items.Count} on page 1, more: {first.HasMore}); products once {productMs:F1} ms");
        }
        all.Sort();
        output.WriteLine($"ALL          notes p50 {P(all, 50),6:F1} ms  p95 {P(all, 95),6:F1} ms");
    }

    private static double P(List<double> sorted, int percentile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}
