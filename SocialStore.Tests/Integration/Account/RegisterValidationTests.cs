using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Account;

public class RegisterValidationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("zh-CN", "已被注册")]
    [InlineData("en-US", "already exists")]
    public async Task Register_DuplicateEmail_ShowsLocalisedMessageAndCreatesNothing(string culture, string expected)
    {
        var email = AccountTestClient.NewEmail("dup");
        using (var first = AccountTestClient.Create(app))
            Assert.Equal("/Account/RegisterConfirmation", (await first.RegisterAsync(email, displayName: "First")).Path);
        using var client = AccountTestClient.Create(app, culture);

        var page = await client.RegisterAsync(email, displayName: "Second");

        Assert.Equal("/Account/Register", page.Path);
        var message = page.TextOf("[data-testid=status-message]");
        Assert.NotNull(message);
        Assert.Contains(expected, message);
        Assert.Contains(email, message);
        // The email is also the user name; the second, confusing "name taken" error is not shown.
        Assert.DoesNotContain(culture == "zh-CN" ? "账号名" : "account name", message);
        Assert.Equal(1, await CountUsersAsync(u => u.Email == email));
        Assert.Equal(0, await CountUsersAsync(u => u.DisplayName == "Second"));
    }

    [Fact]
    public async Task Register_LanguageSwitchCookie_WinsOverAcceptLanguage()
    {
        var email = AccountTestClient.NewEmail("cookie");
        using (var first = AccountTestClient.Create(app))
            await first.RegisterAsync(email);
        using var client = AccountTestClient.Create(app, "zh-CN");
        // The one-click switch in the top bar stores the .AspNetCore.Culture cookie.
        var switched = await client.GetAsync("/culture?c=en-US&r=/Account/Register");
        Assert.Equal("Create an account", switched.TextOf("main h1"));

        var page = await client.RegisterAsync(email);

        Assert.Contains("already exists", page.TextOf("[data-testid=status-message]"));
    }

    public static TheoryData<string, string, string, string, string, string> InvalidInput => new()
    {
        // culture, email, display name, password, confirmation, expected message
        { "zh-CN", "not-an-email", "小明", TestAccounts.Password, TestAccounts.Password, "请输入有效的邮箱地址。" },
        { "en-US", "not-an-email", "Ming", TestAccounts.Password, TestAccounts.Password, "Enter a valid email address." },
        { "zh-CN", "{email}", "", TestAccounts.Password, TestAccounts.Password, "请填写昵称。" },
        { "en-US", "{email}", "", TestAccounts.Password, TestAccounts.Password, "Display name is required." },
        { "zh-CN", "{email}", new string('长', 41), TestAccounts.Password, TestAccounts.Password, "昵称最多 40 个字符。" },
        { "en-US", "{email}", new string('x', 41), TestAccounts.Password, TestAccounts.Password, "Display name can be at most 40 characters long." },
        { "zh-CN", "{email}", "小明", TestAccounts.Password, "other-pass-42", "两次输入的密码不一致。" },
        { "en-US", "{email}", "Ming", TestAccounts.Password, "other-pass-42", "The two passwords do not match." },
        // Identity's own password rules, through the localised error describer.
        { "zh-CN", "{email}", "小明", "short1", "short1", "密码至少需要 8 个字符。" },
        { "en-US", "{email}", "Ming", "nodigitshere", "nodigitshere", "The password must contain at least one digit (0–9)." },
    };

    [Theory]
    [MemberData(nameof(InvalidInput))]
    public async Task Register_InvalidInput_ShowsLocalisedMessageAndCreatesNothing(
        string culture, string email, string displayName, string password, string confirmation, string expected)
    {
        email = email.Replace("{email}", AccountTestClient.NewEmail("bad"));
        using var client = AccountTestClient.Create(app, culture);

        var page = await client.RegisterAsync(email, password, displayName, confirmation);

        Assert.Equal("/Account/Register", page.Path);
        Assert.Contains(expected, page.Text);
        Assert.Equal(0, await CountUsersAsync(u => u.Email == email));
    }

    private async Task<int> CountUsersAsync(System.Linq.Expressions.Expression<Func<global::SocialStore.Domain.Identity.ApplicationUser, bool>> predicate)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Users.CountAsync(predicate);
    }
}
