using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Levels;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Levels;

/// <summary>
/// A creator's level and badges on their profile (signed out, 390 and 1440 px) and on "me" with the way to the next
/// level. The growth comes from the note-published credit and the badges from the real note and its likes.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class LevelsJourneyTests(BrowserFixture browser) : AppJourney
{
    [Fact]
    public async Task Profile_ShowsLevelAndBadges_MeShowsProgress()
    {
        var levels = app.Services.GetRequiredService<MemberLevelService>();
        await levels.SaveLevelsAsync(Domain.Coupons.CouponTestBed.Admin, [new("新人", 0, 100), new("银卡", 10, 110), new("金卡", 500, 150)], default);
        var handle = "lv" + Guid.NewGuid().ToString("N")[..6];
        var creator = await SocialApp.UserAsync(app, handle, "小绿");
        var note = await TestData.NoteAsync(db, creator.Id, "春日穿搭分享");
        await using (var context = await db.CreateDbContextAsync())
        {
            await GrowthLedger.OnNotePublishedAsync(context, creator.Id, note.Id, DateTimeOffset.UtcNow, default);
            await context.Notes.Where(n => n.Id == note.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, 128));
        }

        var page = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(page, "levels-phone", async () =>
        {
            await page.GotoAsync(app.BaseUrl + "/u/" + handle);
            await Assertions.Expect(page.Locator("[data-testid=level-badge]")).ToContainTextAsync("银卡");
            await Assertions.Expect(page.Locator("[data-testid=badge-FirstNote]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=badge-PopularNote]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=level-progress]")).ToHaveCountAsync(0);
            await Artifacts.ScreenshotAsync(page, "levels-phone-1-profile");

            await BrowserSignIn.SignInAsync(page, app.BaseUrl, creator.Email!);
            await page.GotoAsync(app.BaseUrl + "/me");
            await Assertions.Expect(page.Locator("[data-testid=level-progress]")).ToContainTextAsync("490");
            await Artifacts.ScreenshotAsync(page, "levels-phone-2-me");
        });

        var wide = await browser.NewPageAsync("desktop");
        await Artifacts.CaptureFailureAsync(wide, "levels-desktop", async () =>
        {
            await wide.GotoAsync(app.BaseUrl + "/u/" + handle);
            await Assertions.Expect(wide.Locator("[data-testid=level-badge]")).ToContainTextAsync("银卡");
            await Artifacts.ScreenshotAsync(wide, "levels-desktop-1-profile");
        });
    }
}
