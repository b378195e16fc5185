using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Notes;

/// <summary>The composer's server-side pages: who may open them, the author's Edit/Delete, the moderators' restore list.</summary>
public sealed class ComposePagesTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("/notes/new")]
    [InlineData("/notes/drafts")]
    [InlineData("/notes/1/edit")]
    [InlineData("/admin/notes/deleted")]
    public async Task Get_Anonymous_RedirectsToSignIn(string url)
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task ComposePage_SignedIn_RendersTheComposer()
    {
        var (client, _) = await TestAccounts.SignedInClientAsync(app);

        var html = await client.GetStringAsync("/notes/new");
        var document = new HtmlParser().ParseDocument(html);

        Assert.NotNull(document.QuerySelector("[data-testid=compose] [data-testid=title-input]"));
        Assert.Equal("0/20", document.QuerySelector("[data-testid=title-count]")?.TextContent);
        Assert.Equal("发布", document.QuerySelector("[data-testid=publish]")?.TextContent.Trim());
    }

    [Fact]
    public async Task DeletedNotes_SignedInNonModerator_IsRefused()
    {
        var (client, _) = await TestAccounts.SignedInClientAsync(app);

        var response = await client.GetAsync("/admin/notes/deleted");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task NotePage_AuthorDeletesWithConfirm_ModeratorRestores()
    {
        var (authorClient, author) = await TestAccounts.SignedInClientAsync(app);
        var (otherClient, _) = await TestAccounts.SignedInClientAsync(app);
        var noteId = await PublishAsync(author.Id, "<script>x</script>", "正文 <img src=x onerror=alert(1)> [点我](javascript:alert(1))");

        // Only the author sees Edit and Delete; the title and body are inert text.
        var asAuthor = new HtmlParser().ParseDocument(await authorClient.GetStringAsync($"/notes/{noteId}"));
        Assert.NotNull(asAuthor.QuerySelector($"[data-testid=edit-note][href='/notes/{noteId}/edit']"));
        Assert.Equal("<script>x</script>", asAuthor.QuerySelector("h1.note-heading")?.TextContent);
        Assert.Empty(asAuthor.QuerySelectorAll(".note-body script, .note-body img, .note-body a[href^='javascript']"));
        var asOther = new HtmlParser().ParseDocument(await otherClient.GetStringAsync($"/notes/{noteId}"));
        Assert.Null(asOther.QuerySelector("[data-testid=note-owner-actions]"));
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync($"/notes/{noteId}/delete")).StatusCode);
        Assert.DoesNotContain("data-testid=\"delete-form\"", await otherClient.GetStringAsync($"/notes/{noteId}/delete"));

        var form = await TestForm.ReadAsync(authorClient, $"/notes/{noteId}/delete", "[data-testid=delete-confirm]");
        var deleted = await form.PostAsync(authorClient, []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await authorClient.GetAsync($"/notes/{noteId}")).StatusCode);

        var (modClient, moderator) = await TestAccounts.SignedInClientAsync(app);
        await TestAdmins.MakeStaffAsync(app, moderator.Id, Roles.Moderator);
        await TestAccounts.SignInAsync(modClient, moderator); // a fresh cookie carries the role (and the second factor the back office needs)
        var restore = await TestForm.ReadAsync(modClient, "/admin/notes/deleted", "[data-testid=restore]");
        var restored = await restore.PostAsync(modClient, []);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Contains("笔记已恢复", await restored.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync($"/notes/{noteId}")).StatusCode);
    }

    [Fact]
    public async Task DraftsAndEdit_AuthorResumesTheDraft_OthersCannot()
    {
        var (authorClient, author) = await TestAccounts.SignedInClientAsync(app);
        var (otherClient, _) = await TestAccounts.SignedInClientAsync(app);
        var draftId = await app.Services.GetRequiredService<NoteService>()
            .SaveDraftAsync(author.Id, null, new NoteInput("写了一半", "还没写完", [], []), default);

        var drafts = new HtmlParser().ParseDocument(await authorClient.GetStringAsync("/notes/drafts"));
        Assert.NotNull(drafts.QuerySelector($"[data-testid=draft] a[href='/notes/{draftId}/edit']"));
        Assert.NotNull(new HtmlParser().ParseDocument(await otherClient.GetStringAsync("/notes/drafts")).QuerySelector("[data-testid=drafts-empty]"));

        var edit = new HtmlParser().ParseDocument(await authorClient.GetStringAsync($"/notes/{draftId}/edit"));
        Assert.Equal("写了一半", edit.QuerySelector("[data-testid=title-input]")?.GetAttribute("value"));
        Assert.Equal("4/20", edit.QuerySelector("[data-testid=title-count]")?.TextContent);
        Assert.NotNull(edit.QuerySelector("[data-testid=save-draft]"));
        var asOther = new HtmlParser().ParseDocument(await otherClient.GetStringAsync($"/notes/{draftId}/edit"));
        Assert.Null(asOther.QuerySelector("[data-testid=title-input]"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/notes/{draftId}")).StatusCode);
    }

    private async Task<long> PublishAsync(string authorId, string title, string body)
    {
        var key = "i/2026/11/composetestimage000001";
        await app.Services.GetRequiredService<IMediaStore>().PutAsync($"{key}/{MediaUrls.FullFileName}", new byte[] { 1 }, default);
        return await app.Services.GetRequiredService<NoteService>()
            .PublishAsync(authorId, null, new NoteInput(title, body, [new NoteImageInput(key, 900, 1200, "")], []), default);
    }
}
