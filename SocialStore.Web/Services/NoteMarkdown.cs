using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SocialStore.Web.Services;

/// <summary>
/// Renders user Markdown safely (DESIGN.md §5): raw HTML disabled, only http(s)/mailto/relative
/// links, links marked rel="nofollow ugc noopener", images shown as links (no tracking pixels),
/// and #topics / @handles turned into links to their pages.
/// </summary>
public static class NoteMarkdown
{
    private static readonly MarkdownPipeline Pipeline = Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage) link.IsImage = false;
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        }
        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(link.Url)) link.Url = "#";
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>The body as plain text (for descriptions and previews), cut to <paramref name="max"/> characters.</summary>
    public static string ToPlainText(string markdown, int max = 160)
    {
        var text = Markdown.ToPlainText(markdown ?? "", Pipeline);
        text = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        var info = new System.Globalization.StringInfo(text);
        return info.LengthInTextElements <= max ? text : info.SubstringByTextElements(0, max - 1) + "…";
    }

    internal static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//")) return true;
        if (trimmed.StartsWith('#')) return true;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseSoftlineBreakAsHardlineBreak()
            .UseReferralLinks("nofollow", "ugc", "noopener");
        builder.InlineParsers.Insert(0, new TagInlineParser());
        return builder.Build();
    }

    /// <summary>#topic and @handle: a tag starts after whitespace, punctuation or a CJK character and ends at whitespace or punctuation.</summary>
    private sealed class TagInlineParser : InlineParser
    {
        public TagInlineParser() => OpeningCharacters = ['#', '@'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            var marker = slice.CurrentChar;
            var previous = slice.PeekCharExtra(-1);
            if (previous != '\0' && !char.IsWhiteSpace(previous) && !char.IsPunctuation(previous) && !IsCjk(previous)) return false;

            var start = slice.Start + 1;
            var end = start;
            var text = slice.Text;
            while (end <= slice.End && IsTagChar(text[end], marker)) end++;
            var length = end - start;
            if (length == 0 || length > 30) return false;
            var name = text.Substring(start, length);

            var url = marker == '#' ? "/topics/" + Uri.EscapeDataString(name) : "/u/" + Uri.EscapeDataString(name);
            var link = new LinkInline(url, "") { IsClosed = true, Span = new SourceSpan(processor.GetSourcePosition(slice.Start, out var line, out var column), end - 1) };
            link.Line = line;
            link.Column = column;
            link.AppendChild(new LiteralInline(marker + name));
            processor.Inline = link;
            slice.Start = end;
            return true;
        }

        private static bool IsTagChar(char c, char marker) =>
            marker == '#'
                ? char.IsLetterOrDigit(c) || c == '_'
                : c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_';

        private static bool IsCjk(char c) => c >= '\u2E80' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF';
    }
}
