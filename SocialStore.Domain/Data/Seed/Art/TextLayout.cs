using System.Globalization;

namespace SocialStore.Domain.Data.Seed.Art;

/// <summary>Breaks a short text into lines by approximate width (a CJK character or emoji is one unit, Latin about half).</summary>
internal static class TextLayout
{
    public static double Units(string text)
    {
        var units = 0.0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext()) units += ElementUnits((string)elements.Current);
        return units;
    }

    /// <summary>
    /// Wraps into as few lines as fit, with the lines about equally long (no lone last character);
    /// a title made of two parts ("A｜B") breaks between them.
    /// </summary>
    public static IReadOnlyList<string> WrapBalanced(string text, double maxUnitsPerLine)
    {
        if (Units(text) <= maxUnitsPerLine) return [text];
        var parts = text.Split(['｜', '|'], 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && parts.All(p => p.Length > 0 && Units(p) <= maxUnitsPerLine)) return parts;
        var lines = Wrap(text, maxUnitsPerLine);
        if (lines.Count < 2) return lines;
        var target = Math.Ceiling(Units(text) / lines.Count) + 0.5;
        var balanced = Wrap(text, target);
        return balanced.Count == lines.Count ? balanced : lines;
    }

    public static IReadOnlyList<string> Wrap(string text, double maxUnitsPerLine)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var token in Tokens(text))
        {
            var candidate = line + token;
            if (line.Length > 0 && Units(candidate.TrimEnd()) > maxUnitsPerLine)
            {
                lines.Add(line.TrimEnd());
                line = token.TrimStart();
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Trim().Length > 0) lines.Add(line.TrimEnd());
        return lines;
    }

    private static double ElementUnits(string element) => element switch
    {
        " " => 0.3,
        [var c] when char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) => 0.62,
        [var c] when c < 0x2E80 => 0.52,
        _ => 1.0,
    };

    /// <summary>Latin words stay whole; every other grapheme may start a new line.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var word = "";
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var latin = element.Length == 1 && element[0] < 0x2E80 && element[0] != ' ';
            if (latin)
            {
                word += element;
                continue;
            }
            if (word.Length > 0) yield return word;
            word = "";
            yield return element;
        }
        if (word.Length > 0) yield return word;
    }
}
