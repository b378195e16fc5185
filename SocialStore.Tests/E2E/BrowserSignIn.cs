using SocialStore.Tests.Infrastructure;
using Microsoft.Playwright;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>Signs a browser page in through the real login form (users made with <see cref="SocialApp.UserAsync"/> share its password).</summary>
public static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, string baseUrl, string email, string password = TestAccounts.Password)
    {
        await page.GotoAsync(baseUrl + "/Account/Login");
        await page.FillAsync("[id='Input.Email']", email);
        await page.FillAsync("[id='Input.Password']", password);
        await page.ClickAsync("button.btn-primary[type=submit]");
        // The redirect's document is what matters; waiting for every sub-resource's load event only adds a way to time out on a busy machine.
        var done = new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded };
        if (TestAccounts.AuthenticatorCode(email) is not null)
        {
            // Staff accounts have two-factor sign-in: answer the authenticator step as the app would.
            await page.WaitForURLAsync("**/Account/LoginWith2fa**", done);
            await page.FillAsync("[id='Input.TwoFactorCode']", TestAccounts.AuthenticatorCode(email)!);
            await page.ClickAsync("button.btn-primary[type=submit]");
        }
        await page.WaitForURLAsync(baseUrl + "/", done);
    }
}
