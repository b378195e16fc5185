using System.Text;

namespace SocialStore.Domain.Data.Seed.Banks;

/// <summary>Fills the {slots} of a template with words that fit the subject and the language, and remembers the city it chose.</summary>
internal sealed class SlotFiller(TopicTheme theme, bool chinese, Random random)
{
    private string? item;
    private City? city;
    private string? number;

    /// <summary>The city the text talks about, once a template has asked for one.</summary>
    public City? City => city;

    public string Fill(string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal)) return template;
        var sb = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            var close = template.IndexOf('}', open);
            sb.Append(template, i, open - i);
            sb.Append(Value(template.Substring(open + 1, close - open - 1)));
            i = close + 1;
        }
        return sb.ToString();
    }

    // One note talks about one item, one city and one number, however many templates mention them.
    private string Value(string slot) => slot switch
    {
        "item" => item ??= Pick(chinese ? theme.ItemsZh : theme.ItemsEn),
        "city" => (city ??= Pick(CommonPhrases.Cities)).Name(chinese),
        "n" => number ??= random.Next(2, 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "price" => Pick(CommonPhrases.Prices),
        "season" => Pick(chinese ? CommonPhrases.SeasonsZh : CommonPhrases.SeasonsEn),
        "who" => Pick(chinese ? CommonPhrases.WhoZh : CommonPhrases.WhoEn),
        _ => throw new InvalidOperationException($"Unknown slot {{{slot}}} in a phrase bank."),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

internal static class CityNames
{
    public static string Name(this City city, bool chinese) => chinese ? city.Zh : city.En;
}
