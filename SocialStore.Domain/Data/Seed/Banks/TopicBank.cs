namespace SocialStore.Domain.Data.Seed.Banks;

internal static partial class TopicBank
{
    private static IReadOnlyList<TopicTheme>? all;
    private static IReadOnlyList<string>? topicNames;

    // Lazy: the themes are static fields spread over partial files, whose initialisation order C# does not define.
    public static IReadOnlyList<TopicTheme> All =>
        all ??= [Skincare, Makeup, Outfits, Food, Travel, Home, Tech, Fitness, Parenting, Pets, Books, Photography, Coffee];

    /// <summary>
    /// Every topic name the seed can use, in a fixed order: subjects, their tags, then city topics.
    /// A note's #tags in the text are always among these, so the topic rows match the text.
    /// </summary>
    public static IReadOnlyList<string> TopicNames => topicNames ??= BuildTopicNames();

    public static string CityTopic(TopicTheme theme, City city) => theme.CityTagZh!.Replace("{city}", city.Zh, StringComparison.Ordinal);

    private static List<string> BuildTopicNames()
    {
        var names = new List<string>();
        names.AddRange(All.Select(t => t.Zh));
        names.AddRange(All.Select(t => t.En));
        names.AddRange(All.SelectMany(t => t.TagsZh.Concat(t.TagsEn)));
        names.AddRange(All.Where(t => t.CityTagZh is not null).SelectMany(t => CommonPhrases.Cities.Select(c => CityTopic(t, c))));
        return names.Distinct(StringComparer.Ordinal).ToList();
    }
}
