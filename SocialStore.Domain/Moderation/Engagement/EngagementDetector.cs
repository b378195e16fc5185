using System.Security.Cryptography;
using System.Text;
using SocialStore.Domain.Moderation.Screening;

namespace SocialStore.Domain.Moderation.Engagement;

/// <summary>One like, collect or follow: who acted, whose content (or which account) it was aimed at, when.</summary>
public readonly record struct EngagementAct(string ActorId, string TargetUserId, DateTimeOffset At);

/// <summary>A like on a note, with the liker's account creation time (for bursts from new accounts).</summary>
public readonly record struct NoteLikeAct(long NoteId, string ActorId, DateTimeOffset At, DateTimeOffset ActorCreatedAt);

/// <summary>A review's text and author (for duplicate text across accounts).</summary>
public readonly record struct ReviewText(long ReviewId, string AuthorId, string Body);

public sealed record RingMember(string UserId, int Internal, int Total)
{
    public double Concentration => Total == 0 ? 0 : (double)Internal / Total;
}

public sealed record RingCandidate(IReadOnlyList<RingMember> Members)
{
    public string Key => EngagementDetector.KeyOf("ring", Members.Select(m => m.UserId));
}

public sealed record BurstCandidate(long NoteId, IReadOnlyList<string> Members, DateTimeOffset WindowStart, int Likes)
{
    public string Key => "burst:" + NoteId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record DuplicateCandidate(string Normalized, string Sample, IReadOnlyList<string> Members, IReadOnlyList<long> ReviewIds)
{
    public string Key => EngagementDetector.KeyOf("dup", [Normalized]);
}

public sealed record DetectorOptions
{
    public int MinRingSize { get; init; } = 3;

    /// <summary>The share of each member's engagement that must go to the other members.</summary>
    public double MinConcentration { get; init; } = 0.8;

    /// <summary>Accounts with fewer acts in the window are not judged (too little evidence).</summary>
    public int MinActs { get; init; } = 5;

    public int BurstMinLikes { get; init; } = 10;

    public TimeSpan BurstWindow { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan NewAccountAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Normalised review texts shorter than this are common phrases (好评, 很好用), not copies.</summary>
    public int DuplicateMinLength { get; init; } = 12;
}

/// <summary>
/// Pure detectors over in-memory engagement (ADR-047). Ring: Forem's reaction-ring idea — accounts that
/// engage with each other both ways, and whose engagement concentrates on the group, pruned until every
/// member passes; pairs that have followed each other both ways for long are not evidence.
/// </summary>
public static class EngagementDetector
{
    public static IReadOnlyList<RingCandidate> FindRings(
        IEnumerable<EngagementAct> acts,
        IReadOnlySet<(string, string)> longMutualPairs,
        DetectorOptions? options = null)
    {
        options ??= new DetectorOptions();
        var weights = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var act in acts)
        {
            if (act.ActorId == act.TargetUserId) continue;
            totals[act.ActorId] = totals.GetValueOrDefault(act.ActorId) + 1;
            if (!weights.TryGetValue(act.ActorId, out var row)) weights[act.ActorId] = row = new(StringComparer.Ordinal);
            row[act.TargetUserId] = row.GetValueOrDefault(act.TargetUserId) + 1;
        }

        int W(string a, string b) => weights.TryGetValue(a, out var r) ? r.GetValueOrDefault(b) : 0;
        bool LongMutual(string a, string b) => longMutualPairs.Contains(Pair(a, b));

        // The mutual graph: both engage with each other, both judged, not old mutual friends.
        var adjacency = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (a, row) in weights)
        {
            if (totals[a] < options.MinActs) continue;
            foreach (var b in row.Keys)
            {
                if (string.CompareOrdinal(a, b) >= 0 || totals.GetValueOrDefault(b) < options.MinActs) continue;
                if (W(b, a) == 0 || LongMutual(a, b)) continue;
                Link(a, b);
                Link(b, a);
            }
        }

        var rings = new List<RingCandidate>();
        var work = new Stack<HashSet<string>>(Components(adjacency, adjacency.Keys));
        while (work.Count > 0)
        {
            var group = work.Pop();
            if (group.Count < options.MinRingSize) continue;
            // Prune every member below the threshold at once: removing members only lowers the others' shares,
            // so this reaches the same largest group in which everyone passes as removing them one by one.
            var weak = group.Where(m => (double)Internal(m, group) / totals[m] < options.MinConcentration).ToList();
            if (weak.Count > 0)
            {
                group.ExceptWith(weak);
                foreach (var part in Components(adjacency, group)) work.Push(part);
                continue;
            }
            var members = group.OrderBy(m => m, StringComparer.Ordinal)
                .Select(m => new RingMember(m, Internal(m, group), totals[m])).ToList();
            rings.Add(new RingCandidate(members));
        }
        return rings.OrderByDescending(r => r.Members.Count).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

