using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Account;

public class PasswordResetTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ForgotPassword_InDevelopment_ShowsTheResetLinkThatWorks()
    {
        using var client = AccountTestClient.Create(app);
        var email = AccountTestClient.NewEmail("reset");
        await client.RegisterAndConfirmAsync(email);

        var sent = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = email });
        Assert.Equal("/Account/ForgotPasswordConfirmation", sent.Path);

        var reset = await client.FollowLinkAsync(sent, "[data-testid=dev-reset-link] a");
        Assert.Equal("/Account/ResetPassword", reset.Path);
        var done = await client.SubmitAsync(reset, "reset-password", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "brand-new-pass-7",
            ["Input.ConfirmPassword"] = "brand-new-pass-7",
        });
        Assert.Equal("/Account/ResetPasswordConfirmation", done.Path);

        Assert.Equal("/Account/Login", (await client.LoginAsync(email, TestAccounts.Password)).Path);
        Assert.Equal("/", (await client.LoginAsync(email, "brand-new-pass-7")).Path);
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_LooksTheSameAndShowsNoLink()
    {
        using var client = AccountTestClient.Create(app);
        var known = AccountTestClient.NewEmail("known");
        await client.RegisterAndConfirmAsync(known);

        var forKnown = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = known });
        var forUnknown = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = AccountTestClient.NewEmail("nobody") });

        Assert.Equal(forKnown.Path, forUnknown.Path);
        Assert.Equal(forKnown.Response.StatusCode, forUnknown.Response.StatusCode);
        Assert.Equal(forKnown.TextOf("main p[role=status]"), forUnknown.TextOf("main p[role=status]"));
        Assert.Null(forUnknown.Document.QuerySelector("[data-testid=dev-reset-link]"));
        // The link is handed over once; reloading the page does not show it again.
        Assert.Null((await client.GetAsync("/Account/ForgotPasswordConfirmation")).Document.QuerySelector("[data-testid=dev-reset-link]"));
    }
}
