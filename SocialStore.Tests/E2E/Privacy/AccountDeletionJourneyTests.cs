using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.PersonalData;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Privacy;

/// <summary>
/// On a phone: a person asks to delete their account from /me/settings (keeping their content anonymised), is signed
/// out, signs in again during the grace period and is told the deletion is cancelled (ADR-051).
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class AccountDeletionJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelAppFactory app = default!;
    private IDbContextFactory<SocialStoreDbContext> db = default!;

    public Task InitializeAsync()
    {
        app = new KestrelAppFactory();
        db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("zh-CN", "注销申请已取消")]
    [InlineData("en-US", "your account deletion has been cancelled")]
    public async Task RequestDeletion_SignedOut_SignInAgain_DeletionCancelled(string locale, string cancelledText)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var user = await SocialApp.UserAsync(app, "del" + tag, "将注销的人");
        string stampBefore;
        await using (var context = await db.CreateDbContextAsync())
            stampBefore = (await context.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).SecurityStamp!;

        var page = await browser.NewPageAsync("phone", locale);
        await Artifacts.CaptureFailureAsync(page, $"deletion-phone-{locale}", async () =>
        {
            await BrowserSignIn.SignInAsync(page, app.BaseUrl, user.Email!);
            await page.GotoAsync(app.BaseUrl + "/me/settings");
            await page.Locator("[data-testid=consent-panel]").ScrollIntoViewIfNeededAsync();
            await Artifacts.ScreenshotAsync(page, $"deletion-phone-{locale}-1-settings");
            await page.ClickAsync("[data-testid=delete-account-link]");

            await Assertions.Expect(page.Locator("[data-testid=delete-form]")).ToBeVisibleAsync();
            await page.CheckAsync("#content-anonymise");
            await page.FillAsync("[id='Input.Password']", TestAccounts.Password);
            await Artifacts.ScreenshotAsync(page, $"deletion-phone-{locale}-2-confirm");
            await page.ClickAsync("[data-testid=delete-submit]");
            await Assertions.Expect(page.Locator("[data-testid=deletion-requested]")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(page, $"deletion-phone-{locale}-3-requested");

            // Signed out: the settings page asks to sign in.
            await page.GotoAsync(app.BaseUrl + "/me/settings");
            await page.WaitForURLAsync("**/Account/Login**");
            await using (var context = await db.CreateDbContextAsync())
            {
                var request = await context.AccountDeletions.AsNoTracking().SingleAsync(d => d.UserId == user.Id);
                Assert.Equal((DeletionStatus.Pending, DeletionContent.Anonymise), (request.Status, request.Content));
                Assert.NotEqual(stampBefore, (await context.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).SecurityStamp);
            }

            await page.FillAsync("[id='Input.Email']", user.Email!);
            await page.FillAsync("[id='Input.Password']", TestAccounts.Password);
            await page.ClickAsync("button.btn-primary[type=submit]");
            await Assertions.Expect(page.Locator("[data-testid=deletion-cancelled]")).ToContainTextAsync(cancelledText);
            await Artifacts.ScreenshotAsync(page, $"deletion-phone-{locale}-4-cancelled");
            await page.ClickAsync("[data-testid=deletion-cancelled-continue]");
            await page.WaitForURLAsync("**/me/settings");
            // The same pages on a desktop.
            await page.SetViewportSizeAsync(1440, 900);
            await page.GotoAsync(app.BaseUrl + "/Account/Manage/DeletePersonalData");
            await Artifacts.ScreenshotAsync(page, $"deletion-desktop-{locale}-confirm");
            await page.GotoAsync(app.BaseUrl + "/Account/DeletionCancelled");
            await Artifacts.ScreenshotAsync(page, $"deletion-desktop-{locale}-cancelled");
        });

        await using var after = await db.CreateDbContextAsync();
        Assert.Equal(DeletionStatus.Cancelled, (await after.AccountDeletions.AsNoTracking().SingleAsync(d => d.UserId == user.Id)).Status);
    }
}
