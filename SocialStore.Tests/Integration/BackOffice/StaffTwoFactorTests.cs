using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.Integration.BackOffice;

/// <summary>Staff open no back-office page without a two-factor sign-in; the page they are sent to says why and what to do.</summary>
public sealed class StaffTwoFactorTests : AppPageTest
{
    private async Task<ApplicationUser> StaffWithoutTwoFactorAsync(string role)
    {
        var user = await SocialApp.UserAsync(app, "staff" + Guid.NewGuid().ToString("N")[..8], "员工");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(user.Id))!, role)).Succeeded);
        return user;
    }

    [Theory]
    [InlineData(Roles.Admin, "/admin/orders")]
    [InlineData(Roles.Moderator, "/admin")]
    public async Task Staff_WithoutTwoFactor_AreSentToSetItUp_ThenSignInAgainWithIt_ThenTheBackOfficeOpens(string role, string url)
    {
        var user = await StaffWithoutTwoFactorAsync(role);
        using var client = AccountTestClient.Create(app);
        Assert.Equal("/", (await client.LoginAsync(user.Email!, TestAccounts.Password)).Path);

        var refused = await client.GetAsync(url);
        Assert.Equal(StaffTwoFactorGateUrl, refused.Path);
        Assert.Contains("后台需要两步验证", refused.Text);
        Assert.NotNull(refused.Document.QuerySelector("[data-testid=set-up-2fa]"));
        Assert.Null(refused.Document.QuerySelector(".bo-side"));
        // In any case, with a query string.
        Assert.Equal(StaffTwoFactorGateUrl, (await client.GetAsync(url.ToUpperInvariant() + "?x=1")).Path);

        // Two-factor turned on, but this session was signed in with the password alone: sign in again.
        await TestAccounts.EnableTwoFactorAsync(app, user.Id);
        var again = await client.GetAsync(url);
        Assert.Equal(StaffTwoFactorGateUrl, again.Path);
        Assert.Null(again.Document.QuerySelector("[data-testid=set-up-2fa]"));
        Assert.NotNull(again.Document.QuerySelector("[data-testid=sign-out]"));

        using var fresh = AccountTestClient.Create(app);
        Assert.Equal("/", (await fresh.LoginAsync(user.Email!, TestAccounts.Password)).Path);
        var opened = await fresh.GetAsync(url);
        Assert.Equal(url, opened.Path);
        Assert.NotNull(opened.Document.QuerySelector(".bo-side nav"));
    }

    [Fact]
    public async Task StaffTwoFactorPage_InEnglish_ReadsInEnglish()
    {
        var user = await StaffWithoutTwoFactorAsync(Roles.Admin);
        using var client = AccountTestClient.Create(app, "en-US");
        await client.LoginAsync(user.Email!, TestAccounts.Password);

        var page = await client.GetAsync("/admin");

        Assert.Equal(StaffTwoFactorGateUrl, page.Path);
        Assert.Contains("Two-step sign-in required", page.Text);
        Assert.Contains("Set up an authenticator", page.Text);
    }

    [Fact]
    public async Task Shoppers_AreNotSentToTheStaffPage_ButRefusedAsBefore()
    {
        using var client = await AccountTestClient.SignedInAsync(app);

        var page = await client.GetAsync("/admin/orders");

        Assert.StartsWith("/Account/AccessDenied", page.Path);
    }

    private const string StaffTwoFactorGateUrl = "/Account/StaffTwoFactor";
}
