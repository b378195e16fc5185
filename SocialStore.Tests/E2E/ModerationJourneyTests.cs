using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>
/// Moderation in a real browser, on a phone and a desktop: B reports A's note, a moderator hides it from the
/// queue, the note is gone from its public page, A reads the reason in their messages and appeals, an admin
/// (another moderator) restores it, and the audit log shows the hide, the appeal and the restore.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ModerationJourneyTests(BrowserFixture browser) : AppJourney
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task Report_Hide_Notice_Appeal_Restore(string viewport)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var author = await SocialApp.UserAsync(app, "author" + tag, "作者A");
        var reporter = await SocialApp.UserAsync(app, "reporter" + tag, "举报人B");
        var moderator = await SocialApp.UserAsync(app, "mod" + tag, "审核员");
        await AddRoleAsync(moderator.Id, Roles.Moderator);
        var admin = await TestAdmins.UserAsync(app);
        var noteId = await SocialApp.NoteAsync(app, author.Id, "神奇减肥茶");
        var name = $"moderation-{viewport}";
        const string reason = "宣传疗效，违反社区规范";

        // 1. B reports the note.
        var b = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(b, name + "-reporter", async () =>
        {
            await BrowserSignIn.SignInAsync(b, app.BaseUrl, reporter.Email!);
            await b.GotoAsync($"{app.BaseUrl}/notes/{noteId}");
            await b.Locator("[data-testid=report-note]").ClickAsync();
            await Assertions.Expect(b.Locator("[data-testid=report-form]")).ToBeVisibleAsync();
            await b.Locator("[data-testid=reason-misinformation]").CheckAsync();
            await b.Locator("[data-testid=report-text]").FillAsync("号称一周瘦十斤");
            await Artifacts.ScreenshotAsync(b, $"{name}-1-report");
            await b.Locator("[data-testid=report-submit]").ClickAsync();
            await Assertions.Expect(b.Locator("[data-testid=report-sent]")).ToBeVisibleAsync();
        });
        await b.Context.CloseAsync();

        // 2. The moderator hides it from the queue.
        var m = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(m, name + "-moderator", async () =>
        {
            await BrowserSignIn.SignInAsync(m, app.BaseUrl, moderator.Email!);
            await m.GotoAsync(app.BaseUrl + "/admin/moderation");
            await Assertions.Expect(m.Locator("[data-testid=moderation-queue][data-ready=true]")).ToBeAttachedAsync();
            var item = m.Locator($"[data-testid=queue-item][data-target='Note:{noteId}']");
            await Assertions.Expect(item).ToContainTextAsync("神奇减肥茶");
            await Artifacts.ScreenshotAsync(m, $"{name}-2-queue");
            await item.Locator("[data-testid=queue-review]").ClickAsync();
            await Assertions.Expect(m.Locator("[data-testid=moderation-detail][data-ready=true]")).ToBeAttachedAsync();
            await Assertions.Expect(m.Locator("[data-testid=detail-context]")).ToContainTextAsync("神奇减肥茶");
            await Assertions.Expect(m.Locator("[data-testid=detail-reports]")).ToContainTextAsync("号称一周瘦十斤");
            await m.Locator("[data-testid=decide-reason]").FillAsync(reason);
            await Artifacts.ScreenshotAsync(m, $"{name}-3-detail");
            await m.Locator("[data-testid=decide-submit]").ClickAsync();
            await Assertions.Expect(m.Locator("[data-testid=decided]")).ToBeVisibleAsync();
            await Assertions.Expect(m.Locator("[data-testid=detail-decisions]")).ToContainTextAsync(reason);
        });
        await m.Context.CloseAsync();
        Assert.Equal(NoteStatus.Hidden, await NoteStatusAsync(noteId));

        // 3. The note is gone from its public page.
        var anonymous = await browser.NewPageAsync(viewport);
        var response = await anonymous.GotoAsync($"{app.BaseUrl}/notes/{noteId}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(anonymous.Locator("body")).Not.ToContainTextAsync("神奇减肥茶");
        await anonymous.Context.CloseAsync();

        // 4. A reads the reason in their messages and appeals.
        var a = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(a, name + "-author", async () =>
        {
            await BrowserSignIn.SignInAsync(a, app.BaseUrl, author.Email!);
            await a.GotoAsync(app.BaseUrl + "/messages");
            await Assertions.Expect(a.Locator("[data-testid=moderation-notice]")).ToContainTextAsync("审核员隐藏了你的笔记");
            await Assertions.Expect(a.Locator("[data-testid=moderation-reason]")).ToContainTextAsync(reason);
            await Artifacts.ScreenshotAsync(a, $"{name}-4-messages");
            await a.Locator("[data-testid=moderation-appeal]").ClickAsync();
            await a.Locator("[data-testid=appeal-text]").FillAsync("这是我自己的真实体验");
            await a.Locator("[data-testid=appeal-submit]").ClickAsync();
            await Assertions.Expect(a.Locator("[data-testid=appeal-sent]")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(a, $"{name}-5-appealed");
        });
        await a.Context.CloseAsync();

        // 5. Another moderator (an admin) restores it; the audit log shows the hide, the appeal and the restore.
        var boss = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(boss, name + "-admin", async () =>
        {
            await BrowserSignIn.SignInAsync(boss, app.BaseUrl, admin.Email!);
            await boss.GotoAsync(app.BaseUrl + "/admin/moderation");
            var item = boss.Locator($"[data-testid=queue-item][data-target='Note:{noteId}']");
            await Assertions.Expect(item).ToContainTextAsync("申诉");
            await item.Locator("[data-testid=queue-review]").ClickAsync();
            await Assertions.Expect(boss.Locator("[data-testid=moderation-detail][data-ready=true]")).ToBeAttachedAsync();
            await Assertions.Expect(boss.Locator("[data-testid=detail-decisions]")).ToContainTextAsync("这是我自己的真实体验");
            await boss.Locator("[data-testid=decide-action]").ClickAsync();
            await boss.Locator(".mud-popover-open .mud-list-item", new() { HasText = "恢复" }).ClickAsync();
            await boss.Locator("[data-testid=decide-reason]").FillAsync("申诉成立，属于个人体验分享");
            await boss.Locator("[data-testid=decide-submit]").ClickAsync();
            await Assertions.Expect(boss.Locator("[data-testid=decided]")).ToBeVisibleAsync();

            await boss.GotoAsync(app.BaseUrl + "/admin/audit");
            await Assertions.Expect(boss.Locator("[data-testid=audit-log][data-ready=true]")).ToBeAttachedAsync();
            var codes = boss.Locator("[data-testid=audit-action]");
            await Assertions.Expect(codes).ToHaveCountAsync(3);
            Assert.Equal(["moderation.restore", "moderation.appeal", "moderation.hide"],
                await codes.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)"));
            await Artifacts.ScreenshotAsync(boss, $"{name}-6-audit");
        });
        await boss.Context.CloseAsync();
        Assert.Equal(NoteStatus.Published, await NoteStatusAsync(noteId));
    }

    // Staff have two-factor sign-in on, as the back office requires (the sign-in helpers answer it).
    private Task AddRoleAsync(string userId, string role) => TestAdmins.MakeStaffAsync(app, userId, role);

    private async Task<NoteStatus> NoteStatusAsync(long noteId)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Notes.Where(n => n.Id == noteId).Select(n => n.Status).SingleAsync();
    }
}
