using System.Globalization;
using System.Text;

namespace SocialStore.Domain.Search;

/// <summary>
/// The one analyzer for indexing and querying (ADR-013), after Lucene's CJK bigram analyzer:
/// CJK text becomes single characters plus overlapping pairs, other letters and digits become
/// lower-cased words (NFKC first, so full-width ＳＰＦ５０ is spf50); punctuation, symbols, emoji
/// and every kind of search syntax are dropped, so no user character ever reaches a match expression.
/// A CJK run continues across whitespace and line breaks (面\n霜 still yields 面霜): Chinese does not
/// put spaces between words, so a break inside a CJK run is almost always layout, not a word boundary.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>Longer Latin words are cut to this length, on both sides, so index and query agree.</summary>
    public const int MaxWordLength = 40;

    /// <summary>A query keeps at most this many terms (a 500-character query stays one cheap lookup).</summary>
    public const int MaxQueryTerms = 16;

    /// <summary>The text as the index stores it: tokens separated by spaces.</summary>
    public static string IndexText(params string?[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
            foreach (var token in IndexTokens(part))
            {
                if (builder.Length > 0) builder.Append(' ');
                builder.Append(token);
            }
        return builder.ToString();
    }

    /// <summary>Index tokens: every CJK character, every overlapping CJK pair, every word.</summary>
    public static IEnumerable<string> IndexTokens(string? text)
    {
        foreach (var segment in Segments(text))
        {
            if (!segment.IsCjk)
            {
                yield return segment.Text;
                continue;
            }
            var chars = TextElements(segment.Text);
            for (var i = 0; i < chars.Count; i++)
            {
                yield return chars[i];
                if (i + 1 < chars.Count) yield return chars[i] + chars[i + 1];
            }
        }
    }

    /// <summary>
    /// Query terms, all of which must match: a one-character CJK run is that character, a longer run
    /// its overlapping pairs (the single characters add nothing), a word is itself. Distinct, capped.
    /// </summary>
    public static IReadOnlyList<string> QueryTerms(string? query)
    {
        var terms = new List<string>();
        foreach (var segment in Segments(query))
        {
            if (!segment.IsCjk)
            {
                Add(segment.Text);
                continue;
            }
            var chars = TextElements(segment.Text);
            if (chars.Count == 1) Add(chars[0]);
            for (var i = 0; i + 1 < chars.Count; i++) Add(chars[i] + chars[i + 1]);
        }
        return terms;

        void Add(string term)
        {
            if (terms.Count < MaxQueryTerms && !terms.Contains(term, StringComparer.Ordinal)) terms.Add(term);
        }
    }

    /// <summary>The searchable runs of a text: CJK runs (joined across whitespace) and words, normalised.</summary>
    public static IReadOnlyList<SearchSegment> Segments(string? text) =>
        PositionedSegments(text).Select(s => new SearchSegment(s.Text, s.IsCjk)).ToList();

    /// <summary>The runs with, for each normalised character, the range of the original text it came from.</summary>
    internal static IReadOnlyList<PositionedSegment> PositionedSegments(string? text)
    {
        var segments = new List<PositionedSegment>();
        if (string.IsNullOrEmpty(text)) return segments;
        var current = new List<(string Value, int Start, int End)>();
        var currentIsCjk = false;
        var pendingSpace = false;
        foreach (var (rune, start, length) in MappedRunes(text))
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = true;
                continue;
            }
            var kind = Classify(rune);
            if (kind == RuneKind.Other)
            {
                Flush();
                pendingSpace = false;
                continue;
            }
            var isCjk = kind == RuneKind.Cjk;
            // A CJK run goes on across whitespace; a word ends at whitespace; a change of script ends either.
            if (current.Count > 0 && (isCjk != currentIsCjk || (pendingSpace && !isCjk))) Flush();
            pendingSpace = false;
            currentIsCjk = isCjk;
            current.Add((rune.ToString(), start, start + length));
        }
        Flush();
        return segments;

        void Flush()
        {
            if (current.Count == 0) return;
            var value = string.Concat(current.Select(c => c.Value));
            if (!currentIsCjk && value.Length > MaxWordLength) value = value[..MaxWordLength];
            segments.Add(new PositionedSegment(value, currentIsCjk, current.ToArray()));
            current.Clear();
        }
    }

    internal enum RuneKind { Cjk, Word, Other }

    internal static RuneKind Classify(Rune rune)
    {
        if (IsCjk(rune)) return RuneKind.Cjk;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber => RuneKind.Word,
            // Combining marks belong to the letter before them (é written as e + ́ after NFKC is one rune anyway).
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => RuneKind.Word,
            _ => RuneKind.Other,
        };
    }

    /// <summary>Han, kana, Hangul and the CJK compatibility blocks: scripts written without spaces between words.</summary>
    internal static bool IsCjk(Rune rune)
    {
        var v = rune.Value;
        return v is >= 0x4E00 and <= 0x9FFF      // CJK Unified Ideographs
            or >= 0x3400 and <= 0x4DBF          // Extension A
            or >= 0x20000 and <= 0x2FA1F        // Extensions B–F, compatibility supplement
            or >= 0xF900 and <= 0xFAFF          // compatibility ideographs
            or >= 0x3040 and <= 0x30FF          // hiragana, katakana
            or >= 0x31F0 and <= 0x31FF          // katakana phonetic extensions
            or >= 0xAC00 and <= 0xD7AF          // Hangul syllables
            or >= 0x1100 and <= 0x11FF          // Hangul jamo
            or 0x3005 or 0x3006 or 0x3007;      // 々 〆 〇
    }

    /// <summary>Each rune folded on its own (NFKC, lower case) with the start and length of the original characters it came from.</summary>
    internal static IEnumerable<(Rune Rune, int Start, int Length)> MappedRunes(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                i += Math.Max(consumed, 1);
                continue;
            }
            if (rune.IsAscii)
            {
                yield return (Rune.ToLowerInvariant(rune), i, consumed);
            }
            else
            {
                var folded = rune.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
                foreach (var part in folded.EnumerateRunes()) yield return (part, i, consumed);
            }
            i += consumed;
        }
    }

    private static List<string> TextElements(string cjkRun)
    {
        var list = new List<string>(cjkRun.Length);
        foreach (var rune in cjkRun.EnumerateRunes()) list.Add(rune.ToString());
        return list;
    }
}

/// <summary>A normalised run of CJK characters or a word.</summary>
public readonly record struct SearchSegment(string Text, bool IsCjk);

internal sealed record PositionedSegment(string Text, bool IsCjk, (string Value, int Start, int End)[] Chars);
