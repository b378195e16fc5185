using System.Globalization;
using SocialStore.Domain.Moderation.Engagement;
using Xunit.Abstractions;

namespace SocialStore.Tests.Domain.Moderation.Engagement;

/// <summary>
/// The ring detector on a generated community (ADR-047, docs/benchmarks.md): organic users with tastes follow
/// and like authors of their topics, popular authors draw most of it; organic clusters that must not be
/// flagged — groups of old friends who like each other and one popular author, and fan groups of recent
/// friends who mostly like one popular author who likes them back a little; and planted rings of 3, 5 and 8
/// accounts that spend most (80–95 %) of their engagement on each other and the rest as camouflage on
/// popular notes. Precision and recall are per account.
/// </summary>
public sealed class PlantedRingPrecisionTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed record Community(List<EngagementAct> Acts, HashSet<(string, string)> Friends, List<HashSet<string>> Rings, HashSet<string> OrganicClusterMembers);

    public static Community Generate(int seed, int organicUsers = 2000, int ringsPerSize = 4)
    {
        var random = new Random(seed);
        const int Topics = 40;
        var acts = new List<EngagementAct>();
        var friends = new HashSet<(string, string)>();
        var users = Enumerable.Range(0, organicUsers).Select(i => $"u{i:D5}").ToList();
        var topicOf = users.ToDictionary(u => u, _ => random.Next(Topics));
        // A few popular authors per topic, weighted like a long tail.
        var popular = users.Take(organicUsers / 25).ToList();
        var byTopic = users.GroupBy(u => topicOf[u]).ToDictionary(g => g.Key, g => g.ToList());
        var popularByTopic = popular.GroupBy(u => topicOf[u]).ToDictionary(g => g.Key, g => g.ToList());

        DateTimeOffset When() => Now.AddMinutes(-random.Next(30 * 24 * 60));
        void Act(string a, string b, int n = 1)
        {
            for (var i = 0; i < n; i++) acts.Add(new EngagementAct(a, b, When()));
        }
        string Pick(List<string> list) => list[random.Next(list.Count)];

        // Organic activity: three tastes each; 55 % popular authors of a taste, 35 % any author of a taste, 10 % anything.
        foreach (var u in users)
        {
            var tastes = new[] { topicOf[u], random.Next(Topics), random.Next(Topics) };
            var count = random.Next(3, 60);
            for (var i = 0; i < count; i++)
            {
                var topic = tastes[random.Next(tastes.Length)];
                var roll = random.NextDouble();
                var target = roll < 0.55 && popularByTopic.TryGetValue(topic, out var pop) ? Pick(pop)
                    : roll < 0.9 ? Pick(byTopic[topic]) : Pick(users);
                if (target != u) Act(u, target);
            }
        }

        var organicCluster = new HashSet<string>();
        // Old friends: 30 groups of 3–6 who followed each other both ways long ago, like each other a lot and one popular author.
        for (var g = 0; g < 30; g++)
        {
            var group = Enumerable.Range(0, random.Next(3, 7)).Select(_ => Pick(users)).Distinct().ToList();
            var star = Pick(popular);
            foreach (var a in group)
            {
                organicCluster.Add(a);
                foreach (var b in group.Where(b => b != a))
                {
                    friends.Add(EngagementDetector.Pair(a, b));
                    Act(a, b, random.Next(4, 12));
                }
                Act(a, star, random.Next(5, 20));
            }
        }
        // Fan groups: 30 groups of 3–8 recent friends (no long mutual follow) who mostly like one popular author,
        // like each other's notes now and then, and whom the author likes back a little.
        for (var g = 0; g < 30; g++)
        {
            var group = Enumerable.Range(0, random.Next(3, 9)).Select(_ => Pick(users)).Distinct().Where(u => !popular.Contains(u)).ToList();
            var star = Pick(popular);
            foreach (var a in group)
            {
                organicCluster.Add(a);
                Act(a, star, random.Next(10, 30));
                foreach (var b in group.Where(b => b != a)) Act(a, b, random.Next(1, 3));
                Act(star, a, 1);
            }
        }

        // Planted rings: 3, 5 and 8 accounts; 80–95 % of their acts on each other, the rest camouflage on popular authors.
        var rings = new List<HashSet<string>>();
        var ringId = 0;
        foreach (var size in new[] { 3, 5, 8 })
        {
            for (var r = 0; r < ringsPerSize; r++, ringId++)
            {
                var ring = Enumerable.Range(0, size).Select(i => $"ring{ringId:D2}_{i}").ToList();
                rings.Add(ring.ToHashSet());
                foreach (var a in ring)
                {
                    var total = random.Next(20, 60);
                    var inside = (int)Math.Round(total * (0.80 + random.NextDouble() * 0.15));
                    // Everyone in the ring boosts everyone else at least once, then at random.
                    foreach (var b in ring.Where(b => b != a)) Act(a, b);
                    for (var i = size - 1; i < inside; i++)
                    {
                        var b = Pick(ring);
                        if (b != a) Act(a, b);
                        else i--;
                    }
                    for (var i = inside; i < total; i++) Act(a, Pick(popular));
                }
            }
        }
        return new Community(acts, friends, rings, organicCluster);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FindRings_OnAPlantedCommunity_PrecisionAndRecallAtLeast90Percent(int seed)
    {
        var community = Generate(seed);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var found = EngagementDetector.FindRings(community.Acts, community.Friends);

        started.Stop();
        var flagged = found.SelectMany(r => r.Members.Select(m => m.UserId)).ToHashSet();
        var planted = community.Rings.SelectMany(r => r).ToHashSet();
        var truePositives = flagged.Count(planted.Contains);
        var precision = flagged.Count == 0 ? 0 : (double)truePositives / flagged.Count;
        var recall = (double)truePositives / planted.Count;
        var ringsFound = community.Rings.Count(r => found.Any(f => f.Members.Count(m => r.Contains(m.UserId)) >= Math.Max(3, r.Count - 1)));
        var organicFlagged = flagged.Count(community.OrganicClusterMembers.Contains);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}: {community.Acts.Count} acts, {planted.Count} planted accounts in {community.Rings.Count} rings, {community.OrganicClusterMembers.Count} organic cluster members; " +
            $"flagged {flagged.Count} in {found.Count} rings; precision {precision:F3}, recall {recall:F3}; rings found {ringsFound}/{community.Rings.Count}; organic cluster members flagged {organicFlagged}; {started.ElapsedMilliseconds} ms"));

        Assert.True(precision >= 0.9, $"precision {precision}");
        Assert.True(recall >= 0.9, $"recall {recall}");
        Assert.Equal(0, organicFlagged);
    }
}
