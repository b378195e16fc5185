using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.Infrastructure;

/// <summary>Admins for tests: a confirmed user in the Admin role (password <see cref="TestAccounts.Password"/>), or an HTTP client signed in as one.</summary>
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
        return user;
    }

    public static async Task<AccountTestClient> ClientAsync(AppFactory app)
    {
        var user = await UserAsync(app);
        var client = AccountTestClient.Create(app);
        Assert.Equal("/", (await client.LoginAsync(user.Email!, TestAccounts.Password)).Path);
        return client;
    }
}
