using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>
/// The fake-engagement view in a real browser at phone width (ADR-047): three accounts like each other's notes
/// and nobody else's; a moderator scans, finds the ring with its members and confirms it. The admin menu
/// highlights the rings entry only, not the queue's as well.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class EngagementRingsJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelAppFactory app = default!;

    public Task InitializeAsync()
    {
        app = new KestrelAppFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Rings_PlantedRing_ModeratorScansAndConfirms_OnAPhone()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var moderator = await SocialApp.UserAsync(app, "mod" + tag, "审核员");
        await TestAdmins.MakeStaffAsync(app, moderator.Id, Roles.Moderator);
        // Three accounts, three notes each, every one liking all of the others' notes: six acts each, all inside the group.
        var ring = new List<(string Id, string Handle)>();
        var notes = new List<(long Id, string Author)>();
        foreach (var name in new[] { "ra", "rb", "rc" })
        {
            var user = await SocialApp.UserAsync(app, name + tag, "互赞" + name);
            ring.Add((user.Id, user.Handle));
            for (var i = 0; i < 3; i++) notes.Add((await SocialApp.NoteAsync(app, user.Id, $"好物分享 {name} {i}"), user.Id));
        }
        var likes = app.Services.GetRequiredService<LikeService>();
        foreach (var (liker, _) in ring)
            foreach (var (noteId, _) in notes.Where(n => n.Author != liker))
                await likes.LikeNoteAsync(liker, noteId, CancellationToken.None);

        var m = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(m, "rings-phone", async () =>
        {
            await BrowserSignIn.SignInAsync(m, app.BaseUrl, moderator.Email!);
            await m.GotoAsync(app.BaseUrl + "/admin/moderation/rings");
            await Assertions.Expect(m.Locator("[data-testid=rings-page][data-ready=true]")).ToBeAttachedAsync();
            // One menu entry is highlighted: the rings page's, not the queue's too.
            var active = m.Locator(".bo-side a.mud-nav-link.active");
            await Assertions.Expect(active).ToHaveCountAsync(1);
            await Assertions.Expect(active).ToHaveAttributeAsync("href", "/admin/moderation/rings");

            await m.Locator("[data-testid=rings-scan]").ClickAsync();
            var finding = m.Locator("[data-testid=ring-finding][data-kind=Ring]", new() { HasText = "@" + ring[0].Handle });
            await Assertions.Expect(finding).ToHaveCountAsync(1);
            foreach (var (_, handle) in ring)
                await Assertions.Expect(finding.Locator("[data-testid=ring-members]")).ToContainTextAsync("@" + handle);
            await Assertions.Expect(finding.Locator("[data-testid=ring-share]")).ToHaveCountAsync(3);
            await Artifacts.ScreenshotAsync(m, "rings-phone-1-found");

            await finding.Locator("input[data-testid=ring-note], [data-testid=ring-note] input").First.FillAsync("三人互赞，无其他互动");
            await finding.Locator("[data-testid=ring-confirm]").ClickAsync();
            // Decided: it leaves the list of open findings.
            await Assertions.Expect(finding).ToHaveCountAsync(0);
            await m.Locator("[data-testid=rings-filter]").ClickAsync();
            await m.Locator(".mud-popover-open .mud-list-item", new() { HasText = "已确认" }).ClickAsync();
            var confirmed = m.Locator("[data-testid=ring-finding][data-status=Confirmed]", new() { HasText = "@" + ring[0].Handle });
            await Assertions.Expect(confirmed).ToHaveCountAsync(1);
            await Assertions.Expect(confirmed.Locator("[data-testid=ring-decided]")).ToContainTextAsync("三人互赞");
            await Artifacts.ScreenshotAsync(m, "rings-phone-2-confirmed");

            // Back on the queue, only the queue's entry is highlighted.
            await m.GotoAsync(app.BaseUrl + "/admin/moderation");
            await Assertions.Expect(m.Locator("[data-testid=moderation-queue][data-ready=true]")).ToBeAttachedAsync();
            await Assertions.Expect(active).ToHaveCountAsync(1);
            await Assertions.Expect(active).ToHaveAttributeAsync("href", "/admin/moderation");
            await Artifacts.ScreenshotAsync(m, "rings-phone-3-queue");
            // The same two pages at desktop width, for the layout check.
            await m.SetViewportSizeAsync(1440, 900);
            await Artifacts.ScreenshotAsync(m, "rings-desktop-queue");
            await m.GotoAsync(app.BaseUrl + "/admin/moderation/rings");
            await Assertions.Expect(m.Locator("[data-testid=rings-page][data-ready=true]")).ToBeAttachedAsync();
            await Artifacts.ScreenshotAsync(m, "rings-desktop-rings");
        });
        await m.Context.CloseAsync();
    }
}
