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
/// notes, ~40,000 likes, 2,000 follows; 8 concurrent readers, 400 pages each way. Prints p50/p95/max.
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

        var anonymous = await MeasureAsync(_ => bed.Feed.DiscoverAsync(null, FeedQueries.DefaultPageSize, default));
        var personal = await MeasureAsync(i => bed.Personal.DiscoverAsync(users[i % users.Count].Id, null, FeedQueries.DefaultPageSize, default));
        output.WriteLine($"anonymous Discover query: p50 {anonymous.P50:F1} ms, p95 {anonymous.P95:F1} ms, max {anonymous.Max:F1} ms");
        output.WriteLine($"personal Discover queries: p50 {personal.P50:F1} ms, p95 {personal.P95:F1} ms, max {personal.Max:F1} ms");
    }

    private static readonly DateTimeOffset SocialTestBedStart = SocialStore.Tests.Domain.Social.SocialTestBed.Start;

    private static async Task<(double P50, double P95, double Max)> MeasureAsync<T>(Func<int, Task<T>> call)
    {
        for (var i = 0; i < 20; i++) await call(i);
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var watch = Stopwatch.StartNew();
            await call(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        });
        var sorted = times.Order().ToList();
        return (sorted[sorted.Count / 2], sorted[(int)(sorted.Count * 0.95)], sorted[^1]);
    }
}
