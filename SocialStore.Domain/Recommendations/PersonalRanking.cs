using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Recommendations;

/// <summary>Which term of the score was largest: what "why am I seeing this" says.</summary>
public enum ReasonKind
{
    Trending,
    Follow,
    Topic,
    Similar,
}

/// <summary>The terms of a note's personal score before freshness (ADR-045 §2), each in [0, its weight].</summary>
public readonly record struct ScoreTerms(double Follow, double Topic, double Similar, double Trending)
{
    public double Sum => Follow + Topic + Similar + Trending;

    /// <summary>The largest term; ties go to the more personal reason (follow, topic, similar, then trending).</summary>
    public ReasonKind Largest
    {
        get
        {
            var (kind, value) = (ReasonKind.Follow, Follow);
            if (Topic > value) (kind, value) = (ReasonKind.Topic, Topic);
            if (Similar > value) (kind, value) = (ReasonKind.Similar, Similar);
            if (Trending > value) (kind, value) = (ReasonKind.Trending, Trending);
            return value > 0 ? kind : ReasonKind.Trending;
        }
    }
}

/// <summary>
/// A card of the personal feed with its reason; <see cref="Subject"/> is the topic name or author name the reason names,
/// <see cref="TopicId"/> the topic of a topic reason (for "not interested in this topic").
/// </summary>
public sealed record PersonalCard(NoteCard Card, ReasonKind Reason, string? Subject, int? TopicId, string AuthorId, double Score);

/// <summary>A note considered for the personal feed.</summary>
public sealed record Candidate(NoteCard Card, string AuthorId, IReadOnlyList<int> TopicIds, double Engagement);

/// <summary>
/// The personal ranking, pure so it can be tested without a database:
/// <c>score = freshness(age) · (1.0·follow + 1.2·topic + 1.0·similar + 0.6·trending)</c>, where freshness halves every
/// <see cref="HalfLifeHours"/>, topic is the note's best topic affinity (0–1, relative to the person's strongest topic),
/// similar is its co-engagement with what the person liked or collected (0–1), trending its engagement relative to the
/// pool's most engaged note on a log scale (0–1). Then <see cref="Diversify{T}"/> keeps any author or topic from flooding a page.
/// </summary>
public static class PersonalRanking
{
    public const double FollowWeight = 1.0;
    public const double TopicWeight = 1.2;
    public const double SimilarWeight = 1.0;
    public const double TrendingWeight = 0.6;
    public const double HalfLifeHours = 72;
    public const int MaxPerAuthorPerPage = 2;
    public const int MaxPerTopicPerPage = 3;

    public static double Freshness(TimeSpan age) => Math.Pow(0.5, Math.Max(0, age.TotalHours) / HalfLifeHours);

    public static double Score(ScoreTerms terms, TimeSpan age) => Freshness(age) * terms.Sum;

    public static ScoreTerms Terms(bool followed, double topicAffinity, double similarity, double engagement, double maxEngagement) => new(
        followed ? FollowWeight : 0,
        TopicWeight * Math.Clamp(topicAffinity, 0, 1),
        SimilarWeight * Math.Clamp(similarity, 0, 1),
        TrendingWeight * (maxEngagement <= 0 ? 0 : Math.Clamp(Math.Log10(1 + Math.Max(0, engagement)) / Math.Log10(1 + maxEngagement), 0, 1)));

    /// <summary>
    /// Reorders a ranked list page by page so a page of <paramref name="pageSize"/> has at most
    /// <paramref name="maxPerAuthor"/> notes of one author and <paramref name="maxPerTopic"/> of one topic. A note that does not
    /// fit waits for the next page (ahead of lower-ranked notes); whatever never fits goes at the end in rank order.
    /// </summary>
    public static List<T> Diversify<T>(IReadOnlyList<T> ranked, Func<T, string> author, Func<T, IReadOnlyList<int>> topics, int pageSize,
        int maxPerAuthor = MaxPerAuthorPerPage, int maxPerTopic = MaxPerTopicPerPage)
    {
        pageSize = Math.Max(1, pageSize);
        var result = new List<T>(ranked.Count);
        var pending = new List<T>(ranked);
        while (pending.Count > 0)
        {
            var authors = new Dictionary<string, int>(StringComparer.Ordinal);
            var topicCounts = new Dictionary<int, int>();
            var page = new List<T>(pageSize);
            var waiting = new List<T>();
            foreach (var item in pending)
            {
                var a = author(item);
                var fits = page.Count < pageSize
                           && authors.GetValueOrDefault(a) < maxPerAuthor
                           && topics(item).All(t => topicCounts.GetValueOrDefault(t) < maxPerTopic);
                if (!fits)
                {
                    waiting.Add(item);
                    continue;
                }
                page.Add(item);
                authors[a] = authors.GetValueOrDefault(a) + 1;
                foreach (var t in topics(item)) topicCounts[t] = topicCounts.GetValueOrDefault(t) + 1;
            }
            result.AddRange(page);
            // A page that could not be filled is the last one: what did not fit follows in rank order,
            // so every earlier page is full and page boundaries stay at multiples of the page size.
            if (page.Count < pageSize)
            {
                result.AddRange(waiting);
                break;
            }
            pending = waiting;
        }
        return result;
    }
}
