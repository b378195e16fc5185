using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Sharing;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Sharing;

namespace SocialStore.Tests.Integration.Profiles;

public sealed class ProfilePageTests : IAsyncLifetime
{
    private readonly AppFactory app = new();
    private ApplicationUser mei = default!;
    private ApplicationUser fan = default!;
    private ApplicationUser stranger = default!;
    private List<Note> meiNotes = [];
    private Note likedNote = default!;
    private Board secretBoard = default!;
    private Board openBoard = default!;

    private static DateTimeOffset At(int minutes) => TestCommunity.Start.AddMinutes(minutes);

    public async Task InitializeAsync()
    {
        var community = app.Community();
        mei = await community.UserAsync("mei", "小美", bio: "爱护肤，也爱分享 🌸", avatarKey: "avatars/mei", password: TestAccounts.Password);
        fan = await community.UserAsync("fan", "粉丝一号", password: TestAccounts.Password);
        stranger = await community.UserAsync("stranger", "路人", password: TestAccounts.Password);
        var author = await community.UserAsync("author", "作者");
        for (var i = 0; i < 3; i++) meiNotes.Add(await community.NoteAsync(mei.Id, At(i), title: $"小美的笔记{i}"));
        await community.NoteAsync(mei.Id, At(10), title: "草稿", draft: true);
        await community.NoteAsync(mei.Id, At(11), title: "已删除", deleted: true);
        likedNote = await community.NoteAsync(author.Id, At(20), title: "别人的好物");

        await community.FollowAsync(fan.Id, mei.Id);
        await community.FollowAsync(stranger.Id, mei.Id);
        await community.FollowAsync(mei.Id, author.Id);
        await community.LikeAsync(fan.Id, meiNotes[0].Id, At(30));
        await community.LikeAsync(stranger.Id, meiNotes[0].Id, At(31));
        await community.LikeAsync(fan.Id, meiNotes[2].Id, At(32));
        await community.LikeAsync(mei.Id, likedNote.Id, At(33));
        var fanBoard = await community.BoardAsync(fan.Id, "默认专辑", isDefault: true);
        await community.CollectAsync(fan.Id, meiNotes[1].Id, fanBoard.Id, At(34));
        openBoard = await community.BoardAsync(mei.Id, "护肤清单", at: At(1));
        secretBoard = await community.BoardAsync(mei.Id, "秘密基地", isPrivate: true, at: At(2));
        await community.CollectAsync(mei.Id, likedNote.Id, secretBoard.Id, At(35));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static string? Meta(IDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    private static long Count(IDocument page, string testId) =>
        long.Parse(page.QuerySelector($"[data-testid={testId}]")!.GetAttribute("data-count")!);

    [Fact]
    public async Task Profile_Anonymous_ShowsHeaderCountsOfRealRows_NotesAndOpenGraph()
    {
        var response = await app.Browser().GetAsync("/u/mei");
        var page = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("小美", page.QuerySelector("[data-testid=profile-name]")!.TextContent);
        Assert.Equal("爱护肤，也爱分享 🌸", page.QuerySelector("[data-testid=profile-bio]")!.TextContent);
        Assert.Contains("@mei", page.QuerySelector("[data-testid=profile-header]")!.TextContent);

        await using (var db = await app.Db().CreateDbContextAsync())
        {
            Assert.Equal(await db.Follows.CountAsync(f => f.FolloweeId == mei.Id), Count(page, "count-followers"));
            Assert.Equal(await db.Follows.CountAsync(f => f.FollowerId == mei.Id), Count(page, "count-following"));
            var published = db.Notes.Where(n => n.AuthorId == mei.Id && n.Status == NoteStatus.Published).Select(n => n.Id);
            var received = await db.NoteLikes.CountAsync(l => published.Contains(l.NoteId)) + await db.Collects.CountAsync(c => published.Contains(c.NoteId));
            Assert.Equal(received, Count(page, "count-likes-collects"));
            Assert.Equal(4, received);
        }
        Assert.Equal("2", page.QuerySelector("[data-testid=count-followers]")!.TextContent);

        // Notes tab: published notes only, newest first.
        var titles = page.QuerySelectorAll("[data-testid=profile-notes] [data-testid=note-card] .note-title").Select(e => e.TextContent);
        Assert.Equal(["小美的笔记2", "小美的笔记1", "小美的笔记0"], titles);
        Assert.Equal("page", page.QuerySelector("[data-testid=tab-notes]")!.GetAttribute("aria-current"));

        // Open Graph and canonical link, absolute.
        Assert.Equal("profile", Meta(page, "og:type"));
        Assert.Equal("小美", Meta(page, "og:title"));
        Assert.Equal("爱护肤，也爱分享 🌸", Meta(page, "og:description"));
        Assert.Equal("http://localhost/media/avatars/mei/full.jpg", Meta(page, "og:image"));
        Assert.Equal("http://localhost/u/mei", Meta(page, "og:url"));
        Assert.Equal("http://localhost/u/mei", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("小美", page.Title);

        // Anonymous: a sign-in link instead of the share form, no edit link; the follow slot is there.
        Assert.NotNull(page.QuerySelector("[data-testid=share-sign-in]"));
        Assert.Null(page.QuerySelector("[data-testid=share] form"));
        Assert.Null(page.QuerySelector("[data-testid=edit-profile]"));
        Assert.NotNull(page.QuerySelector("[data-testid=profile-header] .profile-follow"));
    }

    [Fact]
    public async Task Profile_UserWithoutBioOrAvatar_FallsBackInOpenGraph()
    {
        var page = await app.Browser().GetDocumentAsync("/u/author");

        Assert.Equal("作者", Meta(page, "og:title"));
        Assert.Contains("作者", Meta(page, "og:description"));
        Assert.Equal("http://localhost/favicon.png", Meta(page, "og:image"));
        Assert.Null(page.QuerySelector("[data-testid=profile-bio]"));
    }

    [Theory]
    [InlineData("/u/nobody")]
    [InlineData("/u/x")]
    [InlineData("/u/%E5%B0%8F%E7%BE%8E")]
    [InlineData("/u/mei/boards/999999")]
    public async Task Profile_UnknownHandleOrBoard_IsTheFriendly404(string url)
    {
        var response = await app.Browser().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Profile_HandleInCapitals_FindsTheUser_WithALowerCaseCanonical()
    {
        var page = await app.Browser().GetDocumentAsync("/u/MEI");
        Assert.Equal("http://localhost/u/mei", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Liked_PrivateLikes_AreHiddenFromOthers_AndShownToTheOwner_WhoCanMakeThemPublic()
    {
        var anonymous = await app.Browser().GetDocumentAsync("/u/mei?tab=liked");
        var strangerClient = await app.SignedInBrowserAsync("stranger");
        var asStranger = await strangerClient.GetDocumentAsync("/u/mei?tab=liked");
        var owner = await app.SignedInBrowserAsync("mei");
        var asOwner = await owner.GetDocumentAsync("/u/mei?tab=liked");

        foreach (var page in new[] { anonymous, asStranger })
        {
            Assert.NotNull(page.QuerySelector("[data-testid=likes-private]"));
            Assert.Empty(page.QuerySelectorAll("[data-testid=note-card]"));
            Assert.DoesNotContain("别人的好物", page.Body!.TextContent);
            Assert.Null(page.QuerySelector("[data-testid=likes-visibility]"));
        }
        Assert.Null(asOwner.QuerySelector("[data-testid=likes-private]"));
        Assert.Equal(["别人的好物"], asOwner.QuerySelectorAll("[data-testid=profile-liked] .note-title").Select(e => e.TextContent));

        // The owner's switch: a plain form post with an anti-forgery token, then back to the tab.
        var form = asOwner.QuerySelector("[data-testid=likes-visibility]")!;
        var fields = AppSession.FormFields(form);
        Assert.Equal("true", fields["MakeLikesPublic"]);
        Assert.True(fields.ContainsKey("__RequestVerificationToken"));
        var posted = await owner.PostAsync("/u/mei?tab=liked", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith("/u/mei?tab=liked", posted.Headers.Location!.OriginalString);

        var nowPublic = await app.Browser().GetDocumentAsync("/u/mei?tab=liked");
        Assert.Null(nowPublic.QuerySelector("[data-testid=likes-private]"));
        Assert.Equal(["别人的好物"], nowPublic.QuerySelectorAll("[data-testid=profile-liked] .note-title").Select(e => e.TextContent));
        await using var db = await app.Db().CreateDbContextAsync();
        Assert.True((await db.Users.SingleAsync(u => u.Id == mei.Id)).LikesArePublic);
    }

    [Fact]
    public async Task Liked_SomeoneElsePostingTheSwitch_ChangesNothing()
    {
        var owner = await app.SignedInBrowserAsync("mei");
        var fields = AppSession.FormFields((await owner.GetDocumentAsync("/u/mei?tab=liked")).QuerySelector("[data-testid=likes-visibility]")!);
        var strangerClient = await app.SignedInBrowserAsync("stranger");
        // The stranger needs their own anti-forgery token: take it from any form they can see.
        var strangerPage = await strangerClient.GetDocumentAsync("/u/mei");
        fields["__RequestVerificationToken"] = AppSession.FormFields(strangerPage.QuerySelector("[data-testid=share] form")!)["__RequestVerificationToken"];

        await strangerClient.PostAsync("/u/mei?tab=liked", new FormUrlEncodedContent(fields));

        await using var db = await app.Db().CreateDbContextAsync();
        Assert.False((await db.Users.SingleAsync(u => u.Id == mei.Id)).LikesArePublic);
        Assert.False((await db.Users.SingleAsync(u => u.Id == stranger.Id)).LikesArePublic);
    }

    [Fact]
    public async Task Boards_PrivateBoardsOnlyForTheOwner()
    {
        var anonymous = await app.Browser().GetDocumentAsync("/u/mei?tab=boards");
        var owner = await app.SignedInBrowserAsync("mei");
        var asOwner = await owner.GetDocumentAsync("/u/mei?tab=boards");

        Assert.Equal(["护肤清单"], anonymous.QuerySelectorAll("[data-testid=board] .board-name").Select(e => e.TextContent.Trim()));
        Assert.Equal(2, asOwner.QuerySelectorAll("[data-testid=board]").Length);
        Assert.Contains(asOwner.QuerySelectorAll("[data-testid=board]"), b => b.GetAttribute("href") == $"/u/mei/boards/{secretBoard.Id}");

        var secretAnonymous = await app.Browser().GetAsync($"/u/mei/boards/{secretBoard.Id}");
        var secretOwner = await owner.GetDocumentAsync($"/u/mei/boards/{secretBoard.Id}");
        var open = await app.Browser().GetDocumentAsync($"/u/mei/boards/{openBoard.Id}");
        Assert.Equal(HttpStatusCode.NotFound, secretAnonymous.StatusCode);
        Assert.Equal(["别人的好物"], secretOwner.QuerySelectorAll("[data-testid=board-notes] .note-title").Select(e => e.TextContent));
        Assert.Equal(0, long.Parse(open.QuerySelector("[data-testid=board-count]")!.GetAttribute("data-count")!));
    }

    [Fact]
    public async Task Profile_Owner_SeesEditProfile_AndAnInteractiveShareButtonWithItsNoScriptForm()
    {
        var owner = await app.SignedInBrowserAsync("mei");

        var response = await owner.GetAsync("/u/mei");
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadDocumentAsync();

        Assert.Equal("/me/settings", page.QuerySelector("[data-testid=edit-profile]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".profile-follow"));
        var form = page.QuerySelector("[data-testid=share] form")!;
        Assert.Equal(("Profile", mei.Id), (AppSession.FormFields(form)["targetType"], AppSession.FormFields(form)["targetId"]));
        // Prerendered as an interactive server island.
        Assert.Contains("<!--Blazor:{\"type\":\"server\"", html);
    }

    [Fact]
    public async Task Profile_English_UsesTheEnglishResources()
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var page = await client.GetDocumentAsync("/u/mei?tab=liked");

        Assert.Equal("Followers", page.QuerySelector("[data-testid=count-followers]")!.PreviousElementSibling!.TextContent);
        Assert.Contains("keeps their likes private", page.QuerySelector("[data-testid=likes-private]")!.TextContent);
    }
}
