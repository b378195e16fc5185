using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;

namespace SocialStore.Web.Services;

/// <summary>
/// Renders user Markdown safely (ADR-034 §5): raw HTML disabled, only http(s)/mailto/relative
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

    /// <summary>#topic and @handle links, by the same rules as the domain's parser (<see cref="TextTokens"/>, ADR-010).</summary>
    private sealed class TagInlineParser : InlineParser
    {
        public TagInlineParser() => OpeningCharacters = ['#', '@', '＃', '＠'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            // Tokenize from the character before the sign (it decides whether a tag may start) to the end of the line.
            var from = Math.Max(0, slice.Start - 1);
            var window = slice.Text.Substring(from, slice.End - from + 1);
            var offset = slice.Start - from;
            var token = TextTokens.Tokenize(window).FirstOrDefault(t => t.Start == offset);
            if (token.Kind == TextTokenKind.Text || token.Length == 0) return false;

            var url = token.Kind == TextTokenKind.Topic
                ? "/topics/" + Uri.EscapeDataString(token.Value)
                : Handles.IsValid(token.Value) ? "/u/" + Uri.EscapeDataString(token.Value) : null;
            if (url is null) return false;
            var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
            var link = new LinkInline(url, "") { IsClosed = true, Span = new SourceSpan(start, start + token.Length - 1), Line = line, Column = column };
            link.AppendChild(new LiteralInline(window.Substring(token.Start, token.Length)));
            processor.Inline = link;
            slice.Start += token.Length;
            return true;
        }
    }
}
