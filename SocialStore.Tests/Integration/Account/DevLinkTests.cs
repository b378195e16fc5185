using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Account;

/// <summary>
/// In Development the confirmation and reset links are shown on the page (there is no mail server), but
/// only to the browser that just registered or asked, and only on a request from this machine.
/// </summary>
public class DevLinkTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task RegisterConfirmation_AnotherClientAsksForTheVictimsAddress_NoLinkAndTheOrdinaryText()
    {
        using var victim = AccountTestClient.Create(app);
        var email = AccountTestClient.NewEmail("victim");
        var own = await victim.RegisterAsync(email);
        Assert.NotNull(own.Document.QuerySelector("[data-testid=dev-confirmation-link] a"));

        using var attacker = AccountTestClient.Create(app);
        var page = await attacker.GetAsync("/Account/RegisterConfirmation?email=" + Uri.EscapeDataString(email));

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Null(page.Document.QuerySelector("[data-testid=dev-confirmation-link]"));
        Assert.Equal(own.TextOf("main p[role=status]"), page.TextOf("main p[role=status]"));
        // An address nobody registered looks the same (the page tells nothing about accounts).
        var unknown = await attacker.GetAsync("/Account/RegisterConfirmation?email=" + Uri.EscapeDataString(AccountTestClient.NewEmail("nobody")));
        Assert.Equal(HttpStatusCode.OK, unknown.Response.StatusCode);
        Assert.Null(unknown.Document.QuerySelector("[data-testid=dev-confirmation-link]"));
    }

    [Fact]
    public async Task RegisterConfirmation_RegisteringClientSwapsInAnotherAddress_NoLink()
    {
        using var victim = AccountTestClient.Create(app);
        var victimEmail = AccountTestClient.NewEmail("victim");
        await victim.RegisterAsync(victimEmail);

        // The attacker registers an address of its own and, instead of following the redirect, asks for the victim's.
        using var attacker = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await new HtmlParser().ParseDocumentAsync(await attacker.GetStringAsync("/Account/Register"));
        var fields = form.QuerySelectorAll("form").First(f => f.QuerySelector("input[name=_handler][value=register]") is not null)
            .QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.Email"] = AccountTestClient.NewEmail("attacker");
        fields["Input.DisplayName"] = "攻击者";
        fields["Input.Password"] = fields["Input.ConfirmPassword"] = TestAccounts.Password;
        var registered = await attacker.PostAsync("/Account/Register", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var page = await attacker.GetStringAsync("/Account/RegisterConfirmation?email=" + Uri.EscapeDataString(victimEmail));

        Assert.DoesNotContain("dev-confirmation-link", page);
    }

    [Fact]
    public async Task RegisterConfirmation_RegisteringFromAnotherMachine_NoLink()
    {
        using var remote = AccountTestClient.Create(app);
        remote.Http.DefaultRequestHeaders.Add(AppFactory.RemoteAddressHeader, "203.0.113.7");

        var page = await remote.RegisterAsync(AccountTestClient.NewEmail("remote"));

        Assert.Equal("/Account/RegisterConfirmation", page.Path);
        Assert.Null(page.Document.QuerySelector("[data-testid=dev-confirmation-link]"));
    }

    [Fact]
    public async Task ForgotPasswordConfirmation_FromAnotherMachine_NoResetLink()
    {
        using var owner = AccountTestClient.Create(app);
        var email = AccountTestClient.NewEmail("owner");
        await owner.RegisterAndConfirmAsync(email);

        using var remote = AccountTestClient.Create(app);
        remote.Http.DefaultRequestHeaders.Add(AppFactory.RemoteAddressHeader, "203.0.113.8");
        var sent = await remote.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = email });

        Assert.Equal("/Account/ForgotPasswordConfirmation", sent.Path);
        Assert.Null(sent.Document.QuerySelector("[data-testid=dev-reset-link]"));
    }

    [Fact]
    public async Task ForgotPasswordConfirmation_OnlyTheAskingClientGetsTheLink()
    {
        using var owner = AccountTestClient.Create(app);
        var email = AccountTestClient.NewEmail("owner");
        await owner.RegisterAndConfirmAsync(email);
        var sent = await owner.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = email });
        Assert.NotNull(sent.Document.QuerySelector("[data-testid=dev-reset-link] a"));

        using var other = AccountTestClient.Create(app);
        var page = await other.GetAsync("/Account/ForgotPasswordConfirmation");

        Assert.Null(page.Document.QuerySelector("[data-testid=dev-reset-link]"));
    }

    [Fact]
    public async Task ForgotPasswordConfirmation_ForgedCookie_NoResetLink()
    {
        using var client = AccountTestClient.Create(app);
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/ForgotPasswordConfirmation");
        request.Headers.Add("Cookie", "Identity.DevResetLink=" + Uri.EscapeDataString("http://localhost/Account/ResetPassword?code=x"));

        var response = await client.Http.SendAsync(request);

        Assert.DoesNotContain("dev-reset-link", await response.Content.ReadAsStringAsync());
    }
}
