using System.Net;
using SocialStore.Tests.Infrastructure;
using Microsoft.Playwright;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>
/// Signs a browser page in (users made with <see cref="SocialApp.UserAsync"/> share its password).
/// <see cref="SignInAsync"/> signs in through the real login form over HTTP (the same POST, anti-forgery token and
/// two-factor step) and copies the cookies into the page's browser context: the journeys that only need to be signed in
/// skip two page renders in the browser (the form and the home page it redirects to). The page is left where it was;
/// every caller navigates next. <see cref="SignInThroughFormAsync"/> types into the form in the browser, for the
/// journeys that test the form or the pages on its way.
/// </summary>
public static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, string baseUrl, string email, string password = TestAccounts.Password)
    {
        // Cookies already in the context (an anonymous cart, a share visit) must travel with the sign-in itself, as the
        // browser would send them: take the form there.
        if ((await page.Context.CookiesAsync([baseUrl])).Count > 0)
        {
            await SignInThroughFormAsync(page, baseUrl, email, password);
            return;
        }
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl) };
        await TestAccounts.SignInAsync(client, new TestUser("", email, password));
        await page.Context.AddCookiesAsync(cookies.GetAllCookies().Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = baseUrl,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = SameSiteAttribute.Lax,
        }));
    }

    public static async Task SignInThroughFormAsync(IPage page, string baseUrl, string email, string password = TestAccounts.Password)
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
