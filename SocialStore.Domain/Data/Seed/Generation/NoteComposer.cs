using System.Text;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data.Seed.Art;
using SocialStore.Domain.Data.Seed.Banks;
using SocialStore.Domain.Notes;

namespace SocialStore.Domain.Data.Seed.Generation;

/// <summary>Writes one note — title, Markdown body with #tags, topics and images — from a subject's phrase bank.</summary>
internal sealed class NoteComposer(SeedScaleOptions options, IReadOnlyDictionary<string, int> topicIndex)
{
    /// <summary>Pool pictures per subject and aspect ratio: four with a Chinese label, two with an English one.</summary>
    public const int PoolChinese = 4;
    public const int PoolEnglish = 2;

    private static readonly int[] ImageCountWeights = [25, 30, 25, 20];

    private readonly HashSet<string>? usedTitles = options.Showcase ? new(StringComparer.Ordinal) : null;

    public SeedNote Compose(int index, int author, TopicTheme theme, bool chinese, DateTimeOffset createdAt, int likes, int collects, int comments)
    {
        var random = SeedRandom.For(options.RandomSeed, "note", index);
        var filler = new SlotFiller(theme, chinese, random);
        var title = Title(theme, chinese, random, filler);
        var (body, topics) = BodyAndTopics(theme, chinese, random, filler);
        var images = Images(index, theme, chinese, title, topics[0], random);
        return new SeedNote(index, author, title, body, createdAt, images, topics.Select(t => topicIndex[t]).ToArray(), likes, collects, comments);
    }

    /// <summary>Every pool picture (volume sets only).</summary>
    public static IEnumerable<SeedArtwork> PoolCovers()
    {
        foreach (var theme in TopicBank.All)
            foreach (var ratio in AspectRatio.All)
                for (var k = 0; k < PoolChinese + PoolEnglish; k++)
                {
                    var spec = new CoverSpec(ratio, theme.Palettes[k % theme.Palettes.Length], theme.Emojis,
                        "#" + theme.TopicName(k < PoolChinese), null, k, SeedRandom.Derive(1, theme.Slug + ratio.Name, k));
                    yield return new SeedArtwork(PoolKey(theme, ratio, k), () => CoverArt.Draw(spec));
                }
    }

    private static string PoolKey(TopicTheme theme, AspectRatio ratio, int k) => $"seed/pool/covers/{theme.Slug}-{ratio.Name}-{k}.svg";

    private string Title(TopicTheme theme, bool chinese, Random random, SlotFiller filler)
    {
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var title = filler.Fill(random.Pick(chinese ? theme.TitlesZh : theme.TitlesEn)).Trim();
            if (!chinese) title = char.ToUpperInvariant(title[0]) + title[1..];
            if (TextLength.Graphemes(title) > Note.TitleMaxLength) continue;
            if (usedTitles is null || usedTitles.Add(title)) return title;
        }
        // Rare: every template drawn was taken or too long. A plain title is still a true one.
        var fallback = chinese ? $"{theme.Zh}日常分享" : $"My {theme.En} notes";
        if (usedTitles is not null)
            for (var n = 2; !usedTitles.Add(fallback); n++) fallback = chinese ? $"{theme.Zh}日常分享（{n}）" : $"My {theme.En} notes {n}";
        return fallback;
    }

    /// <summary>The Markdown body and the note's topics; every topic appears in the body as a #tag.</summary>
    private static (string Body, List<string> Topics) BodyAndTopics(TopicTheme theme, bool chinese, Random random, SlotFiller filler)
    {
        var tags = (chinese ? theme.TagsZh : theme.TagsEn).ToArray();
        random.Shuffle(tags);
        var subTopics = tags.Take(1 + random.Next(Math.Min(3, tags.Length))).ToList();
        var inlineTag = random.NextDouble() < 0.5;

        var sb = new StringBuilder(600);
        sb.Append(filler.Fill(random.Pick(chinese ? theme.OpeningsZh : theme.OpeningsEn)));
        if (inlineTag) sb.Append(" #").Append(subTopics[0]);
        sb.Append("\n\n");

        var points = (chinese ? theme.PointsZh : theme.PointsEn).ToArray();
        random.Shuffle(points);
        var count = Math.Min(points.Length, 3 + random.Next(3));
        switch (random.Next(3))
        {
            case 0:
                foreach (var point in points.Take(count)) sb.Append("- ").Append(filler.Fill(point)).Append('\n');
                break;
            case 1:
                sb.Append("**").Append(random.Pick(chinese ? CommonPhrases.HeadingsZh : CommonPhrases.HeadingsEn)).Append("**\n\n");
                for (var i = 0; i < count; i++) sb.Append(i + 1).Append(". ").Append(filler.Fill(points[i])).Append('\n');
                break;
            default:
                foreach (var point in points.Take(count))
                    sb.Append(random.Pick(CommonPhrases.BulletEmojis)).Append(' ').Append(filler.Fill(point)).Append("\n\n");
                break;
        }
        sb.Append('\n').Append(filler.Fill(random.Pick(chinese ? theme.ClosingsZh : theme.ClosingsEn)));
        if (random.NextDouble() < 0.5) sb.Append(' ').Append(random.Pick(chinese ? CommonPhrases.SignOffsZh : CommonPhrases.SignOffsEn));

        var topics = new List<string> { theme.TopicName(chinese) };
        topics.AddRange(subTopics);
        // A Chinese note that names a city also lands on that city's page (成都美食, 大理旅行 …).
        if (chinese && theme.CityTagZh is not null && filler.City is { } city) topics.Add(TopicBank.CityTopic(theme, city));
        sb.Append("\n\n").AppendJoin(' ', topics.Where(t => !(inlineTag && t == subTopics[0])).Select(t => "#" + t));
        return (sb.ToString().Trim(), topics);
    }

    private List<SeedImage> Images(int index, TopicTheme theme, bool chinese, string title, string mainTopic, Random random)
    {
        var count = 1 + WeightedIndex(random, ImageCountWeights);
        // A note's pictures share one shape, as they do in the app's carousel.
        var ratio = AspectRatio.Pick(random);
        var palette = random.Pick(theme.Palettes);
        var layout = random.Next(CoverArt.Layouts);
        var images = new List<SeedImage>(count);
        for (var i = 0; i < count; i++)
        {
            var alt = chinese ? $"{title}（{i + 1}/{count}）" : $"{title} ({i + 1}/{count})";
            if (options.Showcase)
            {
                var key = i == 0 ? $"seed/covers/{index}.svg" : $"seed/images/{index}-{i}.svg";
                var spec = new CoverSpec(ratio, palette, theme.Emojis, "#" + mainTopic, i == 0 ? title : null, layout + i,
                    SeedRandom.Derive(options.RandomSeed, "image", index * 16L + i));
                images.Add(new SeedImage(key, ratio.Width, ratio.Height, alt, spec));
            }
            else
            {
                var k = chinese ? random.Next(PoolChinese) : PoolChinese + random.Next(PoolEnglish);
                images.Add(new SeedImage(PoolKey(theme, ratio, k), ratio.Width, ratio.Height, alt, null));
            }
        }
        return images;
    }

    private static int WeightedIndex(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return 0;
    }
}
