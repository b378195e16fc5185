using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Referrals.Invites;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Referrals;

/// <summary>
/// On a phone: a friend opens an invite link, sees the inviter and both rewards, signs up through it and finds the
/// inviter on their invite page; the inviter's progress counts the visit and the sign-up. Screenshots at 390 px,
/// and the inviter's page at 1440 px.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class InviteJourneyTests(BrowserFixture browser) : AppJourney
{
    [Fact]
    public async Task Friend_OpensInvite_SignsUp_SeesTheInviter_InviterSeesProgress()
    {
        var inviter = await SocialApp.UserAsync(app, "inv" + Guid.NewGuid().ToString("N")[..6], "小美");
        var code = await app.Services.GetRequiredService<InviteService>().CodeForAsync(inviter.Id, default);
        var email = "friend" + Guid.NewGuid().ToString("N")[..6] + "@example.com";

        var page = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(page, "invite-phone", async () =>
        {
            await page.GotoAsync(app.BaseUrl + "/invite/NOSUCH99");
            await Assertions.Expect(page.Locator("[data-testid=invite-unknown]")).ToBeVisibleAsync();

            await page.GotoAsync(app.BaseUrl + "/invite/" + code.ToLowerInvariant());
            await Assertions.Expect(page.Locator("[data-testid=invite-inviter]")).ToContainTextAsync("小美");
            await Assertions.Expect(page.Locator("[data-testid=invite-you-get]")).ToContainTextAsync("100");
            await Assertions.Expect(page.Locator("[data-testid=invite-they-get]")).ToContainTextAsync("200");
            await Artifacts.ScreenshotAsync(page, "invite-phone-1-landing");

            await page.ClickAsync("[data-testid=invite-sign-up]");
            await page.WaitForURLAsync("**/Account/Register?invite=*");
            await Assertions.Expect(page.Locator("[data-testid=register-invited-by]")).ToContainTextAsync("小美");
            await page.FillAsync("[id='Input.Email']", email);
            await page.FillAsync("[id='Input.DisplayName']", "小新");
            await page.FillAsync("[id='Input.Password']", TestAccounts.Password);
            await page.FillAsync("[id='Input.ConfirmPassword']", TestAccounts.Password);
            await Artifacts.ScreenshotAsync(page, "invite-phone-2-register");
            await page.ClickAsync("button.btn-primary[type=submit]");
            await page.WaitForURLAsync("**/Account/RegisterConfirmation**");
            await page.ClickAsync("a[href*='Account/ConfirmEmail']");
            await page.WaitForURLAsync("**/Account/ConfirmEmail**");

            await BrowserSignIn.SignInAsync(page, app.BaseUrl, email);
            await page.GotoAsync(app.BaseUrl + "/me");
            await page.ClickAsync("[data-testid=my-invite]");
            await page.WaitForURLAsync("**/me/invite");
            await Assertions.Expect(page.Locator("[data-testid=invited-by]")).ToContainTextAsync("小美");
            await Artifacts.ScreenshotAsync(page, "invite-phone-3-friend");
        });

        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var binding = await db.InviteBindings.AsNoTracking().SingleAsync(b => b.InviterId == inviter.Id);
            Assert.Equal(email, await db.Users.Where(u => u.Id == binding.InviteeId).Select(u => u.Email).SingleAsync());
        }

        foreach (var viewport in new[] { "phone", "desktop" })
        {
            var own = await browser.NewPageAsync(viewport);
            await Artifacts.CaptureFailureAsync(own, "invite-inviter-" + viewport, async () =>
            {
                await BrowserSignIn.SignInAsync(own, app.BaseUrl, inviter.Email!);
                await own.GotoAsync(app.BaseUrl + "/me/invite");
                await Assertions.Expect(own.Locator("[data-testid=invite-code]")).ToHaveTextAsync(code);
                await Assertions.Expect(own.Locator("[data-testid=count-invited]")).ToHaveTextAsync("1");
                await Assertions.Expect(own.Locator("[data-testid=count-signed-up]")).ToHaveTextAsync("1");
                await Assertions.Expect(own.Locator("[data-testid=count-first-order]")).ToHaveTextAsync("0");
                await Assertions.Expect(own.Locator("[data-testid=invite-friend]")).ToContainTextAsync("小新");
                await Artifacts.ScreenshotAsync(own, "invite-inviter-" + viewport);
            });
        }
    }
}
