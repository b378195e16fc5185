using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Account;

public class AccountFlowTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Register_ConfirmSignInAndOut_WorksThroughTheForms()
    {
        using var client = AccountTestClient.Create(app);
        var email = AccountTestClient.NewEmail("flow");

        var confirmation = await client.RegisterAsync(email, displayName: "小红 Flow");

        Assert.Equal("/Account/RegisterConfirmation", confirmation.Path);
        var user = await FindUserAsync(email);
        Assert.NotNull(user);
        Assert.Equal("小红 Flow", user.DisplayName);
        Assert.True(Handles.IsValid(user.Handle));
        Assert.Equal($"你的用户名是 @{user.Handle}。", confirmation.TextOf("[data-testid=handle-preview]"));
        Assert.NotNull(confirmation.Document.QuerySelector("[data-testid=dev-confirmation-link] a"));

        // RequireConfirmedAccount: no sign-in before the email is confirmed.
        var early = await client.LoginAsync(email, TestAccounts.Password);
        Assert.Equal("/Account/Login", early.Path);
        Assert.Contains("邮箱或密码错误", early.TextOf("[data-testid=status-message]"));

        var confirmed = await client.FollowLinkAsync(confirmation, "[data-testid=dev-confirmation-link] a");
        Assert.Equal("/Account/ConfirmEmail", confirmed.Path);
        Assert.Contains("邮箱已确认", confirmed.TextOf("[data-testid=status-message]"));

        var home = await client.LoginAsync(email, TestAccounts.Password);
        Assert.Equal("/", home.Path);

        var manage = await client.GetAsync("/Account/Manage");
        Assert.Equal("/Account/Manage", manage.Path);
        Assert.Contains("@" + user.Handle, manage.TextOf("[data-testid=profile-summary]"));
        Assert.NotNull(manage.Document.QuerySelector("form[action='Account/Logout'] [data-testid=sign-out]"));

        var afterSignOut = await client.SignOutAsync();
        Assert.Equal("/", afterSignOut.Path);
        var again = await client.GetAsync("/Account/Manage");
        Assert.Equal("/Account/Login", again.Path);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("//evil.example/x", "/evil.example/x")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("me", "/me")]
    public async Task SignOut_ForgedReturnUrl_StaysOnTheSite(string returnUrl, string expectedPath)
    {
        using var client = await AccountTestClient.SignedInAsync(app);

        var page = await client.SubmitAsync(await client.GetAsync("/Account/Manage"), "Account/Logout", new() { ["ReturnUrl"] = returnUrl });

        Assert.Equal(expectedPath, page.Path);
        Assert.Equal("/Account/Login", (await client.GetAsync("/Account/Manage")).Path);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = await AccountTestClient.SignedInAsync(app);

        var response = await client.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent([new("ReturnUrl", "")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/Account/Manage", (await client.GetAsync("/Account/Manage")).Path);
    }

    [Fact]
    public async Task AccountPages_RenderInsideTheAppShellWithoutTemplateLinks()
    {
        using var client = AccountTestClient.Create(app);

        foreach (var url in new[] { "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResendEmailConfirmation", "/Account/Lockout", "/Account/AccessDenied" })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            Assert.NotNull(page.Document.QuerySelector("header.topbar"));
            Assert.NotNull(page.Document.QuerySelector("main .account-content h1"));
            Assert.NotNull(page.Document.QuerySelector("link[href*='account']"));
            var html = page.Document.DocumentElement.OuterHtml;
            Assert.DoesNotContain("aka.ms", html);
            Assert.DoesNotContain("go.microsoft.com", html);
        }
    }

    [Fact]
    public async Task Manage_SignedIn_RendersEveryPageInChinese()
    {
        using var client = await AccountTestClient.SignedInAsync(app);

        foreach (var url in new[] { "/Account/Manage", "/Account/Manage/Email", "/Account/Manage/ChangePassword", "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/EnableAuthenticator", "/Account/Manage/Passkeys", "/Account/Manage/PersonalData", "/Account/Manage/DeletePersonalData", "/Account/Manage/ResetAuthenticator" })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(url, page.Path);
            Assert.Equal("账号设置", page.TextOf("main h1"));
            Assert.NotNull(page.Document.QuerySelector("nav.manage-nav [data-testid=sign-out]"));
        }
    }

    [Fact]
    public async Task DownloadPersonalData_SignedIn_SendsAZipWithTheProfile_AndWithoutTheTokenIsRefused()
    {
        using var client = await AccountTestClient.SignedInAsync(app);
        var page = await client.GetAsync("/Account/Manage/PersonalData");
        var form = page.Document.QuerySelectorAll<IHtmlFormElement>("form")
            .Single(f => (f.GetAttribute("action") ?? "").EndsWith("DownloadPersonalData", StringComparison.Ordinal));
        var token = form.Elements.OfType<IHtmlInputElement>().Single(i => i.Name == "__RequestVerificationToken").Value;

        using var refused = await client.Http.PostAsync(form.Action, new FormUrlEncodedContent([]));
        using var response = await client.Http.PostAsync(form.Action, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync(), System.IO.Compression.ZipArchiveMode.Read);
        Assert.Contains(zip.Entries, e => e.FullName == "profile.json");
        Assert.Contains(zip.Entries, e => e.FullName == "orders.json");
    }

    [Fact]
    public async Task Startup_SeedsTheRoles()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        foreach (var role in Roles.All)
            Assert.True(await roles.RoleExistsAsync(role), role);
    }

    private async Task<ApplicationUser?> FindUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
    }
}
