using System.Globalization;
using System.Text;

namespace SocialStore.Domain.Moderation.Screening;

/// <summary>
/// Text as the word matcher sees it: NFKC (full-width letters and digits become half-width), case folded,
/// whitespace, punctuation, symbols and invisible characters dropped (so "微 信", "微.信" and "微信" are the
/// same), and digits written differently made one: full-width digits (by NFKC), Chinese numerals
/// 〇零一二三四五六七八九 and their financial forms 壹贰叁肆伍陆柒捌玖 become 0–9. Patterns and text go through
/// the same normalisation, so a pattern "第一" matches "第1", "第 一" and "ＤＩ１"-style variants alike.
/// <see cref="Map"/> gives, for each kept character, the index of the original character it came from, so a
/// match can be highlighted or replaced in the text the author wrote.
/// </summary>
public readonly struct ScreeningText
{
    private ScreeningText(string value, int[] map)
    {
        Value = value;
        Map = map;
    }

    public string Value { get; }

    /// <summary>Map[i] is the index in the original text of the character that produced Value[i].</summary>
    public int[] Map { get; }

    public static string Normalize(string? text) => From(text).Value;

    public static ScreeningText From(string? text)
    {
        if (string.IsNullOrEmpty(text)) return new ScreeningText("", []);
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Outside the BMP: emoji and rare ideographs. Emoji (symbols) are dropped; letters are kept as they are.
                var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
                if (Keeps(category))
                {
                    builder.Append(c).Append(text[i + 1]);
                    map.Add(i);
                    map.Add(i);
                }
                i++;
                continue;
            }
            var folded = Table[c] ??= FoldOne(c);
            foreach (var k in folded) Add(k, i);
        }
        return new ScreeningText(builder.ToString(), map.ToArray());

        void Add(char value, int index)
        {
            builder.Append(value);
            map.Add(index);
        }
    }

    /// <summary>What each BMP character becomes (filled on first use; races write the same value).</summary>
    private static readonly string?[] Table = new string?[char.MaxValue + 1];

    private static string FoldOne(char c)
    {
        if (c is >= 'A' and <= 'Z') return ((char)(c + 32)).ToString();
        if (c is >= 'a' and <= 'z' or >= '0' and <= '9') return c.ToString();
        if (c < 0x80 || char.IsSurrogate(c)) return "";
        var digit = Fold(c);
        if (digit != '\0') return digit.ToString();
        var result = new StringBuilder();
        foreach (var k in c.ToString().Normalize(NormalizationForm.FormKC))
        {
            var lower = char.ToLowerInvariant(k);
            var d = Fold(lower);
            if (d != '\0') result.Append(d);
            else if (Keeps(CharUnicodeInfo.GetUnicodeCategory(lower))) result.Append(lower);
        }
        return result.ToString();
    }

    /// <summary>Chinese numerals to digits; '\0' for anything else.</summary>
    private static char Fold(char c) => c switch
    {
        '〇' or '零' => '0',
        '一' or '壹' => '1',
        '二' or '贰' or '貳' or '两' => '2',
        '三' or '叁' or '參' => '3',
        '四' or '肆' => '4',
        '五' or '伍' => '5',
        '六' or '陆' or '陸' => '6',
        '七' or '柒' => '7',
        '八' or '捌' => '8',
        '九' or '玖' => '9',
        _ => '\0',
    };

    /// <summary>Letters, digits and marks are kept; spaces, punctuation, symbols, controls and format characters are not.</summary>
    private static bool Keeps(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };
}
