using System.Diagnostics;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Recommendations;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Benchmarks;

/// <summary>
/// Offline evaluation of the personal Discover (issue 16 §4) — a benchmark, skipped unless SOCIALSTORE_BENCHMARKS=1.
/// A <see cref="TasteCommunity"/> (500 people, 20 topics, 3,000 notes over 30 days, likes and collects) is split at day 24:
/// engagements (a like or a collect) before it are the training log, engagements after it on notes that existed at the split
/// are each person's held-out set. Most-popular (all days and the last 3 days), recency and item-kNN are computed from the
/// training log in memory; "ours" is the production
/// <c>PersonalFeedQueries.DiscoverAsync</c> on a SQLite database holding exactly the training log, with the clock at the
/// split. NDCG@10 and Recall@20 over the full catalogue (every note published at the split, no sampled negatives),
/// excluding what the person liked in training and their own notes.
/// </summary>
[Trait("Category", BenchmarkGate.Category)]
public class OfflineEvaluationBenchmark(ITestOutputHelper output)
{
    private const int TrainDays = 24;
    private const int KnnNeighbours = 50;
    private const int RecentDays = 3;

    [BenchmarkFact]
    public async Task PersonalDiscover_AgainstBaselines_OnHeldOutLikes()
    {
        var watch = Stopwatch.StartNew();
        var community = new TasteCommunity();
        var split = TimeSpan.FromDays(TrainDays);
        var catalogue = community.Notes.Where(n => n.CreatedAfter < split).ToList();
        var inCatalogue = catalogue.Select(n => n.Index).ToHashSet();
        // Engagement = a like or a collect (one per person and note); the held-out set is every engagement after the split.
        var engagements = community.Engagements.ToList();
        var train = engagements.Where(l => l.At < split).ToList();
        var test = engagements.Where(l => l.At >= split && inCatalogue.Contains(l.Note)).ToList();
        var trainLikes = community.Likes.Where(l => l.At < split).ToList();
        var trainCollects = community.Collects.Where(l => l.At < split).ToList();
        var trainBy = train.GroupBy(l => l.User).ToDictionary(g => g.Key, g => g.Select(l => l.Note).ToHashSet());
        var testBy = test.GroupBy(l => l.User).ToDictionary(g => g.Key, g => g.Select(l => l.Note).ToHashSet());
        var evaluated = testBy.Keys.Where(trainBy.ContainsKey).Order().ToList();
        var own = catalogue.GroupBy(n => n.Author).ToDictionary(g => g.Key, g => g.Select(n => n.Index).ToHashSet());
        output.WriteLine($"community: {community.Users} people, {community.Topics} topics, {community.Notes.Count} notes ({catalogue.Count} at the split), "
                         + $"{community.Likes.Count} likes, {community.Collects.Count} collects = {engagements.Count} engagements ({train.Count} train: {trainLikes.Count} likes, "
                         + $"{trainCollects.Count} collects; {test.Count} test), {community.Follows.Count} follows; {evaluated.Count} people evaluated");

        // The production ranking, on a database holding the training log.
        await using var bed = await RecsTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var users = await bed.Social.ManyUsersAsync("o", community.Users);
        var start = SocialStore.Tests.Domain.Social.SocialTestBed.Start;
        var noteId = new Dictionary<int, long>();
        await using (var db = await bed.Social.Db.Factory.CreateDbContextAsync())
        {
            var topics = Enumerable.Range(0, community.Topics).Select(k => new Topic { Name = "评测话题" + k, CreatedAt = start }).ToList();
            db.Topics.AddRange(topics);
            await db.SaveChangesAsync();
            var likeCount = trainLikes.GroupBy(l => l.Note).ToDictionary(g => g.Key, g => g.Count());
            var collectCount = trainCollects.GroupBy(l => l.Note).ToDictionary(g => g.Key, g => g.Count());
            foreach (var chunk in catalogue.Chunk(500))
            {
                var notes = chunk.Select(n =>
                {
                    var note = Note.Create(users[n.Author].Id, $"评测笔记 {n.Index}", "正文",
                        [new NoteImage { StorageKey = "seed/c.svg", Width = 3, Height = 4 }], start + n.CreatedAfter);
                    note.SetCountsFromRows(likeCount.GetValueOrDefault(n.Index), collectCount.GetValueOrDefault(n.Index), 0);
                    return note;
                }).ToList();
                db.Notes.AddRange(notes);
                await db.SaveChangesAsync();
                for (var i = 0; i < chunk.Length; i++)
                {
                    noteId[chunk[i].Index] = notes[i].Id;
                    db.NoteTopics.Add(new NoteTopic { NoteId = notes[i].Id, TopicId = topics[chunk[i].Topic].Id });
                }
                await db.SaveChangesAsync();
            }
            db.NoteLikes.AddRange(trainLikes.Select(l => new NoteLike { UserId = users[l.User].Id, NoteId = noteId[l.Note], CreatedAt = start + l.At }));
            var boards = trainCollects.Select(c => c.User).Distinct()
                .ToDictionary(u => u, u => new Board { OwnerId = users[u].Id, Name = "默认收藏", IsDefault = true, CreatedAt = start });
            db.Boards.AddRange(boards.Values);
            await db.SaveChangesAsync();
            db.Collects.AddRange(trainCollects.Select(c => new Collect { UserId = users[c.User].Id, NoteId = noteId[c.Note], BoardId = boards[c.User].Id, CreatedAt = start + c.At }));
            db.Follows.AddRange(community.Follows.Select(f => new Follow { FollowerId = users[f.Follower].Id, FolloweeId = users[f.Followee].Id, CreatedAt = start }));
            await db.SaveChangesAsync();
        }
        bed.Social.Clock.Advance(split);
        var indexOf = noteId.ToDictionary(kv => kv.Value, kv => kv.Key);
        output.WriteLine($"loaded in {watch.Elapsed.TotalSeconds:F1} s");

        // Baselines, from the training log only.
        var popularity = train.GroupBy(l => l.Note).ToDictionary(g => g.Key, g => g.Count());
        var byPopularity = catalogue.OrderByDescending(n => popularity.GetValueOrDefault(n.Index)).ThenByDescending(n => n.CreatedAfter).Select(n => n.Index).ToList();
        // The stronger popularity baseline: engagements in the last three days before the split (ties: all-time, then newer).
        var recentPopularity = train.Where(l => l.At >= split - TimeSpan.FromDays(RecentDays)).GroupBy(l => l.Note).ToDictionary(g => g.Key, g => g.Count());
        var byRecentPopularity = catalogue.OrderByDescending(n => recentPopularity.GetValueOrDefault(n.Index)).ThenByDescending(n => popularity.GetValueOrDefault(n.Index))
            .ThenByDescending(n => n.CreatedAfter).Select(n => n.Index).ToList();
        var byRecency = catalogue.OrderByDescending(n => n.CreatedAfter).Select(n => n.Index).ToList();
        var neighbours = ItemNeighbours(train, KnnNeighbours);

        var methods = new[] { "most-popular (all 24 days)", $"most-popular, last {RecentDays} days", "recency", $"item-kNN (cosine, k={KnnNeighbours})", "ours (PersonalFeedQueries)" };
        var ndcg = methods.ToDictionary(m => m, _ => new List<double>());
        var recall = methods.ToDictionary(m => m, _ => new List<double>());
        var oursShort = 0;
        foreach (var u in evaluated)
        {
            var seen = trainBy[u];
            var mine = own.GetValueOrDefault(u) ?? [];
            bool Open(int i) => !seen.Contains(i) && !mine.Contains(i);
            var knnScore = new Dictionary<int, double>();
            foreach (var j in seen)
                foreach (var (i, s) in neighbours.GetValueOrDefault(j) ?? [])
                    if (inCatalogue.Contains(i)) knnScore[i] = knnScore.GetValueOrDefault(i) + s;
            // Notes without a kNN score follow in popularity order, so the list covers the whole catalogue.
            var knn = knnScore.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).Select(kv => kv.Key)
                .Concat(byPopularity.Where(i => !knnScore.ContainsKey(i)));
            var page = await bed.Personal.DiscoverAsync(users[u].Id, null, 20, default)
                       ?? throw new InvalidOperationException("personalisation is on by default");
            var ours = page.Items.Select(c => indexOf[c.Card.Id]).ToList();
            if (ours.Count < 20) oursShort++;
            var lists = new[] { byPopularity.Where(Open), byRecentPopularity.Where(Open), byRecency.Where(Open), knn.Where(Open), ours.Where(Open) };
            for (var m = 0; m < methods.Length; m++)
            {
                var top = lists[m].Take(20).Select(i => (long)i).ToList();
                var relevant = testBy[u].Select(i => (long)i).ToHashSet();
                ndcg[methods[m]].Add(RankingMetrics.NdcgAt(top, relevant, 10));
                recall[methods[m]].Add(RankingMetrics.RecallAt(top, relevant, 20));
            }
        }

