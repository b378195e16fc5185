using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// Admins for tests: a confirmed user in the Admin role with two-factor sign-in on (password <see cref="TestAccounts.Password"/>;
/// the sign-in helpers answer the authenticator step), or an HTTP client signed in as one.
/// </summary>
public static class TestAdmins
{
    public static async Task<ApplicationUser> UserAsync(AppFactory app)
    {
        var user = await SocialApp.UserAsync(app, "admin" + Guid.NewGuid().ToString("N")[..8], "运营");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Admin)) await roles.CreateAsync(new IdentityRole(Roles.Admin));
        Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(user.Id))!, Roles.Admin)).Succeeded);
        await TestAccounts.EnableTwoFactorAsync(app, user.Id);
        return user;
    }

    /// <summary>Puts an existing test user in a staff role with two-factor sign-in on, as the back office requires.</summary>
    public static async Task MakeStaffAsync(AppFactory app, string userId, string role)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(userId))!, role)).Succeeded);
        }
        await TestAccounts.EnableTwoFactorAsync(app, userId);
    }

    public static async Task<AccountTestClient> ClientAsync(AppFactory app)
    {
        var user = await UserAsync(app);
        var client = AccountTestClient.Create(app);
        Assert.Equal("/", (await client.LoginAsync(user.Email!, TestAccounts.Password)).Path);
        return client;
    }
}