        int Internal(string m, HashSet<string> group) =>
            weights.TryGetValue(m, out var row) ? row.Where(kv => group.Contains(kv.Key) && !LongMutual(m, kv.Key)).Sum(kv => kv.Value) : 0;

        void Link(string a, string b)
        {
            if (!adjacency.TryGetValue(a, out var set)) adjacency[a] = set = new(StringComparer.Ordinal);
            set.Add(b);
        }
    }

    /// <summary>Connected components of <paramref name="within"/> in the graph restricted to it.</summary>
    private static List<HashSet<string>> Components(Dictionary<string, HashSet<string>> adjacency, IEnumerable<string> within)
    {
        var allowed = new HashSet<string>(within, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<HashSet<string>>();
        foreach (var start in allowed.OrderBy(x => x, StringComparer.Ordinal))
        {
            if (!seen.Add(start)) continue;
            var part = new HashSet<string>(StringComparer.Ordinal) { start };
            var queue = new Queue<string>([start]);
            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                if (!adjacency.TryGetValue(x, out var next)) continue;
                foreach (var y in next)
                {
                    if (!allowed.Contains(y) || !seen.Add(y)) continue;
                    part.Add(y);
                    queue.Enqueue(y);
                }
            }
            result.Add(part);
        }
        return result;
    }

    /// <summary>Per note, the busiest <see cref="DetectorOptions.BurstWindow"/> of likes from accounts younger than <see cref="DetectorOptions.NewAccountAge"/>.</summary>
    public static IReadOnlyList<BurstCandidate> FindBursts(IEnumerable<NoteLikeAct> likes, DetectorOptions? options = null)
    {
        options ??= new DetectorOptions();
        var result = new List<BurstCandidate>();
        foreach (var note in likes.Where(l => l.At - l.ActorCreatedAt < options.NewAccountAge).GroupBy(l => l.NoteId))
        {
            var sorted = note.OrderBy(l => l.At).ToList();
            int bestStart = 0, bestCount = 0, start = 0;
            for (var end = 0; end < sorted.Count; end++)
            {
                while (sorted[end].At - sorted[start].At >= options.BurstWindow) start++;
                if (end - start + 1 > bestCount)
                {
                    bestCount = end - start + 1;
                    bestStart = start;
                }
            }
            if (bestCount < options.BurstMinLikes) continue;
            var members = sorted.Skip(bestStart).Take(bestCount).Select(l => l.ActorId).Distinct(StringComparer.Ordinal)
                .OrderBy(x => x, StringComparer.Ordinal).ToList();
            result.Add(new BurstCandidate(note.Key, members, sorted[bestStart].At, bestCount));
        }
        return result.OrderBy(b => b.NoteId).ToList();
    }

    /// <summary>Review texts that are equal after normalising (width, case, spacing, punctuation) across two or more accounts.</summary>
    public static IReadOnlyList<DuplicateCandidate> FindDuplicateReviews(IEnumerable<ReviewText> reviews, DetectorOptions? options = null)
    {
        options ??= new DetectorOptions();
        return reviews
            .Select(r => (Review: r, Text: NormalizeReview(r.Body)))
            .Where(x => x.Text.Length >= options.DuplicateMinLength)
            .GroupBy(x => x.Text, StringComparer.Ordinal)
            .Select(g => (g, Authors: g.Select(x => x.Review.AuthorId).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList()))
            .Where(x => x.Authors.Count >= 2)
            .Select(x => new DuplicateCandidate(x.g.Key, x.g.First().Review.Body, x.Authors, x.g.Select(r => r.Review.ReviewId).Order().ToList()))
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The screening normalisation: full-width, case, digits, spacing and punctuation do not make a text new.</summary>
    public static string NormalizeReview(string? text) => ScreeningText.Normalize(text);

    public static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    internal static string KeyOf(string kind, IEnumerable<string> parts)
    {
        var joined = string.Join('\n', parts.OrderBy(p => p, StringComparer.Ordinal));
        return kind + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..40];
    }
}
