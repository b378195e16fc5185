using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Social;

public class SocialPagesTests
{
    [Fact]
    public async Task Messages_SignedOut_AsksToSignIn()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/messages");

        Assert.Contains("登录后查看消息", html);
        Assert.Contains("/Account/Login?ReturnUrl=%2Fmessages", html);
        Assert.DoesNotContain("data-testid=\"notification-bell\"", html);
    }

    [Fact]
    public async Task Messages_SignedIn_GroupsTheUnreadAndMarkAllReadClearsThem()
    {
        await using var app = new AppFactory();
        var star = await SocialApp.UserAsync(app, "star", "明星");
        var mei = await SocialApp.UserAsync(app, "mei", "小美");
        var hong = await SocialApp.UserAsync(app, "hong", "小红");
        var noteId = await SocialApp.NoteAsync(app, star.Id);
        var likes = SocialApp.Service<LikeService>(app);
        await likes.LikeNoteAsync(hong.Id, noteId, default);
        await likes.LikeNoteAsync(mei.Id, noteId, default);
        await SocialApp.Service<FollowService>(app).FollowAsync(mei.Id, star.Id, default);
        var client = await SocialApp.SignedInClientAsync(app, star);

        var html = await client.GetStringAsync("/messages");
        var doc = new HtmlParser().ParseDocument(html);

        var groups = doc.QuerySelectorAll("[data-testid=unread-groups] [data-testid=notification]").ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal("小美 关注了你", groups[0].QuerySelector(".notif-sentence")!.TextContent);
        Assert.Equal("/u/mei", groups[0].QuerySelector("a.notif-sentence")!.GetAttribute("href"));
        Assert.Equal("小美 和 小红 赞了你的笔记", groups[1].QuerySelector(".notif-sentence")!.TextContent);
        Assert.Equal($"/notes/{noteId}", groups[1].QuerySelector("a.notif-sentence")!.GetAttribute("href"));
        // The bell in the layout is prerendered with the count, in the top bar and in the tab bar.
        Assert.All(doc.QuerySelectorAll("[data-testid=notification-bell]"), bell => Assert.Equal("3", bell.GetAttribute("data-unread")));
        Assert.Equal(2, doc.QuerySelectorAll("[data-testid=notification-bell]").Length);

        var posted = await SocialApp.PostFormAsync(client, "/messages", html, "form:has([data-testid=mark-all-read])");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("/messages", posted.RequestMessage!.RequestUri!.AbsolutePath); // redirected after the post
        var after = new HtmlParser().ParseDocument(await posted.Content.ReadAsStringAsync());
        Assert.Empty(after.QuerySelectorAll("[data-testid=unread-groups]"));
        Assert.Equal(2, after.QuerySelectorAll("[data-testid=earlier-groups] [data-testid=notification]").Length);
        Assert.Null(after.QuerySelector("[data-testid=mark-all-read]"));
        Assert.All(after.QuerySelectorAll("[data-testid=notification-bell]"), bell => Assert.Equal("0", bell.GetAttribute("data-unread")));
        Assert.Equal(0, await SocialApp.Service<NotificationService>(app).UnreadCountAsync(star.Id, default));
    }

    [Fact]
    public async Task Messages_AnAnswerToMyQuestion_LinksToTheProductsQandA_InBothLanguages()
    {
        await using var app = new AppFactory();
        var asker = await SocialApp.UserAsync(app, "asker", "提问者");
        var mei = await SocialApp.UserAsync(app, "mei", "小美");
        var product = await CatalogTestData.SimpleAsync(SocialApp.Service<IDbContextFactory<SocialStoreDbContext>>(app), "面霜", 99m);
        await SocialApp.Service<QuestionService>(app).AskAsync(asker.Id, product.Id, "敏感肌能用吗？", default);
        var answerer = await SocialApp.SignedInClientAsync(app, mei);

        var productHtml = await answerer.GetStringAsync($"/products/{product.Id}");
        var form = new HtmlParser().ParseDocument(productHtml).QuerySelector("form.qa-answer-form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("AnswerBody", "我是敏感肌，用着没问题"));
        var answered = await answerer.PostAsync($"/products/{product.Id}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var client = await SocialApp.SignedInClientAsync(app, asker);
        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync("/messages"));
        var group = Assert.Single(doc.QuerySelectorAll("[data-testid=unread-groups] [data-testid=notification]"));
        Assert.Equal("Answer", group.GetAttribute("data-kind"));
        Assert.Equal("小美 回答了你的问题", group.QuerySelector(".notif-sentence")!.TextContent);
        Assert.Equal($"/products/{product.Id}#qa", group.QuerySelector("a.notif-sentence")!.GetAttribute("href"));
        Assert.Equal("关于「面霜」：敏感肌能用吗？", group.QuerySelector("[data-testid=notif-question]")!.TextContent);
        Assert.NotNull(new HtmlParser().ParseDocument(await client.GetStringAsync($"/products/{product.Id}")).QuerySelector("#qa"));

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var english = new HtmlParser().ParseDocument(await client.GetStringAsync("/messages"));
        Assert.Equal("小美 answered your question", english.QuerySelector("[data-testid=notification] .notif-sentence")!.TextContent);
        Assert.Equal("“敏感肌能用吗？” about 面霜", english.QuerySelector("[data-testid=notif-question]")!.TextContent);
    }

    [Fact]
    public async Task MarkAllRead_WithoutAntiforgeryToken_IsRejected()
    {
        await using var app = new AppFactory();
        var star = await SocialApp.UserAsync(app, "star", "明星");
        var mei = await SocialApp.UserAsync(app, "mei", "小美");
        await SocialApp.Service<FollowService>(app).FollowAsync(mei.Id, star.Id, default);
        var client = await SocialApp.SignedInClientAsync(app, star);

        var response = await client.PostAsync("/messages", new FormUrlEncodedContent([new("_handler", "mark-all-read")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await SocialApp.Service<NotificationService>(app).UnreadCountAsync(star.Id, default));
    }

    [Fact]
    public async Task FollowLists_ShowPeopleWithFollowButtons_AndUnknownHandlesAre404()
    {
        await using var app = new AppFactory();
        var star = await SocialApp.UserAsync(app, "star", "明星");
        var mei = await SocialApp.UserAsync(app, "mei", "小美");
        var hong = await SocialApp.UserAsync(app, "hong", "小红");
        var follows = SocialApp.Service<FollowService>(app);
        await follows.FollowAsync(mei.Id, star.Id, default);
        await follows.FollowAsync(hong.Id, star.Id, default);
        await follows.FollowAsync(star.Id, mei.Id, default);
        var client = app.CreateClient();

        var followersHtml = await client.GetStringAsync("/u/star/followers");
        var followers = new HtmlParser().ParseDocument(followersHtml);
        var following = new HtmlParser().ParseDocument(await client.GetStringAsync("/u/star/following"));
        var missing = await client.GetAsync("/u/nobody/followers");

        Assert.Equal("明星 的粉丝", followers.QuerySelector("h1")!.TextContent);
        Assert.Equal(["小红", "小美"], followers.QuerySelectorAll("[data-testid=person] .person-name").Select(e => e.TextContent));
        Assert.Equal("/Account/Login?ReturnUrl=%2Fu%2Fstar%2Ffollowers", followers.QuerySelector("[data-testid=person] a.follow-btn")!.GetAttribute("href"));
        Assert.Contains("<!--Blazor:", followersHtml); // the buttons are interactive islands
        Assert.Equal("明星 的关注", following.QuerySelector("h1")!.TextContent);
        Assert.Equal(["小美"], following.QuerySelectorAll("[data-testid=person] .person-name").Select(e => e.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
