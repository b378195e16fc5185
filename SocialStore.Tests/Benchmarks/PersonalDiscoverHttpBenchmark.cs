using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Data.Seed;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Benchmarks;

/// <summary>
/// The signed-in Discover page over HTTP (issue 16 §4, ADR-060) — a benchmark, skipped unless SOCIALSTORE_BENCHMARKS=1.
/// Starts the app on a real port (Kestrel) on a fresh SQLite file, seeds the large data set into it (20,000 people,
/// 100,000 notes, 1,000,000 likes), signs in 32 readers (cookie authentication, the login form) who each take on the
/// tastes of one generated person (their 40 latest likes and up to 20 follows, through the like and follow services),
/// then 32 clients GET <c>/</c> at once, 20 times each: the first page of a person (their kept ranked list dropped before
/// each request), the same page again (kept list), and signed-out (output cache on). Prints p50/p95/max per case.
/// </summary>
[Trait("Category", BenchmarkGate.Category)]
public class PersonalDiscoverHttpBenchmark(ITestOutputHelper output)
{
    private const int Clients = 32;
    private const int RequestsPerClient = 20;

    [BenchmarkFact]
    public async Task PersonalDiscover_OverHttp_LargeDataSet_32Clients()
    {
        var watch = Stopwatch.StartNew();
        using var app = new KestrelAppFactory(settings: new Dictionary<string, string?>
        {
            ["Caching:AnonymousPages"] = "true",
            // The limiter would count 2,000 requests from one loopback address; it is not what is measured here.
            ["RateLimits:Enabled"] = "false",
        });
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedLargeAsync(default);
        output.WriteLine($"large data set seeded in {watch.Elapsed.TotalSeconds:F0} s");

        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var models = new List<(List<long> Likes, List<string> Follows)>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var people = await db.NoteLikes.GroupBy(l => l.UserId).Where(g => g.Count() >= 40).Select(g => g.Key).OrderBy(u => u).Take(Clients).ToListAsync();
            foreach (var person in people)
            {
                var likes = await db.NoteLikes.Where(l => l.UserId == person).OrderByDescending(l => l.CreatedAt).Select(l => l.NoteId).Take(40).ToListAsync();
                var follows = await db.Follows.Where(f => f.FollowerId == person).Select(f => f.FolloweeId).Take(20).ToListAsync();
                models.Add((likes, follows));
            }
            output.WriteLine($"notes {await db.Notes.CountAsync()}, likes {await db.NoteLikes.CountAsync()}, people {await db.Users.CountAsync()}");
        }
        var likeService = app.Services.GetRequiredService<LikeService>();
        var followService = app.Services.GetRequiredService<FollowService>();
        var readers = new List<(HttpClient Client, string UserId)>();
        for (var i = 0; i < Clients; i++)
        {
            var (client, user) = await TestAccounts.SignedInClientAsync(app, $"评测读者{i}");
            var model = models[i % models.Count];
            foreach (var note in model.Likes) await likeService.LikeNoteAsync(user.Id, note, default);
            foreach (var followee in model.Follows) await followService.FollowAsync(user.Id, followee, default);
            readers.Add((client, user.Id));
        }
        // Each reader's first visit computes their candidate set.
        foreach (var (client, _) in readers) Assert.Contains("data-personal=\"true\"", await client.GetStringAsync("/"));
        output.WriteLine($"ready after {watch.Elapsed.TotalSeconds:F0} s");

        var personal = app.Services.GetRequiredService<PersonalFeedQueries>();
        var first = await MeasureAsync(readers, i => personal.ForgetKeptList(readers[i].UserId, FeedQueries.DefaultPageSize), personalPage: true);
        var again = await MeasureAsync(readers, null, personalPage: true);
        using var anonymousClient = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var signedOut = await MeasureAsync(readers.Select(_ => (anonymousClient, "")).ToList(), null, personalPage: false);
        output.WriteLine($"{Clients} clients over HTTP, signed in, first page: p50 {first.P50:F1} ms, p95 {first.P95:F1} ms, max {first.Max:F1} ms");
        output.WriteLine($"{Clients} clients over HTTP, signed in, same page again (kept list): p50 {again.P50:F1} ms, p95 {again.P95:F1} ms, max {again.Max:F1} ms");
        output.WriteLine($"{Clients} clients over HTTP, signed out (output cache): p50 {signedOut.P50:F1} ms, p95 {signedOut.P95:F1} ms, max {signedOut.Max:F1} ms");
        output.WriteLine($"total {watch.Elapsed.TotalSeconds:F0} s; machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    /// <summary>Every client GETs <c>/</c> <see cref="RequestsPerClient"/> times, all clients at once (after one warm-up round); times to the last byte.</summary>
    private static async Task<(double P50, double P95, double Max)> MeasureAsync(IReadOnlyList<(HttpClient Client, string UserId)> readers, Action<int>? before, bool personalPage)
    {
        foreach (var (client, _) in readers.Take(4)) await client.GetStringAsync("/");
        var times = new ConcurrentBag<double>();
        await Task.WhenAll(readers.Select((reader, i) => Task.Run(async () =>
        {
            for (var r = 0; r < RequestsPerClient; r++)
            {
                before?.Invoke(i);
                var w = Stopwatch.StartNew();
                var html = await reader.Client.GetStringAsync("/");
                times.Add(w.Elapsed.TotalMilliseconds);
                Assert.Equal(personalPage, html.Contains("data-personal=\"true\"", StringComparison.Ordinal));
            }
        })));
        var sorted = times.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[(int)(sorted.Count * 0.95)], sorted[^1]);
    }
}
