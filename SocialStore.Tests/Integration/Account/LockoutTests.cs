using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Account;

public class LockoutTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        using var client = AccountTestClient.Create(app);
        var email = AccountTestClient.NewEmail("lock");
        await client.RegisterAndConfirmAsync(email);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await client.LoginAsync(email, "wrong-password-" + attempt);
            Assert.Equal("/Account/Login", failed.Path);
            Assert.Contains("邮箱或密码错误", failed.TextOf("[data-testid=status-message]"));
        }

        var fifth = await client.LoginAsync(email, "wrong-password-5");
        Assert.Equal("/Account/Lockout", fifth.Path);
        Assert.Contains("账号已被暂时锁定", fifth.TextOf("[data-testid=lockout]"));

        var right = await client.LoginAsync(email, TestAccounts.Password);
        Assert.Equal("/Account/Lockout", right.Path);
        Assert.Equal("/Account/Login", (await client.GetAsync("/Account/Manage")).Path);
    }

    [Fact]
    public async Task Lockout_InEnglish_IsLocalised()
    {
        using var client = AccountTestClient.Create(app, "en-US");

        var page = await client.GetAsync("/Account/Lockout");

        Assert.Equal("Account locked", page.TextOf("main h1"));
        Assert.Contains("Too many failed sign-in attempts", page.TextOf("[data-testid=lockout]"));
    }
}
