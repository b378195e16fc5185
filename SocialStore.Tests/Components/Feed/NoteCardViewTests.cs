using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Shared;

namespace SocialStore.Tests.Components.Feed;

public class NoteCardViewTests
{
    private static NoteCard Card(int width, int height, string? avatar = "seed/avatars/1.svg") =>
        new(42, "秋冬护肤 <b>分享</b>", "i/2026/11/abc", width, height, 128, DateTimeOffset.UtcNow, "xiaomei", "小美", avatar);

    [Fact]
    public async Task Render_Portrait_ReservesTheCoverBoxAndLinksToTheNote()
    {
        var doc = await ComponentRenderer.RenderAsync<NoteCardView>(new Dictionary<string, object?> { ["Note"] = Card(900, 1200) });

        var img = doc.QuerySelector("img.note-cover")!;
        Assert.Equal("360", img.GetAttribute("width"));
        Assert.Equal("480", img.GetAttribute("height"));
        Assert.Equal("/media/i/2026/11/abc/w360.webp", img.GetAttribute("src"));
        Assert.Equal("/notes/42", doc.QuerySelector("a.note-card-link")!.GetAttribute("href"));
        Assert.Equal("/u/xiaomei", doc.QuerySelector("a.note-author")!.GetAttribute("href"));
        Assert.Contains("128", doc.QuerySelector(".note-likes")!.TextContent);
    }

    [Theory]
    [InlineData(1000, 5000, 480)] // a very tall image is shown at 3:4 at most
    [InlineData(4000, 1000, 270)] // a panorama at 4:3 at least
    [InlineData(0, 0, 480)]       // unknown size falls back to 3:4
    public async Task Render_ExtremeAspect_IsClamped(int width, int height, int expectedHeight)
    {
        var doc = await ComponentRenderer.RenderAsync<NoteCardView>(new Dictionary<string, object?> { ["Note"] = Card(width, height) });

        Assert.Equal(expectedHeight.ToString(), doc.QuerySelector("img.note-cover")!.GetAttribute("height"));
    }

    [Fact]
    public async Task Render_TitleWithMarkup_IsEncodedText()
    {
        var doc = await ComponentRenderer.RenderAsync<NoteCardView>(new Dictionary<string, object?> { ["Note"] = Card(1, 1) });

        Assert.Null(doc.QuerySelector(".note-title b"));
        Assert.Equal("秋冬护肤 <b>分享</b>", doc.QuerySelector(".note-title")!.TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "128 个赞")]
    [InlineData("en-US", "128 likes")]
    public async Task Render_LikeLabel_IsLocalised(string culture, string label)
    {
        var doc = await ComponentRenderer.RenderAsync<NoteCardView>(new Dictionary<string, object?> { ["Note"] = Card(1, 1) }, culture);

        Assert.Equal(label, doc.QuerySelector(".note-likes")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Render_NoAvatar_ShowsTheInitial()
    {
        var doc = await ComponentRenderer.RenderAsync<NoteCardView>(new Dictionary<string, object?> { ["Note"] = Card(1, 1, avatar: null) });

        Assert.Equal("小", doc.QuerySelector(".avatar-initial")!.TextContent);
    }
}
