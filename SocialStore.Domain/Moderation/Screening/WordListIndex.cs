namespace SocialStore.Domain.Moderation.Screening;

/// <summary>What a word list entry does to text that contains it.</summary>
public enum ScreenAction
{
    /// <summary>An allow-list entry: a longer innocent word that contains a listed one; matches inside it are ignored.</summary>
    Allow = 0,

    /// <summary>The term is replaced with ＊ and the text published.</summary>
    Replace = 1,

    /// <summary>Published, and a reviewable is opened for a moderator to look at.</summary>
    Flag = 2,

    /// <summary>Saved but hidden, pending review, as a reviewable in the queue.</summary>
    Hold = 3,

    /// <summary>Refused with a message.</summary>
    Block = 4,
}

/// <summary>One term as the index knows it.</summary>
public sealed record ScreenTerm(string Term, ScreenAction Action, bool CommercialOnly = false);

/// <summary>A listed term found in a text, with where it is in the original text (for highlighting and replacing).</summary>
public sealed record ScreenHit(ScreenTerm Term, int OriginalStart, int OriginalEnd, string Found);

/// <summary>
/// A word list ready to screen: the matcher over its terms, and the rule that allow-list entries win. A
/// non-allow hit lying inside an allow hit (e.g. 操 inside 体操, 共产 inside 公共产品) is dropped, so the
/// classic false positive of a short word inside a longer innocent word never fires. Immutable.
/// </summary>
public sealed class WordListIndex
{
    private readonly WordMatcher _matcher;
    private readonly ScreenTerm[] _terms;

    public WordListIndex(IEnumerable<ScreenTerm> terms)
    {
        _terms = terms.ToArray();
        _matcher = new WordMatcher(_terms.Select(t => t.Term).ToArray());
    }

    public static WordListIndex Empty { get; } = new([]);

    public int Count => _terms.Length;

    /// <summary>The hits that count in <paramref name="text"/>; <paramref name="commercial"/> also applies the commercial-only terms (advertising law).</summary>
    public IReadOnlyList<ScreenHit> Find(string? text, bool commercial)
    {
        if (_terms.Length == 0 || string.IsNullOrEmpty(text)) return [];
        var normalised = ScreeningText.From(text);
        var raw = _matcher.Matches(normalised.Value);
        if (raw.Count == 0) return [];
        var allowed = raw.Where(h => _terms[h.Pattern].Action == ScreenAction.Allow).ToList();
        var result = new List<ScreenHit>();
        foreach (var hit in raw)
        {
            var term = _terms[hit.Pattern];
            if (term.Action == ScreenAction.Allow) continue;
            if (term.CommercialOnly && !commercial) continue;
            if (allowed.Any(a => a.Start <= hit.Start && a.End >= hit.End && a.Length > hit.Length)) continue;
            var start = normalised.Map[hit.Start];
            var end = normalised.Map[hit.End - 1] + 1;
            if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
            result.Add(new ScreenHit(term, start, end, text[start..end]));
        }
        return result;
    }

    /// <summary>
    /// Text with every hit's characters replaced by ＊ (spaces and punctuation the author put between them stay);
    /// the hits given are usually those whose action is <see cref="ScreenAction.Replace"/>.
    /// </summary>
    public static string Mask(string text, IEnumerable<ScreenHit> hits)
    {
        var chars = text.ToCharArray();
        var changed = false;
        foreach (var hit in hits)
        {
            for (var i = hit.OriginalStart; i < hit.OriginalEnd; i++)
            {
                if (char.IsWhiteSpace(chars[i]) || char.IsPunctuation(chars[i]) || char.IsLowSurrogate(chars[i])) continue;
                chars[i] = '＊';
                changed = true;
            }
        }
        if (!changed) return text;
        // A masked surrogate pair leaves a lone low surrogate: drop those.
        return new string(chars.Where((c, i) => !(char.IsLowSurrogate(c) && (i == 0 || chars[i - 1] == '＊'))).ToArray());
    }
}
