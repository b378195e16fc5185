using System.Text;

namespace SocialStore.Domain.Common;

/// <summary>
/// How user-written text is stored — the one place for it. Validation (required, limits) stays with each
/// entity or service; lengths are counted on the normalised text with <see cref="TextLength"/>.
/// </summary>
public static class UserText
{
    /// <summary>One line of user text as stored (a title, a name, an alt text): one line, control characters removed, trimmed.</summary>
    public static string Line(string? text) =>
        string.IsNullOrEmpty(text) ? "" : new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();

    /// <summary>
    /// The text as it is stored: line breaks normalised, control characters (other than line breaks and
    /// tabs) removed, runs of blank lines shortened, trimmed. Used for note bodies, comments, reviews, answers, reports and moderators' reasons; the composers' counters count this text.
    /// </summary>
    public static string Paragraphs(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        text = text.ReplaceLineEndings("\n");
        var sb = new StringBuilder(text.Length);
        var newlines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                if (++newlines > 2) continue;
            }
            else if (char.IsControl(c) && c != '\t')
            {
                continue;
            }
            else
            {
                newlines = 0;
            }
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }
}
