using System.Diagnostics;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Recommendations;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Benchmarks;

/// <summary>
/// The personal Discover query path against the anonymous one (ADR-045) on a generated community — a benchmark,
/// skipped unless SOCIALSTORE_BENCHMARKS=1. 400 users with tastes (each likes mostly one of 20 topics), 4,000
/// notes, ~40,000 likes, 2,000 follows; 8 and 32 concurrent readers, 400 pages each way: anonymous, personal computed live
/// (ADR-045), personal from the precomputed candidate sets (ADR-053, "before") and with the shared trending pool, cards and
/// kept ranked list (ADR-060, "after": first page and next page). Prints p50/p95/max and where
/// the live computation spends its time.
/// </summary>
[Trait("Category", BenchmarkGate.Category)]
public class PersonalDiscoverBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task PersonalVsAnonymousDiscover_Latency()
    {
        await using var bed = await RecsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var users = await bed.Social.ManyUsersAsync("b", 400);
        var random = new Random(16);
        var topics = new List<Topic>();
        await using (var db = await bed.Social.Db.Factory.CreateDbContextAsync())
        {
            topics.AddRange(Enumerable.Range(0, 20).Select(i => new Topic { Name = "话题" + i, CreatedAt = SocialTestBedStart }));
            db.Topics.AddRange(topics);
            await db.SaveChangesAsync();
        }
        var noteIds = new List<long>();
        var noteTopic = new Dictionary<long, int>();
        for (var batch = 0; batch < 40; batch++)
        {
            await using var db = await bed.Social.Db.Factory.CreateDbContextAsync();
            var notes = Enumerable.Range(0, 100).Select(i => Note.Create(users[random.Next(users.Count)].Id, $"笔记 {batch}-{i}", "正文",
                [new NoteImage { StorageKey = "seed/c.svg", Width = 3, Height = 4 }], SocialTestBedStart.AddMinutes(batch * 100 + i))).ToList();
            db.Notes.AddRange(notes);
            await db.SaveChangesAsync();
            foreach (var note in notes)
            {
                var topic = topics[random.Next(topics.Count)].Id;
                db.NoteTopics.Add(new NoteTopic { NoteId = note.Id, TopicId = topic });
                noteIds.Add(note.Id);
                noteTopic[note.Id] = topic;
            }
            await db.SaveChangesAsync();
        }
        var byTopic = noteIds.GroupBy(id => noteTopic[id]).ToDictionary(g => g.Key, g => g.ToList());
        await using (var db = await bed.Social.Db.Factory.CreateDbContextAsync())
        {
            var likes = new HashSet<(string, long)>();
            var follows = new HashSet<(string, string)>();
            foreach (var user in users)
            {
                var taste = topics[random.Next(topics.Count)].Id;
                for (var k = 0; k < 100; k++)
                {
                    var pool = random.NextDouble() < 0.7 ? byTopic[taste] : noteIds;
                    likes.Add((user.Id, pool[random.Next(pool.Count)]));
                }
                for (var f = 0; f < 5; f++)
                {
                    var followee = users[random.Next(users.Count)].Id;
                    if (followee != user.Id) follows.Add((user.Id, followee));
                }
            }
            db.NoteLikes.AddRange(likes.Select(l => new NoteLike { UserId = l.Item1, NoteId = l.Item2, CreatedAt = SocialTestBedStart.AddDays(1) }));
            db.Follows.AddRange(follows.Select(f => new Follow { FollowerId = f.Item1, FolloweeId = f.Item2, CreatedAt = SocialTestBedStart }));
            await db.SaveChangesAsync();
            output.WriteLine($"community: {users.Count} users, {noteIds.Count} notes, {likes.Count} likes");
        }
        bed.Social.Clock.Advance(TimeSpan.FromDays(2));

        // Where the live computation spends its time: each step alone, 100 people one after the other.
        var steps = new Dictionary<string, List<double>>();
        void Add(string step, Stopwatch w) { if (!steps.TryGetValue(step, out var l)) steps[step] = l = []; l.Add(w.Elapsed.TotalMilliseconds); }
        var since = bed.Social.Clock.GetUtcNow() - PersonalisationService.InterestWindow;
        for (var i = 0; i < 100; i++)
        {
            var userId = users[i].Id;
            await using var db = await bed.Social.Db.Factory.CreateDbContextAsync();
            var w = Stopwatch.StartNew();
            var affinity = await PersonalisationService.TopicAffinityAsync(db, userId, since, default);
            Add("topic affinity", w);
            w.Restart();
            await PersonalFeedQueries.PersonalPoolAsync(db, userId, RecommendationState.Default, affinity, since, default);
            Add("follows + co-engagement + personal pool", w);
            w.Restart();
            await bed.Feed.DiscoverAsync(null, FeedQueries.DefaultPageSize, default);
            Add("(anonymous page, for scale)", w);
        }
        foreach (var (step, list) in steps)
            output.WriteLine($"live step {step}: mean {list.Average():F1} ms, p50 {list.Order().ElementAt(list.Count / 2):F1} ms");

        // Refill every set once (what the worker does for active people), timed per person.
        var refill = await MeasureAsync(async i =>
        {
            var state = await bed.Personalisation.StateAsync(users[i % users.Count].Id, default);
            await bed.Candidates.RefillAsync(users[i % users.Count].Id, state, default);
            return 0;
        }, calls: users.Count, parallel: 2, warmUp: 0);
        output.WriteLine($"refill of one person's set: p50 {refill.P50:F1} ms, p95 {refill.P95:F1} ms, max {refill.Max:F1} ms");

        // One person after the other (no queueing behind other readers): ADR-053's page against the first page now.
        for (var i = 0; i < 100; i++)
        {
            var userId = users[i].Id;
            var w = Stopwatch.StartNew();
            await bed.Personal.DiscoverPrecomputedAsync(userId, null, FeedQueries.DefaultPageSize, default);
            Add("sequential: precomputed (ADR-053, before)", w);
            bed.PageCache.Clear();
            w.Restart();
            await bed.Personal.DiscoverAsync(userId, null, FeedQueries.DefaultPageSize, default);
            Add("sequential: shared cards, first page (ADR-060, after)", w);
            w.Restart();
            await bed.Personal.DiscoverAsync(userId, "o20", FeedQueries.DefaultPageSize, default);
            Add("sequential: shared cards, next page (ADR-060, after)", w);
        }
        foreach (var (step, list) in steps.Where(s => s.Key.StartsWith("sequential", StringComparison.Ordinal)))
            output.WriteLine($"{step}: mean {list.Average():F1} ms, p50 {list.Order().ElementAt(list.Count / 2):F1} ms, p95 {list.Order().ElementAt(list.Count * 95 / 100):F1} ms");

        // The fake clock moves with real time while measuring, so the shared trending pool and cards expire as in production.
        using var ticking = new Timer(_ => bed.Social.Clock.Advance(TimeSpan.FromMilliseconds(250)), null, 250, 250);
        foreach (var parallel in new[] { 8, 32 })
        {
            var anonymous = await MeasureAsync(_ => bed.Feed.DiscoverAsync(null, FeedQueries.DefaultPageSize, default), parallel: parallel);
            var live = await MeasureAsync(i => bed.Personal.DiscoverLiveAsync(users[i % users.Count].Id, null, FeedQueries.DefaultPageSize, default), parallel: parallel);
            var precomputed = await MeasureAsync(i => bed.Personal.DiscoverPrecomputedAsync(users[i % users.Count].Id, null, FeedQueries.DefaultPageSize, default), parallel: parallel);
            // First page of each person with no kept list (cleared after the warm-up): what a person opening Discover waits for.
            var first = await MeasureAsync(i => bed.Personal.DiscoverAsync(users[i % users.Count].Id, null, FeedQueries.DefaultPageSize, default), parallel: parallel,
                afterWarmUp: () => bed.PageCache.Clear());
            // Their next page right after their first (scrolling): the second call is timed; the kept list serves it unless the
            // trending pool was reloaded in between.
            var next = await MeasureAsync(i => bed.Personal.DiscoverAsync(users[i % users.Count].Id, "o20", FeedQueries.DefaultPageSize, default), parallel: parallel,
                warmUp: 0, afterWarmUp: () => bed.PageCache.Clear(),
                before: i => bed.Personal.DiscoverAsync(users[i % users.Count].Id, null, FeedQueries.DefaultPageSize, default));
            var anonymousAgain = await MeasureAsync(_ => bed.Feed.DiscoverAsync(null, FeedQueries.DefaultPageSize, default), parallel: parallel);
            output.WriteLine($"{parallel} readers: anonymous Discover query: p50 {anonymous.P50:F1} ms, p95 {anonymous.P95:F1} ms, max {anonymous.Max:F1} ms");
            output.WriteLine($"{parallel} readers: personal Discover, live (ADR-045): p50 {live.P50:F1} ms, p95 {live.P95:F1} ms, max {live.Max:F1} ms");
            output.WriteLine($"{parallel} readers: personal Discover, precomputed (ADR-053, before): p50 {precomputed.P50:F1} ms, p95 {precomputed.P95:F1} ms, max {precomputed.Max:F1} ms");
            output.WriteLine($"{parallel} readers: personal Discover, shared cards, first page (ADR-060, after): p50 {first.P50:F1} ms, p95 {first.P95:F1} ms, max {first.Max:F1} ms");
            output.WriteLine($"{parallel} readers: personal Discover, shared cards, next page (ADR-060, after): p50 {next.P50:F1} ms, p95 {next.P95:F1} ms, max {next.Max:F1} ms");
            output.WriteLine($"{parallel} readers: anonymous Discover query, after the personal runs: p50 {anonymousAgain.P50:F1} ms, p95 {anonymousAgain.P95:F1} ms, max {anonymousAgain.Max:F1} ms");
        }
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static readonly DateTimeOffset SocialTestBedStart = SocialStore.Tests.Domain.Social.SocialTestBed.Start;

    private static async Task<(double P50, double P95, double Max)> MeasureAsync<T>(Func<int, Task<T>> call, int calls = 400, int parallel = 8, int warmUp = 20,
        Action? afterWarmUp = null, Func<int, Task>? before = null)
    {
        for (var i = 0; i < warmUp; i++) await call(i);
        afterWarmUp?.Invoke();
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            if (before is not null) await before(i);
            var watch = Stopwatch.StartNew();
            await call(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        });
        var sorted = times.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[(int)(sorted.Count * 0.95)], sorted[^1]);
    }
}
