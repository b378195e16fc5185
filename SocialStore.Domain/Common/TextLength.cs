using System.Globalization;

namespace SocialStore.Domain.Common;

public static class TextLength
{
    /// <summary>Counts characters as a person does: one per grapheme (a Chinese character or an emoji is one).</summary>
    public static int Graphemes(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;
}
