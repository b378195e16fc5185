using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Social;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Pages.Social;

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

    private static IRenderedComponent<CommentThread> Render(ComponentTestContext ctx, long noteId, CommentSort sort = CommentSort.Hot, int? pageSize = null) =>
        ctx.Render<CommentThread>(p =>
        {
            p.Add(c => c.NoteId, noteId).Add(c => c.InitialSort, sort);
            if (pageSize is { } size) p.Add(c => c.PageSize, size);
        });

    /// <summary>The bodies of the top-level comments, in the order shown.</summary>
    private static List<string> TopBodies(IRenderedComponent<CommentThread> cut) =>
        cut.FindAll(".comment-list > li.comment").Select(li => Body(li)).ToList();

    private static string Body(IElement comment) =>
        comment.QuerySelector(":scope > .comment-main > [data-testid=comment-body]")?.TextContent ?? "";

    private static IElement Comment(IRenderedComponent<CommentThread> cut, string body) =>
        cut.FindAll("li.comment").Single(li => Body(li) == body);

    /// <summary>The action row of a comment (its own, not its replies').</summary>
    private static IElement Actions(IElement comment) => comment.QuerySelector(":scope > .comment-main > .comment-actions")!;

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
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock);
        if (signedIn) ctx.SignIn(attacker.Id);

        var cut = Render(ctx, noteId, CommentSort.New);

        var thread = cut.Find("[data-testid=comment-thread]");
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
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock);

        var cut = Render(ctx, noteId);

        Assert.Empty(cut.FindAll("textarea"));
        Assert.Empty(cut.FindAll("[data-testid=comment-delete]"));
        var signIn = cut.Find(".comments-signin a");
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString($"/notes/{noteId}#comments-title-{noteId}")}", signIn.GetAttribute("href"));
        Assert.Equal("登录后发表评论", signIn.TextContent);
        Assert.StartsWith("/Account/Login?ReturnUrl=", cut.Find("a.comment-like").GetAttribute("href"));
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
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(me.Id);

        var cut = Render(ctx, noteId);

        Assert.Equal("composer-" + noteId, cut.Field("评论内容").Id);
        Assert.Equal("0/500", cut.Find("[data-testid=comment-counter]").TextContent);
        Assert.Equal("7", cut.Find("[data-testid=comment-count]").TextContent);
        var top = cut.FindAll(".comment-list > li.comment").ToList();
        Assert.Equal(2, top.Count);
        Assert.Contains("我的评论", Body(top[0])); // hot: most liked first
        Assert.Equal("true", Actions(top[0]).QuerySelector(".comment-like")!.GetAttribute("aria-pressed"));
        Assert.NotNull(Actions(top[0]).QuerySelector("[data-testid=comment-delete]"));
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
        await using var ctx = new ComponentTestContext("en-US").UseDatabase(bed.Db, bed.Clock).SignIn(author.Id);

        var cut = Render(ctx, noteId);

        Assert.Equal("No comments yet. Be the first!", cut.Find(".comments-empty").TextContent);
        Assert.Equal("Say something nice…", cut.Find("textarea").GetAttribute("placeholder"));
        Assert.Equal(["Top", "Newest"], cut.FindAll(".comment-sort button").Select(b => b.TextContent));
    }

    [Fact]
    public async Task Render_NoteNotTakingComments_ShowsWhyAndNoComposer()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var noteId = await bed.NoteAsync(author.Id, SocialStore.Domain.Notes.NoteStatus.Hidden);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(author.Id);

        var cut = Render(ctx, noteId);

        Assert.Empty(cut.FindAll("textarea"));
        Assert.Contains("暂不可评论", cut.Find(".comments").TextContent);
    }

    [Fact]
    public async Task SortNewest_Click_ReordersFromTheDatabaseAndBack()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fans = await bed.ManyUsersAsync("fan", 3);
        var noteId = await bed.NoteAsync(author.Id);
        var popular = await bed.Comments.AddAsync(author.Id, noteId, "早的热评", null, default);
        foreach (var fan in fans) await bed.Likes.LikeCommentAsync(fan.Id, popular.Id, default);
        bed.Clock.Advance(TimeSpan.FromMinutes(5));
        await bed.Comments.AddAsync(fans[0].Id, noteId, "新的评论", null, default);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(fans[1].Id);
        var cut = Render(ctx, noteId);
        Assert.Equal(["早的热评", "新的评论"], TopBodies(cut));
        Assert.True(cut.Button("最热").IsPressed());

        await cut.Button("最新").ClickAsync(new());

        Assert.Equal(["新的评论", "早的热评"], TopBodies(cut));
        Assert.True(cut.Button("最新").IsPressed());
        Assert.False(cut.Button("最热").IsPressed());

        await cut.Button("最热").ClickAsync(new());

        Assert.Equal(["早的热评", "新的评论"], TopBodies(cut));
    }

    [Fact]
    public async Task More_Click_AppendsTheNextPageUntilTheLast()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var noteId = await bed.NoteAsync(author.Id);
        var fans = await bed.ManyUsersAsync("fan", 5);
        for (var i = 0; i < 5; i++)
        {
            bed.Clock.Advance(TimeSpan.FromSeconds(30));
            await bed.Comments.AddAsync(fans[i].Id, noteId, $"第 {i + 1} 条", null, default);
        }
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock);
        var cut = Render(ctx, noteId, CommentSort.New, pageSize: 2);
        Assert.Equal(["第 5 条", "第 4 条"], TopBodies(cut));

        await cut.Button("查看更多评论").ClickAsync(new());
        Assert.Equal(["第 5 条", "第 4 条", "第 3 条", "第 2 条"], TopBodies(cut));

        await cut.Button("查看更多评论").ClickAsync(new());
        Assert.Equal(["第 5 条", "第 4 条", "第 3 条", "第 2 条", "第 1 条"], TopBodies(cut));
        Assert.Empty(cut.Buttons("查看更多评论"));
        Assert.Equal("5", cut.Find("[data-testid=comment-count]").TextContent);
    }

    [Fact]
    public async Task Reply_Send_ShowsTheReplyUnderItsCommentAndStoresIt()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author", "作者本人");
        var fan = await bed.UserAsync("fan", "小粉丝");
        var noteId = await bed.NoteAsync(author.Id);
        var question = await bed.Comments.AddAsync(fan.Id, noteId, "这个适合干皮吗", null, default);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(author.Id);
        var cut = Render(ctx, noteId);

        await Actions(Comment(cut, "这个适合干皮吗")).Button("回复").ClickAsync(new());
        Assert.Contains("回复 小粉丝", cut.Find(".replying").TextContent);
        Assert.Equal("回复 小粉丝…", cut.Field("评论内容").GetAttribute("placeholder"));
        await cut.Field("评论内容").InputAsync(new() { Value = "很适合，记得厚涂" });
        Assert.Equal("8/500", cut.Find("[data-testid=comment-counter]").TextContent);
        await cut.Button("发送").ClickAsync(new());

        var replies = Comment(cut, "这个适合干皮吗").QuerySelectorAll(".reply-list > li.comment").Select(Body).ToList();
        Assert.Equal(["很适合，记得厚涂"], replies);
        Assert.Equal("作者", Comment(cut, "很适合，记得厚涂").QuerySelector("[data-testid=author-badge]")!.TextContent);
        Assert.Equal("", cut.Field("评论内容").Value());
        Assert.Empty(cut.FindAll(".replying"));
        Assert.Equal("2", cut.Find("[data-testid=comment-count]").TextContent);
        Assert.Equal("评论成功", cut.Said("status"));
        var stored = await bed.QueryAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.ParentId == question.Id));
        Assert.Equal(("很适合，记得厚涂", author.Id, noteId), (stored.Body, stored.AuthorId, stored.NoteId));
    }

    [Fact]
    public async Task Send_OverTheRateLimit_KeepsTheDraftAndSaysWhy()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var chatty = await bed.UserAsync("chatty");
        var noteId = await bed.NoteAsync(author.Id);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(chatty.Id);
        var cut = Render(ctx, noteId, CommentSort.New);
        // The limit is reached in the database after the thread was shown (another tab, say).
        var limit = new SocialStore.Domain.Limits.ActionLimitOptions().Comment.Limit;
        for (var i = 0; i < limit; i++) await bed.Comments.AddAsync(chatty.Id, noteId, $"刷屏 {i}", null, default);

        await cut.Field("评论内容").InputAsync(new() { Value = "再来一条" });
        await cut.Button("发送").ClickAsync(new());

        Assert.Equal($"评论太频繁了（1 分钟内最多 {limit} 条），请 1 分钟后再试", cut.Find("[data-testid=comment-error]").TextContent);
        Assert.Equal("再来一条", cut.Field("评论内容").Value());
        Assert.Equal(limit, await bed.QueryAsync(db => db.Comments.CountAsync(c => c.AuthorId == chatty.Id)));
    }
}
