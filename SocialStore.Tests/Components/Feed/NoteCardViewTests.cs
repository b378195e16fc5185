using Bunit;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Shared;

namespace SocialStore.Tests.Components.Feed;

/// <summary>
/// The card as the feed renders it. It holds the 广告/合作 label (<c>CreatorDisclosure</c>), which asks the cached
/// creator directory, so the domain is registered over a real (empty) database.
/// </summary>
public class NoteCardViewTests : IAsyncLifetime
{
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static NoteCard Card(int width, int height, string? avatar = "seed/avatars/1.svg") =>
        new(42, "秋冬护肤 <b>分享</b>", "i/2026/11/abc", width, height, 128, DateTimeOffset.UtcNow, "xiaomei", "小美", avatar);

    private IRenderedComponent<NoteCardView> Render(ComponentTestContext ctx, NoteCard card) =>
        ctx.UseDatabase(database).Render<NoteCardView>(p => p.Add(c => c.Note, card));

    [Fact]
    public void Render_Portrait_ReservesTheCoverBoxAndLinksToTheNote()
    {
        using var ctx = new ComponentTestContext();
        var cut = Render(ctx, Card(900, 1200));

        var img = cut.Find("img.note-cover");
        Assert.Equal("360", img.GetAttribute("width"));
        Assert.Equal("480", img.GetAttribute("height"));
        Assert.Equal("/media/i/2026/11/abc/w360.webp", img.GetAttribute("src"));
        Assert.Equal("/notes/42", cut.Find("a.note-card-link").GetAttribute("href"));
        Assert.Equal("/u/xiaomei", cut.Find("a.note-author").GetAttribute("href"));
        Assert.Contains("128", cut.Find(".note-likes").TextContent);
    }

    [Theory]
    [InlineData(1000, 5000, 480)] // a very tall image is shown at 3:4 at most
    [InlineData(4000, 1000, 270)] // a panorama at 4:3 at least
    [InlineData(0, 0, 480)]       // unknown size falls back to 3:4
    public void Render_ExtremeAspect_IsClamped(int width, int height, int expectedHeight)
    {
        using var ctx = new ComponentTestContext();
        var cut = Render(ctx, Card(width, height));

        Assert.Equal(expectedHeight.ToString(), cut.Find("img.note-cover").GetAttribute("height"));
    }

    [Fact]
    public void Render_TitleWithMarkup_IsEncodedText()
    {
        using var ctx = new ComponentTestContext();
        var cut = Render(ctx, Card(1, 1));

        Assert.Empty(cut.FindAll(".note-title b"));
        Assert.Equal("秋冬护肤 <b>分享</b>", cut.Find(".note-title").TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "128 个赞")]
    [InlineData("en-US", "128 likes")]
    public void Render_LikeLabel_IsLocalised(string culture, string label)
    {
        using var ctx = new ComponentTestContext(culture);
        var cut = Render(ctx, Card(1, 1));

        Assert.Equal(label, cut.Find(".note-likes").GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_NoAvatar_ShowsTheInitial()
    {
        using var ctx = new ComponentTestContext();
        var cut = Render(ctx, Card(1, 1, avatar: null));

        Assert.Equal("小", cut.Find(".avatar-initial").TextContent);
    }
}
