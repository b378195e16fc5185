using AngleSharp.Dom;
using SocialStore.Domain.Data;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Social;
using SocialStore.Web.Components.Pages.Notes.Interactions;

namespace SocialStore.Tests.Components.Social;

public class CommentThreadTests
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">点我</a>",
        "\"><svg onload=alert(1)>",
        "#<img src=x onerror=alert(1)> #话题<script>",
        "@<b>小美</b> &lt;b&gt;",
        "<iframe src=\"https://evil.test\"></iframe><style>body{display:none}</style>",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Render_HtmlAndScriptInComments_AreShownAsInertText(bool signedIn)
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author", "<b>作者</b>");
        var attacker = await bed.UserAsync("attacker", "<script>alert('name')</script>");
        var noteId = await bed.NoteAsync(author.Id);
        var top = await bed.Comments.AddAsync(attacker.Id, noteId, "顶楼", null, default);
        foreach (var payload in Payloads)
        {
            bed.Clock.Advance(TimeSpan.FromSeconds(10));
            await bed.Comments.AddAsync(attacker.Id, noteId, payload, null, default);
        }
        await bed.Comments.AddAsync(author.Id, noteId, "<script>alert('reply')</script>", top.Id, default);

        var doc = await SocialComponentHost.RenderAsync<CommentThread>(
            new Dictionary<string, object?> { ["NoteId"] = noteId, ["InitialSort"] = CommentSort.New }, signedIn ? attacker.Id : null, bed);

        var thread = doc.QuerySelector("[data-testid=comment-thread]")!;
        Assert.Empty(thread.QuerySelectorAll("script, img, svg, iframe, style, b"));
        Assert.Empty(thread.QuerySelectorAll("a[href^='javascript' i]"));
        Assert.DoesNotContain(thread.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        var bodies = thread.QuerySelectorAll("[data-testid=comment-body]").Select(e => e.TextContent).ToList();
        foreach (var payload in Payloads) Assert.Contains(payload, bodies);
        Assert.Contains("<script>alert('reply')</script>", bodies);
        Assert.Contains("<script>alert('name')</script>", thread.QuerySelectorAll(".comment-author").Select(a => a.TextContent));
        // The topic link built from "#话题<script>" is only the topic.
        Assert.Equal("/topics/%E8%AF%9D%E9%A2%98", thread.QuerySelectorAll("a.topic").Single().GetAttribute("href"));
    }

    [Fact]
    public async Task Render_SignedOut_IsReadOnlyWithSignInLinks()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var noteId = await bed.NoteAsync(author.Id);
        await bed.Comments.AddAsync(author.Id, noteId, "作者的话", null, default);

        var doc = await SocialComponentHost.RenderAsync<CommentThread>(new Dictionary<string, object?> { ["NoteId"] = noteId }, null, bed);

        Assert.Null(doc.QuerySelector("textarea"));
        Assert.Null(doc.QuerySelector("[data-testid=comment-delete]"));
        var signIn = doc.QuerySelector(".comments-signin a")!;
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString($"/notes/{noteId}#comments-title-{noteId}")}", signIn.GetAttribute("href"));
        Assert.Equal("登录后发表评论", signIn.TextContent);
        Assert.StartsWith("/Account/Login?ReturnUrl=", doc.QuerySelector("a.comment-like")!.GetAttribute("href"));
        // Static markup never claims to be live: the marker appears only after the first interactive render.
        Assert.Null(doc.QuerySelector("[data-testid=comment-thread]")!.GetAttribute("data-ready"));
    }

    [Fact]
    public async Task Render_SignedIn_ShowsComposerCounterAuthorBadgeOwnDeleteAndReplyPreview()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author", "作者本人");
        var fans = await bed.ManyUsersAsync("fan", 5);
        var me = fans[0];
        var noteId = await bed.NoteAsync(author.Id);
        var mine = await bed.Comments.AddAsync(me.Id, noteId, "我的评论", null, default);
        foreach (var fan in fans) await bed.Comments.AddAsync(fan.Id, noteId, $"回复 {fan.Handle}", mine.Id, default);
        bed.Clock.Advance(TimeSpan.FromMinutes(2));
        await bed.Comments.AddAsync(author.Id, noteId, "作者来了", null, default);
        var gone = await bed.Comments.AddAsync(fans[1].Id, noteId, "要删掉", mine.Id, default);
        await bed.Comments.DeleteAsync(fans[1].Id, gone.Id, default);
        await bed.Likes.LikeCommentAsync(me.Id, mine.Id, default);

        var doc = await SocialComponentHost.RenderAsync<CommentThread>(new Dictionary<string, object?> { ["NoteId"] = noteId }, me.Id, bed);

        Assert.NotNull(doc.QuerySelector("textarea#composer-" + noteId));
        Assert.Equal("0/500", doc.QuerySelector("[data-testid=comment-counter]")!.TextContent);
        Assert.Equal("7", doc.QuerySelector("[data-testid=comment-count]")!.TextContent);
        var top = doc.QuerySelectorAll(".comment-list > li.comment").ToList();
        Assert.Equal(2, top.Count);
        Assert.Contains("我的评论", top[0].QuerySelector("[data-testid=comment-body]")!.TextContent); // hot: most liked first
        Assert.Equal("true", top[0].QuerySelector(":scope > .comment-main > .comment-actions .comment-like")!.GetAttribute("aria-pressed"));
        Assert.NotNull(top[0].QuerySelector(":scope > .comment-main > .comment-actions [data-testid=comment-delete]"));
        Assert.Null(top[1].QuerySelector("[data-testid=comment-delete]"));
        Assert.Equal("作者", top[1].QuerySelector("[data-testid=author-badge]")!.TextContent);
        Assert.Equal(3, top[0].QuerySelectorAll(".reply-list > li").Length);
        Assert.Equal("展开 2 条回复", top[0].QuerySelector(".more-replies")!.TextContent);
    }

    [Fact]
    public async Task Render_English_UsesEnglishStrings()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var noteId = await bed.NoteAsync(author.Id);

        var doc = await SocialComponentHost.RenderAsync<CommentThread>(new Dictionary<string, object?> { ["NoteId"] = noteId }, author.Id, bed, "en-US");

        Assert.Equal("No comments yet. Be the first!", doc.QuerySelector(".comments-empty")!.TextContent);
        Assert.Equal("Say something nice…", doc.QuerySelector("textarea")!.GetAttribute("placeholder"));
        Assert.Equal(["Top", "Newest"], doc.QuerySelectorAll(".comment-sort button").Select(b => b.TextContent));
    }

    [Fact]
    public async Task Render_NoteNotTakingComments_ShowsWhyAndNoComposer()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var noteId = await bed.NoteAsync(author.Id, SocialStore.Domain.Notes.NoteStatus.Hidden);

        var doc = await SocialComponentHost.RenderAsync<CommentThread>(new Dictionary<string, object?> { ["NoteId"] = noteId }, author.Id, bed);

        Assert.Null(doc.QuerySelector("textarea"));
        Assert.Contains("暂不可评论", doc.QuerySelector(".comments")!.TextContent);
    }
}
