using System.Net;
using System.Text;

namespace SocialStore.Domain.Search;

/// <summary>
/// Marks what a query matched in the original text, in C# so every provider highlights alike:
/// the text is HTML-encoded in full and only the matched ranges are wrapped in &lt;mark&gt;.
/// </summary>
public static class SearchHighlighter
{
    public static string Highlight(string? text, IReadOnlyList<string> queryTerms)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var ranges = MatchRanges(text, queryTerms);
        if (ranges.Count == 0) return WebUtility.HtmlEncode(text);
        var html = new StringBuilder(text.Length + ranges.Count * 13);
        var position = 0;
        foreach (var (start, end) in ranges)
        {
            html.Append(WebUtility.HtmlEncode(text[position..start]));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            position = end;
        }
        html.Append(WebUtility.HtmlEncode(text[position..]));
        return html.ToString();
    }

    /// <summary>The original text's matched ranges [start, end), sorted and merged.</summary>
    public static IReadOnlyList<(int Start, int End)> MatchRanges(string text, IReadOnlyList<string> queryTerms)
    {
        var found = new List<(int Start, int End)>();
        if (queryTerms.Count == 0) return found;
        var terms = new HashSet<string>(queryTerms, StringComparer.Ordinal);
        foreach (var segment in SearchTokenizer.PositionedSegments(text))
        {
            var chars = segment.Chars;
            if (!segment.IsCjk)
            {
                if (terms.Contains(segment.Text)) found.Add((chars[0].Start, chars[^1].End));
                continue;
            }
            for (var i = 0; i < chars.Length; i++)
            {
                if (terms.Contains(chars[i].Value)) found.Add((chars[i].Start, chars[i].End));
                if (i + 1 < chars.Length && terms.Contains(chars[i].Value + chars[i + 1].Value))
                    found.Add((chars[i].Start, chars[i + 1].End));
            }
        }
        found.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var range in found)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            else
                merged.Add(range);
        }
        return merged;
    }
}

public static class SearchSnippets
{
    /// <summary>About <paramref name="length"/> characters of the text around its first match, highlighted; plain start if nothing matched.</summary>
    public static string Snippet(string? text, IReadOnlyList<string> terms, int length = 80)
    {
        if (string.IsNullOrEmpty(text)) return "";
        text = text.ReplaceLineEndings(" ");
        if (text.Length <= length) return SearchHighlighter.Highlight(text, terms);
        var ranges = SearchHighlighter.MatchRanges(text, terms);
        var start = ranges.Count == 0 ? 0 : Math.Max(0, ranges[0].Start - length / 4);
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
        var html = SearchHighlighter.Highlight(text[start..end], terms);
        return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
    }
}
