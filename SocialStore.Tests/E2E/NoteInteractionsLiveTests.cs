using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>Like, collect into a new board, and comment in a real browser, through the live islands.</summary>
[Collection(E2ECollection.Name)]
public sealed class NoteInteractionsLiveTests(BrowserFixture browser) : IAsyncLifetime
{
    private InteractionsHostApp app = default!;

    public Task InitializeAsync()
    {
        app = new InteractionsHostApp();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task LikeCollectAndComment_UpdateWithoutReload(string viewport)
    {
        var author = await SocialApp.UserAsync(app, "author", "作者");
        var fan = await SocialApp.UserAsync(app, "fan", "粉丝");
        var noteId = await SocialApp.NoteAsync(app, author.Id);
        var url = $"{app.BaseUrl}/__test/notes/{noteId}/interactions";

        var page = await browser.NewPageAsync(viewport);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        var name = $"interactions-{viewport}";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            // A visitor reads the thread and is sent to sign in by the like button.
            await page.GotoAsync(url);
            Assert.Equal($"/Account/Login?ReturnUrl=%2Fnotes%2F{noteId}", await page.GetAttributeAsync("[data-testid=like-button] a", "href"));
            Assert.Equal(0, await page.Locator("[data-testid=comment-input]").CountAsync());

            await SignInAsync(page, fan);
            await page.GotoAsync(url);

            // Like: the count moves at once and the database agrees.
            var like = page.Locator("[data-testid=like-button][data-ready=true] button");
            await like.ClickAsync();
            await Assertions.Expect(like).ToHaveAttributeAsync("aria-pressed", "true");
            await Assertions.Expect(like.Locator(".like-count")).ToHaveTextAsync("1");
            Assert.Equal(1, await NoteCounterAsync(noteId, n => n.LikeCount));
            await like.ClickAsync();
            await Assertions.Expect(like.Locator(".like-count")).ToHaveTextAsync("0");
            Assert.Equal(0, await NoteCounterAsync(noteId, n => n.LikeCount));

            // Collect into the default board, then into a new private board made on the spot.
            var collect = page.Locator("[data-testid=collect-button][data-ready=true] button.collect-btn");
            await collect.ClickAsync();
            await Assertions.Expect(page.Locator(".sheet-saved")).ToHaveTextAsync("已收藏到「默认专辑」");
            await page.ClickAsync("[data-testid=change-board]");
            await page.FillAsync(".board-new input.input", "旅行");
            await page.CheckAsync(".board-new input[type=checkbox]");
            await page.ClickAsync(".board-new button[type=submit]");
            await Assertions.Expect(page.Locator(".sheet-saved")).ToHaveTextAsync("已收藏到「旅行」");
            await Assertions.Expect(page.Locator(".board-choice.is-current .board-name")).ToHaveTextAsync("旅行");
            await Artifacts.ScreenshotAsync(page, $"{name}-1-boards");
            Assert.Equal(1, await NoteCounterAsync(noteId, n => n.CollectCount));
            await page.ClickAsync(".sheet-close");

            // Comment: the counter counts characters as people do, markup stays text, the thread grows without a reload.
            var input = page.Locator("[data-testid=comment-thread][data-ready=true] [data-testid=comment-input]");
            await input.FillAsync("好看！<script>alert(1)</script> #护肤");
            await Assertions.Expect(page.Locator("[data-testid=comment-counter]")).ToHaveTextAsync("32/500");
            await page.ClickAsync("[data-testid=comment-send]");
            var first = page.Locator("[data-testid=comment-body]").First;
            await Assertions.Expect(first).ToHaveTextAsync("好看！<script>alert(1)</script> #护肤");
            await Assertions.Expect(page.Locator("[data-testid=comment-count]")).ToHaveTextAsync("1");
            await Assertions.Expect(input).ToHaveValueAsync("");

            // Too long: the counter turns red, sending is disabled and the reason is shown.
            await input.FillAsync(new string('长', 501));
            await Assertions.Expect(page.Locator("[data-testid=comment-counter]")).ToHaveTextAsync("501/500");
            await Assertions.Expect(page.Locator("[data-testid=comment-send]")).ToBeDisabledAsync();
            await Assertions.Expect(page.Locator("[data-testid=comment-composer] [role=alert]")).ToHaveTextAsync("评论最多 500 个字");
            await Artifacts.ScreenshotAsync(page, $"{name}-2-comments");
            await input.FillAsync("");

            // Delete my comment after confirming.
            await page.ClickAsync("[data-testid=comment-delete]");
            await page.ClickAsync(".confirm .danger");
            await Assertions.Expect(page.Locator("[data-testid=comment]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=comment-count]")).ToHaveTextAsync("0");
            Assert.Equal(0, await NoteCounterAsync(noteId, n => n.CommentCount));
        });
        Assert.Equal(0, dialogs);
        await page.Context.CloseAsync();
    }

    private async Task<int> NoteCounterAsync(long noteId, System.Linq.Expressions.Expression<Func<SocialStore.Domain.Notes.Note, int>> counter)
    {
        var factory = SocialApp.Service<IDbContextFactory<SocialStoreDbContext>>(app);
        await using var db = await factory.CreateDbContextAsync();
        return await db.Notes.Where(n => n.Id == noteId).Select(counter).SingleAsync();
    }

    private async Task SignInAsync(IPage page, ApplicationUser user)
    {
        await page.GotoAsync(app.BaseUrl + "/Account/Login");
        await page.FillAsync("[id='Input.Email']", user.Email!);
        await page.FillAsync("[id='Input.Password']", TestAccounts.Password);
        await page.ClickAsync("button.btn-primary[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
    }
}
