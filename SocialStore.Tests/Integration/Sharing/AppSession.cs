using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Sharing;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Sharing;

/// <summary>Browsing the real app in tests: clients that do not follow redirects, real sign-in through the login form, HTML parsed with AngleSharp.</summary>
public static class AppSession
{
    public const string BrowserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50";

    public static IDbContextFactory<SocialStoreDbContext> Db(this AppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();

    public static TestCommunity Community(this AppFactory app) => new(app.Db());

    public static HttpClient Browser(this AppFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserAgent);
        return client;
    }

    /// <summary>Signs in through /Account/Login as a user created with <see cref="TestAccounts.Password"/>.</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this AppFactory app, string handle)
    {
        var client = app.Browser();
        var login = await client.GetDocumentAsync("/Account/Login");
        var fields = FormFields(login.QuerySelector("form[method=post] input[name=_handler][value=login]")!.Closest("form")!);
        fields["Input.Email"] = $"{handle}@example.test";
        fields["Input.Password"] = TestAccounts.Password;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {handle} failed: {(int)response.StatusCode}");
        return client;
    }

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await response.ReadDocumentAsync();
    }

    public static async Task<IDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The form's named inputs with their values, as a browser would submit them.</summary>
    public static Dictionary<string, string> FormFields(IElement form) =>
        form.QuerySelectorAll("input[name]")
            .GroupBy(i => i.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? "");
}
