using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Hosting;

namespace SocialStore.Tests.Integration;

public class CreateAdminTests
{
    [Fact]
    public async Task CreateAdmin_NewEmail_MakesAConfirmedAdminWithTheOneTimePasswordPrinted()
    {
        await using var app = new AppFactory();
        _ = app.Server;
        var output = new StringWriter();
        var code = await CommandLine.CreateAdminAsync(app.Services, "boss@example.test", output);

        Assert.Equal(0, code);
        var password = output.ToString().Split('\n').Single(l => l.StartsWith("One-time password: ")).Split(": ")[1].Trim();
        Assert.Equal(20, password.Length);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("boss@example.test");
        Assert.NotNull(admin);
        Assert.True(admin.EmailConfirmed);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, password));
        Assert.True(Handles.IsValid(admin.Handle));
    }

    [Fact]
    public async Task CreateAdmin_Twice_ReplacesThePassword()
    {
        await using var app = new AppFactory();
        _ = app.Server;
        var first = new StringWriter();
        var second = new StringWriter();
        await CommandLine.CreateAdminAsync(app.Services, "boss2@example.test", first);
        await CommandLine.CreateAdminAsync(app.Services, "boss2@example.test", second);

        static string Password(StringWriter w) => w.ToString().Split('\n').Single(l => l.StartsWith("One-time password: ")).Split(": ")[1].Trim();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync("boss2@example.test"))!;
        Assert.False(await users.CheckPasswordAsync(admin, Password(first)));
        Assert.True(await users.CheckPasswordAsync(admin, Password(second)));
    }

    [Fact]
    public void OneTimePassword_AlwaysMeetsThePasswordRules()
    {
        // A random 20-character string lacks a digit about one time in twenty; the generator must never return one.
        for (var i = 0; i < 2000; i++)
        {
            var password = CommandLine.OneTimePassword();
            Assert.Equal(20, password.Length);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsUpper);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-email")]
    public async Task CreateAdmin_BadEmail_PrintsUsage(string? email)
    {
        await using var app = new AppFactory();
        _ = app.Server;
        Assert.Equal(2, await CommandLine.CreateAdminAsync(app.Services, email, new StringWriter()));
    }
}
