using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.Integration.Account;

/// <summary>
/// Issue 11 §4: a password change or a role change signs the person out of their other sessions within a minute
/// (the security stamp, checked every minute). The app runs on a fake clock so "a minute later" is exact.
/// </summary>
public sealed class SignOutEverywhereTests : IAsyncLifetime
{
    private readonly ClockedAppFactory app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task PasswordChanged_TheOtherSessionIsSignedOutWithinAMinute_TheChangingOneStays()
    {
        var email = AccountTestClient.NewEmail("stamp");
        using var changer = AccountTestClient.Create(app);
        await changer.RegisterAndConfirmAsync(email);
        Assert.Equal("/", (await changer.LoginAsync(email, TestAccounts.Password)).Path);
        using var other = AccountTestClient.Create(app);
        Assert.Equal("/", (await other.LoginAsync(email, TestAccounts.Password)).Path);
        Assert.Equal("/Account/Manage", (await other.GetAsync("/Account/Manage")).Path);

        var changed = await changer.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = "Another-horse-43",
            ["Input.ConfirmPassword"] = "Another-horse-43",
        });
        Assert.Equal("/Account/Manage/ChangePassword", changed.Path);
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        Assert.StartsWith("/Account/Login", (await other.GetAsync("/Account/Manage")).Path);
        Assert.Equal("/Account/Manage", (await changer.GetAsync("/Account/Manage")).Path);
    }

    [Fact]
    public async Task ModeratorRoleRevoked_TheOpenSessionLosesTheBackOfficeWithinAMinute()
    {
        var moderator = await SocialApp.UserAsync(app, "mod" + Guid.NewGuid().ToString("N")[..8], "审核员");
        await TestAdmins.MakeStaffAsync(app, moderator.Id, Roles.Moderator);
        var admin = await TestAdmins.UserAsync(app);
        using var session = AccountTestClient.Create(app);
        Assert.Equal("/", (await session.LoginAsync(moderator.Email!, TestAccounts.Password)).Path);
        Assert.Equal("/admin/moderation", (await session.GetAsync("/admin/moderation")).Path);

        var actor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<StaffService>()
                .SetRoleAsync(actor, moderator.Id, Roles.Moderator, false, CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        Assert.StartsWith("/Account/Login", (await session.GetAsync("/admin/moderation")).Path);
    }

    /// <summary>The app with a <see cref="FakeTimeProvider"/> (starting now) as its clock.</summary>
    private sealed class ClockedAppFactory : AppFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
