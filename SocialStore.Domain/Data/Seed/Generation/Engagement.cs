using SocialStore.Domain.Data.Seed.Banks;

namespace SocialStore.Domain.Data.Seed.Generation;

/// <summary>The facts of each note decided before any text is written (who, when, about what, how much attention).</summary>
internal readonly record struct NoteSkeleton(int Author, int Theme, bool Chinese, DateTimeOffset CreatedAt, int Likes, int Collects, int Comments);

/// <summary>
/// Who posts, and who likes, collects, comments and follows. Attention is uneven, as on a real site:
/// a few creators post much of the content and a few notes draw most of the likes.
/// </summary>
internal sealed class Engagement
{
    private const double ReplyShare = 0.3;

    private readonly SeedScaleOptions options;
    private readonly DateTimeOffset now;
    private readonly IReadOnlyList<SeedUser> users;
    private readonly int[] boardStart;
    private readonly int[] boardCount;
    private readonly double[] creatorCumulative;
    private readonly int[] author;
    private readonly int[] theme;
    private readonly bool[] chinese;
    private readonly DateTimeOffset[] created;
    private readonly int[] likes;
    private readonly int[] collects;
    private readonly int[] comments;

    public Engagement(SeedScaleOptions options, DateTimeOffset now, IReadOnlyList<SeedUser> users, IReadOnlyList<SeedBoard> boards)
    {
        this.options = options;
        this.now = now;
        this.users = users;
        (boardStart, boardCount) = BoardRanges(users.Count, boards);

        var random = SeedRandom.For(options.RandomSeed, "skeleton", 0);
        var creatorWeights = users.Select(_ => Math.Exp(1.1 * random.Gaussian())).ToArray();
        creatorCumulative = Cumulative(creatorWeights);

        var n = options.Notes;
        (author, theme, chinese) = (new int[n], new int[n], new bool[n]);
        for (var i = 0; i < n; i++)
        {
            var user = users[Sample(creatorCumulative, random)];
            author[i] = user.Index;
            theme[i] = random.NextDouble() < 0.8 ? random.Pick(user.Interests) : random.Next(TopicBank.All.Count);
            chinese[i] = user.Chinese ? random.NextDouble() > 0.04 : random.NextDouble() < 0.15;
        }
        // Positions follow time, so ids grow with creation time as they do for real posts.
        created = new DateTimeOffset[n];
        for (var i = 0; i < n; i++) created[i] = random.Between(now - TimeSpan.FromDays(options.NoteDays), now - TimeSpan.FromMinutes(20));
        Array.Sort(created);

        var popularity = new double[n];
        for (var i = 0; i < n; i++) popularity[i] = Math.Exp(1.2 * random.Gaussian());
        var cap = users.Count - 1;
        likes = Apportion(options.Likes, popularity, cap, random);
        collects = Apportion(options.Collects, popularity, cap, random);
        comments = Apportion(options.Comments, popularity, 500, random);
        TotalLikes = likes.Sum(x => (long)x);
        TotalCollects = collects.Sum(x => (long)x);
        TotalComments = comments.Sum(x => (long)x);
    }

    public long TotalLikes { get; }

    public long TotalCollects { get; }

    public long TotalComments { get; }

    public NoteSkeleton Note(int n) => new(author[n], theme[n], chinese[n], created[n], likes[n], collects[n], comments[n]);

    public IEnumerable<SeedLike> Likes()
    {
        var scratch = new HashSet<int>();
        for (var n = 0; n < options.Notes; n++)
        {
            var random = SeedRandom.For(options.RandomSeed, "likes", n);
            foreach (var user in OthersThanAuthor(random, n, likes[n], scratch))
                yield return new SeedLike(n, user, random.Between(Later(created[n], user), now, 2));
        }
    }

    public IEnumerable<SeedCollect> Collects()
    {
        var scratch = new HashSet<int>();
        for (var n = 0; n < options.Notes; n++)
        {
            var random = SeedRandom.For(options.RandomSeed, "collects", n);
            foreach (var user in OthersThanAuthor(random, n, collects[n], scratch))
            {
                // Most collects land in the default board; the rest in one of the collector's named boards.
                var board = boardStart[user] + (boardCount[user] > 1 && random.NextDouble() >= 0.6 ? 1 + random.Next(boardCount[user] - 1) : 0);
                yield return new SeedCollect(n, user, board, random.Between(Later(created[n], user), now, 2));
            }
        }
    }

