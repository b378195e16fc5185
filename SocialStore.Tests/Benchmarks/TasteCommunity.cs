namespace SocialStore.Tests.Benchmarks;

/// <summary>
/// A deterministic community whose behaviour has structure, for the offline evaluation (issue 16 §4): topics with
/// audiences of different sizes (Zipf-like), people with tastes over 1–3 topics and an activity level, creators with a
/// home topic, notes with a quality, and likes that follow taste (85 %; otherwise a random topic) or a followed creator
/// (10 %), and prefer good and fresh notes (attention halves every <see cref="AttentionHalfLifeDays"/> days). Each act is a
/// like (75 %), a collect (15 %) or both (10 %), so both kinds of engagement carry the same tastes.
/// Everything comes from one seeded <see cref="Random"/>; nothing of it is in the product.
/// </summary>
public sealed class TasteCommunity
{
    public const double AttentionHalfLifeDays = 3;

    public sealed record NoteRow(int Index, int Author, int Topic, double Quality, TimeSpan CreatedAfter);

    public sealed record LikeRow(int User, int Note, TimeSpan At);

    public int Users { get; }

    public int Topics { get; }

    public TimeSpan Span { get; }

    public List<NoteRow> Notes { get; } = [];

    public List<LikeRow> Likes { get; } = [];

    /// <summary>Collects (same shape as a like: who, which note, when).</summary>
    public List<LikeRow> Collects { get; } = [];

    /// <summary>Every engagement, likes and collects, one row per (person, note): the first act on the note.</summary>
    public IEnumerable<LikeRow> Engagements => Likes.Concat(Collects).GroupBy(e => (e.User, e.Note)).Select(g => g.MinBy(e => e.At)!);

    public HashSet<(int Follower, int Followee)> Follows { get; } = [];

    public TasteCommunity(int users = 500, int topics = 20, int creators = 150, int notes = 3000, int days = 30, int seed = 45)
    {
        Users = users;
        Topics = topics;
        Span = TimeSpan.FromDays(days);
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        int Pick(IReadOnlyList<double> weights)
        {
            var x = random.NextDouble() * weights.Sum();
            for (var i = 0; i < weights.Count; i++)
            {
                x -= weights[i];
                if (x <= 0) return i;
            }
            return weights.Count - 1;
        }

        // Topics have audiences: a few are big, most are niche.
        var audience = Enumerable.Range(0, topics).Select(k => 1 / Math.Pow(k + 1, 0.8)).ToArray();
        var tastes = new List<(int Topic, double Weight)>[users];
        var activity = new int[users];
        for (var u = 0; u < users; u++)
        {
            var count = 1 + random.Next(3);
            var chosen = new Dictionary<int, double>();
            while (chosen.Count < count) chosen[Pick(audience)] = Math.Exp(Gaussian());
            tastes[u] = chosen.Select(kv => (kv.Key, kv.Value)).ToList();
            activity[u] = (int)Math.Clamp(Math.Round(45 * Math.Exp(0.6 * Gaussian())), 8, 250);
        }
        // Creators are people too: their home topic is their strongest taste.
        var creatorIds = Enumerable.Range(0, users).OrderBy(_ => random.Next()).Take(creators).ToArray();
        var home = creatorIds.ToDictionary(c => c, c => tastes[c].MaxBy(t => t.Weight).Topic);
        var creatorWeight = creatorIds.Select(_ => Math.Exp(0.9 * Gaussian())).ToArray();
        for (var i = 0; i < notes; i++)
        {
            var creator = creatorIds[Pick(creatorWeight)];
            // Mostly the home topic, sometimes another of the creator's tastes.
            var topic = random.NextDouble() < 0.8 ? home[creator] : tastes[creator][random.Next(tastes[creator].Count)].Topic;
            Notes.Add(new NoteRow(i, creator, topic, Math.Exp(0.8 * Gaussian()), TimeSpan.FromMinutes(random.NextDouble() * Span.TotalMinutes)));
        }
        var byTopic = Notes.GroupBy(n => n.Topic).ToDictionary(g => g.Key, g => g.OrderBy(n => n.CreatedAfter).ToList());
        var byAuthor = Notes.GroupBy(n => n.Author).ToDictionary(g => g.Key, g => g.OrderBy(n => n.CreatedAfter).ToList());

        // Follows: creators of one's tastes, now and then anyone.
        for (var u = 0; u < users; u++)
        {
            var want = 2 + random.Next(7);
            var mine = 0;
            var matching = creatorIds.Where(c => c != u && tastes[u].Any(t => t.Topic == home[c])).ToList();
            for (var tries = 0; tries < 50 && mine < want; tries++)
            {
                var followee = random.NextDouble() < 0.8 && matching.Count > 0
                    ? matching[random.Next(matching.Count)]
                    : creatorIds[random.Next(creatorIds.Length)];
                if (followee != u && Follows.Add((u, followee))) mine++;
            }
        }
        var followed = Enumerable.Range(0, users).Select(u => Follows.Where(f => f.Follower == u).Select(f => f.Followee).ToList()).ToArray();

        // Likes: each at a random moment, on a note that exists then, chosen by taste or follow, quality and freshness.
        var liked = new HashSet<(int, int)>();
        for (var u = 0; u < users; u++)
        {
            var tasteWeights = tastes[u].Select(t => t.Weight).ToList();
            for (var n = 0; n < activity[u]; n++)
            {
                var at = TimeSpan.FromMinutes(random.NextDouble() * Span.TotalMinutes);
                var roll = random.NextDouble();
                List<NoteRow> pool = roll < 0.10 && followed[u].Count > 0
                    ? byAuthor.GetValueOrDefault(followed[u][random.Next(followed[u].Count)]) ?? []
                    : roll < 0.85 ? byTopic.GetValueOrDefault(tastes[u][Pick(tasteWeights)].Topic) ?? [] : byTopic.GetValueOrDefault(random.Next(topics)) ?? [];
                var open = pool.TakeWhile(x => x.CreatedAfter <= at).Where(x => x.Author != u && !liked.Contains((u, x.Index))).ToList();
                if (open.Count == 0) continue;
                var weights = open.Select(x => x.Quality * Math.Pow(0.5, (at - x.CreatedAfter).TotalDays / AttentionHalfLifeDays)).ToList();
                var note = open[Pick(weights)];
                liked.Add((u, note.Index));
                var kind = random.NextDouble();
                if (kind < 0.75 || kind >= 0.90) Likes.Add(new LikeRow(u, note.Index, at));
                if (kind >= 0.75) Collects.Add(new LikeRow(u, note.Index, at));
            }
        }
    }
}
