using System.Globalization;
using System.Text;

namespace SocialStore.Domain.Notes;

public enum TextTokenKind
{
    Text,
    Topic,
    Mention,
}

/// <summary>A run of text: plain text, a #topic or an @mention. <see cref="Value"/> is the name without its sign.</summary>
public readonly record struct TextToken(TextTokenKind Kind, int Start, int Length, string Value);

public sealed record ParsedTokens(IReadOnlyList<string> Topics, IReadOnlyList<string> Mentions);

/// <summary>
/// Finds #topics and @mentions in Chinese and English text (ADR-010). A sign starts a token unless it
/// follows a Latin letter, digit or one of <c>_ . - / & @ #</c> (so <c>C#</c>, <c>a@b.com</c> and
/// <c>/page#part</c> stay text); the token runs over letters of any script, digits, marks and
/// <c>_</c>, and ends at anything else — whitespace, punctuation (，。！ too), symbols, emoji.
/// <c>#护肤#</c> (closed the Xiaohongshu way) is the topic 护肤; <c>#护肤#美妆</c> is two topics.
/// </summary>
public static class TextTokens
{
    public const int MaxMentionLength = 40;
    public const int MaxTokensPerKind = 10;

    public static ParsedTokens Parse(string? text)
    {
        var topics = new List<string>();
        var mentions = new List<string>();
        foreach (var token in Tokenize(text))
        {
            var list = token.Kind switch { TextTokenKind.Topic => topics, TextTokenKind.Mention => mentions, _ => null };
            if (list is null || list.Count >= MaxTokensPerKind) continue;
            if (!list.Contains(token.Value, StringComparer.OrdinalIgnoreCase)) list.Add(token.Value);
        }
        return new ParsedTokens(topics, mentions);
    }

    /// <summary>Splits text into plain runs, topics and mentions, in order; the runs cover the whole text.</summary>
    public static IReadOnlyList<TextToken> Tokenize(string? text)
    {
        var tokens = new List<TextToken>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var kind = c switch
            {
                '#' or '＃' => TextTokenKind.Topic,
                '@' or '＠' => TextTokenKind.Mention,
                _ => TextTokenKind.Text,
            };
            if (kind == TextTokenKind.Text || !StartsAfter(text, i))
            {
                i++;
                continue;
            }
            var end = WordEnd(text, i + 1);
            var raw = text[(i + 1)..end];
            var value = kind == TextTokenKind.Topic ? NormaliseTopic(raw) : raw.Normalize(NormalizationForm.FormKC);
            var max = kind == TextTokenKind.Topic ? Topic.NameMaxLength : MaxMentionLength;
            var graphemes = new StringInfo(value).LengthInTextElements;
            if (graphemes == 0 || graphemes > max)
            {
                i = Math.Max(end, i + 1);
                continue;
            }
            // A topic may be closed with a second sign, as in "#护肤# 分享"; in "#护肤#美妆" that sign opens the next topic.
            var closed = kind == TextTokenKind.Topic && end < text.Length && text[end] is '#' or '＃' && WordEnd(text, end + 1) == end + 1;
            var tokenEnd = closed ? end + 1 : end;
            if (i > plainStart) tokens.Add(new TextToken(TextTokenKind.Text, plainStart, i - plainStart, text[plainStart..i]));
            tokens.Add(new TextToken(kind, i, tokenEnd - i, value));
            i = plainStart = tokenEnd;
        }
        if (plainStart < text.Length) tokens.Add(new TextToken(TextTokenKind.Text, plainStart, text.Length - plainStart, text[plainStart..]));
        return tokens;
    }

    /// <summary>Topics are compared and stored in one form: NFKC (full-width letters become ASCII) and lower case.</summary>
    public static string NormaliseTopic(string name) => name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private static bool StartsAfter(string text, int signIndex)
    {
        if (signIndex == 0) return true;
        var before = text[signIndex - 1];
        return !(char.IsAsciiLetterOrDigit(before) || before is '_' or '.' or '-' or '/' or '&' or '@' or '#' or '＃' or '＠' or ':' or '=');
    }

    private static int WordEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done) break;
            if (!IsWordRune(rune)) break;
            i += consumed;
        }
        return i;
    }

    private static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_') return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
    }
}