        output.WriteLine("| method | NDCG@10 | Recall@20 |");
        output.WriteLine("|---|---:|---:|");
        foreach (var m in methods)
            output.WriteLine($"| {m} | {ndcg[m].Average():F4} | {recall[m].Average():F4} |");
        var oursNdcg = ndcg[methods[^1]].Average();
        output.WriteLine($"ours vs most-popular (all days), NDCG@10: {oursNdcg / ndcg[methods[0]].Average() - 1:+0.0%;-0.0%}; "
                         + $"vs most-popular (last {RecentDays} days): {oursNdcg / ndcg[methods[1]].Average() - 1:+0.0%;-0.0%}; "
                         + $"people whose personal page had fewer than 20 notes: {oursShort}");
        output.WriteLine($"total {watch.Elapsed.TotalSeconds:F1} s; machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    /// <summary>Item-item cosine on co-likes, |U_i ∩ U_j| / √(|U_i|·|U_j|), keeping each item's <paramref name="k"/> most similar items.</summary>
    private static Dictionary<int, List<(int Item, double Similarity)>> ItemNeighbours(IReadOnlyList<TasteCommunity.LikeRow> likes, int k)
    {
        var usersOf = likes.GroupBy(l => l.Note).ToDictionary(g => g.Key, g => g.Select(l => l.User).Distinct().ToList());
        var itemsOf = likes.GroupBy(l => l.User).ToDictionary(g => g.Key, g => g.Select(l => l.Note).Distinct().ToList());
        var result = new Dictionary<int, List<(int, double)>>();
        foreach (var (i, likers) in usersOf)
        {
            var co = new Dictionary<int, int>();
            foreach (var v in likers)
                foreach (var j in itemsOf[v])
                    if (j != i) co[j] = co.GetValueOrDefault(j) + 1;
            result[i] = co.Select(kv => (kv.Key, kv.Value / Math.Sqrt((double)likers.Count * usersOf[kv.Key].Count)))
                .OrderByDescending(x => x.Item2).ThenBy(x => x.Key).Take(k).ToList();
        }
        return result;
    }
}
