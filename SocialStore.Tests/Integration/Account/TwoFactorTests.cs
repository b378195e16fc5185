using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Account;

public class TwoFactorTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Totp_Rfc6238TestVector_MatchesTheSpecification()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits), so 287082 with 6.
        var key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of "12345678901234567890"

        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    [Fact]
    public async Task EnableAuthenticator_WithCodeFromShownKey_MakesSignInAskForTheCode()
    {
        var email = AccountTestClient.NewEmail("totp");
        using var client = await AccountTestClient.SignedInAsync(app, email);

        var setup = await client.GetAsync("/Account/Manage/EnableAuthenticator");
        var key = setup.TextOf("[data-testid=authenticator-key]");
        Assert.False(string.IsNullOrWhiteSpace(key));
        Assert.StartsWith("otpauth://totp/SocialStore:", setup.Document.QuerySelector("[data-testid=authenticator-uri]")?.GetAttribute("href"));

        var wrong = await client.SubmitAsync(setup, "send-code", new() { ["Input.Code"] = OtherCode(Totp.Code(key!, DateTimeOffset.UtcNow)) });
        Assert.Contains("验证码不正确", wrong.TextOf("[data-testid=status-message]"));

        var enabled = await client.SubmitAsync(wrong, "send-code", new() { ["Input.Code"] = Totp.Code(key!, DateTimeOffset.UtcNow) });
        Assert.Equal(10, enabled.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
        Assert.Contains("两步验证已开启", (await client.GetAsync("/Account/Manage/TwoFactorAuthentication")).TextOf("[data-testid=two-factor-state]"));

        await client.SignOutAsync();
        var challenge = await client.LoginAsync(email, TestAccounts.Password);
        Assert.Equal("/Account/LoginWith2fa", challenge.Path);
        Assert.Equal("/Account/Login", (await client.GetAsync("/Account/Manage")).Path);

        challenge = await client.LoginAsync(email, TestAccounts.Password);
        var rejected = await client.SubmitAsync(challenge, "login-with-2fa", new() { ["Input.TwoFactorCode"] = OtherCode(Totp.Code(key!, DateTimeOffset.UtcNow)) });
        Assert.Equal("/Account/LoginWith2fa", rejected.Path);
        Assert.Contains("动态码不正确", rejected.TextOf("[data-testid=status-message]"));

        var signedIn = await client.SubmitAsync(rejected, "login-with-2fa", new() { ["Input.TwoFactorCode"] = Totp.Code(key!, DateTimeOffset.UtcNow) });
        Assert.Equal("/", signedIn.Path);
        Assert.Equal("/Account/Manage", (await client.GetAsync("/Account/Manage")).Path);
    }

    [Fact]
    public async Task LoginWith2fa_WithoutPasswordStep_GoesBackToLogin()
    {
        using var client = AccountTestClient.Create(app);

        var page = await client.GetAsync("/Account/LoginWith2fa");

        Assert.Equal("/Account/Login", page.Path);
    }

    /// <summary>A code that is certainly wrong: the right one with its first digit changed.</summary>
    private static string OtherCode(string code) => (char)('0' + (code[0] - '0' + 5) % 10) + code[1..];
}