    public IEnumerable<SeedComment> Comments()
    {
        long next = 0;
        var topLevel = new List<(long Index, DateTimeOffset At)>();
        for (var n = 0; n < options.Notes; n++)
        {
            var random = SeedRandom.For(options.RandomSeed, "comments", n);
            var topic = TopicBank.All[theme[n]];
            topLevel.Clear();
            for (var j = 0; j < comments[n]; j++)
            {
                var index = next++;
                if (topLevel.Count > 0 && random.NextDouble() < ReplyShare)
                {
                    var parent = random.Pick(topLevel);
                    var byAuthor = random.NextDouble() < 0.4;
                    var who = byAuthor ? author[n] : OtherUser(random, author[n]);
                    yield return new SeedComment(index, n, who, parent.Index, CommentText.Reply(random, chinese[n], byAuthor),
                        random.Between(Later(parent.At, who), now, 3));
                }
                else
                {
                    var who = OtherUser(random, author[n]);
                    var at = random.Between(Later(created[n], who), now, 2);
                    topLevel.Add((index, at));
                    yield return new SeedComment(index, n, who, null, CommentText.TopLevel(random, topic, chinese[n]), at);
                }
            }
        }
    }

    public IEnumerable<SeedFollow> Follows()
    {
        var average = (double)options.Follows / users.Count;
        var max = Math.Max(0, Math.Min(users.Count - 1, users.Count / 2));
        var chosen = new HashSet<int>();
        foreach (var follower in users)
        {
            var random = SeedRandom.For(options.RandomSeed, "follows", follower.Index);
            var k = Math.Clamp((int)Math.Round(average * Math.Exp(0.5 * random.Gaussian() - 0.125)), 0, max);
            chosen.Clear();
            // Popular creators are followed more; give up on a draw after enough repeats and take anyone.
            for (var attempts = 0; chosen.Count < k && attempts < k * 20; attempts++)
            {
                var followee = Sample(creatorCumulative, random);
                if (followee != follower.Index) chosen.Add(followee);
            }
            foreach (var followee in chosen.Order())
            {
                var since = Max(follower.CreatedAt, users[followee].CreatedAt);
                yield return new SeedFollow(follower.Index, followee, random.Between(since, now));
            }
        }
    }

    private IEnumerable<int> OthersThanAuthor(Random random, int note, int count, HashSet<int> scratch)
    {
        foreach (var pick in random.Distinct(users.Count - 1, count, scratch))
            yield return pick >= author[note] ? pick + 1 : pick;
    }

    private int OtherUser(Random random, int excluded)
    {
        var pick = random.Next(users.Count - 1);
        return pick >= excluded ? pick + 1 : pick;
    }

    /// <summary>Nobody acts before their account exists.</summary>
    private DateTimeOffset Later(DateTimeOffset at, int user) => Max(at, users[user].CreatedAt);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to the weights, no share above <paramref name="cap"/>
    /// (nobody likes a note twice); what the cap cuts off goes to the others, and random rounding keeps the sum close to the total.
    /// </summary>
    private static int[] Apportion(int total, double[] weights, int cap, Random random)
    {
        var result = new int[weights.Length];
        var remaining = (double)total;
        for (var pass = 0; pass < 6 && remaining >= 1; pass++)
        {
            var open = 0.0;
            for (var i = 0; i < weights.Length; i++) if (result[i] < cap) open += weights[i];
            if (open == 0) break;
            long assigned = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                if (result[i] >= cap) continue;
                var expected = remaining * weights[i] / open;
                var whole = Math.Floor(expected);
                var share = (int)Math.Min(cap - result[i], whole + (random.NextDouble() < expected - whole ? 1 : 0));
                result[i] += share;
                assigned += share;
            }
            remaining -= assigned;
        }
        return result;
    }

    private static double[] Cumulative(double[] weights)
    {
        var cumulative = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++) cumulative[i] = running += weights[i];
        return cumulative;
    }

    private static int Sample(double[] cumulative, Random random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var position = Array.BinarySearch(cumulative, target);
        return Math.Min(position < 0 ? ~position : position, cumulative.Length - 1);
    }

    private static (int[] Start, int[] Count) BoardRanges(int userCount, IReadOnlyList<SeedBoard> boards)
    {
        var (start, count) = (new int[userCount], new int[userCount]);
        Array.Fill(start, -1);
        foreach (var board in boards)
        {
            if (start[board.OwnerIndex] < 0) start[board.OwnerIndex] = board.Index;
            count[board.OwnerIndex]++;
        }
        return (start, count);
    }
}
