using AngleSharp.Html.Parser;
using SocialStore.Web.Services;

namespace SocialStore.Tests.Components.Notes;

public class NoteMarkdownTests
{
    /// <summary>Payloads that must come out inert: no element that runs script, no script URL, no event handler.</summary>
    public static TheoryData<string> XssPayloads => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click]( javascript:alert(1) )",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![img](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "\"><script>alert(1)</script>",
        "<javascript:alert(1)>",
        "[a](vbscript:msgbox(1))",
        "<style>body{display:none}</style>",
    };

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void ToHtml_Payload_IsInert(string payload)
    {
        var html = NoteMarkdown.ToHtml("正文 " + payload + " 结束");
        var doc = new HtmlParser().ParseDocument($"<html><body>{html}</body></html>");

        Assert.Empty(doc.QuerySelectorAll("script, iframe, svg, style, img, object, embed"));
        foreach (var element in doc.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            var href = element.GetAttribute("href");
            if (href is not null) Assert.True(NoteMarkdown.IsSafeUrl(href), $"unsafe href {href}");
        }
    }

    [Fact]
    public void ToHtml_Links_AreNofollowUgcNoopener()
    {
        var html = NoteMarkdown.ToHtml("see [shop](https://example.com/x)");
        var link = new HtmlParser().ParseDocument(html).QuerySelector("a")!;

        Assert.Equal("https://example.com/x", link.GetAttribute("href"));
        Assert.Equal(["nofollow", "ugc", "noopener"], link.GetAttribute("rel")!.Split(' '));
    }

    [Fact]
    public void ToHtml_TopicsAndHandles_LinkToTheirPages()
    {
        var html = NoteMarkdown.ToHtml("今天的#护肤 分享 @xiao_mei 一起来，邮箱 a@b.com 不算");
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();

        Assert.Contains(("/topics/%E6%8A%A4%E8%82%A4", "#护肤"), links);
        Assert.Contains(("/u/xiao_mei", "@xiao_mei"), links);
        Assert.Equal(2, links.Count);
    }

    [Fact]
    public void ToPlainText_StripsMarkdownAndCuts()
    {
        var text = NoteMarkdown.ToPlainText("# 标题\n\n**很好用**的[面霜](https://x.example)\n\n" + new string('好', 300), 50);

        Assert.StartsWith("标题 很好用的面霜", text);
        Assert.Equal(50, new System.Globalization.StringInfo(text).LengthInTextElements);
        Assert.EndsWith("…", text);
    }
}
