using System.Net;
using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// A browser-like HTTP client for the account pages: keeps cookies, follows redirects, and posts
/// server-rendered forms the way a browser would (every field of the form, anti-forgery token included).
/// </summary>
public sealed class AccountTestClient : IDisposable
{
    private static readonly IBrowsingContext Browsing = BrowsingContext.New(Configuration.Default);

    private AccountTestClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>A client whose requests ask for <paramref name="culture"/> through Accept-Language.</summary>
    public static AccountTestClient Create(AppFactory app, string culture = "zh-CN")
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
        return new AccountTestClient(http);
    }

    /// <summary>
    /// A client of <paramref name="app"/> that keeps its cookies in <paramref name="cookies"/>, so several app
    /// instances (nodes) can be visited by one browser.
    /// </summary>
    public static AccountTestClient Create(AppFactory app, CookieContainer cookies, string culture = "zh-CN")
    {
        var http = app.CreateDefaultClient(app.ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler(cookies));
        http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
        return new AccountTestClient(http);
    }

    /// <summary>A unique address per call, so tests sharing one app never collide.</summary>
    public static string NewEmail(string prefix = "user") => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 12)] + "@example.test";

    /// <summary>Registers through the UI, confirms with the link the Development page shows, and signs in.</summary>
    public static async Task<AccountTestClient> SignedInAsync(AppFactory app, string? email = null, string password = TestAccounts.Password, string culture = "zh-CN")
    {
        var client = Create(app, culture);
        email ??= NewEmail();
        await client.RegisterAndConfirmAsync(email, password);
        var page = await client.LoginAsync(email, password);
        Assert.Equal("/", page.Path);
        return client;
    }

    public async Task<Page> RegisterAsync(string email, string password = TestAccounts.Password, string displayName = "测试用户", string? confirmPassword = null) =>
        await SubmitFormAsync("/Account/Register", "register", new()
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = displayName,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmPassword ?? password,
        });

    public async Task<Page> RegisterAndConfirmAsync(string email, string password = TestAccounts.Password, string displayName = "测试用户")
    {
        var confirmation = await RegisterAsync(email, password, displayName);
        Assert.Equal("/Account/RegisterConfirmation", confirmation.Path);
        var confirmed = await FollowLinkAsync(confirmation, "[data-testid=dev-confirmation-link] a");
        Assert.NotNull(confirmed.Document.QuerySelector("[data-testid=continue-to-login]"));
        return confirmed;
    }

    /// <summary>Signs in through the login form; for an account set up with <see cref="TestAccounts.EnableTwoFactorAsync"/>, answers the authenticator step too.</summary>
    public async Task<Page> LoginAsync(string email, string password)
    {
        var page = await SubmitFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (page.Path == "/Account/LoginWith2fa" && TestAccounts.AuthenticatorCode(email) is { } code)
            page = await SubmitAsync(page, "login-with-2fa", new() { ["Input.TwoFactorCode"] = code });
        return page;
    }

    public async Task<Page> SignOutAsync()
    {
        var manage = await GetAsync("/Account/Manage");
        return await SubmitAsync(manage, "Account/Logout", []);
    }

    public async Task<Page> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await Page.ReadAsync(response);
    }

    public async Task<Page> FollowLinkAsync(Page page, string selector)
    {
        var link = page.Document.QuerySelector(selector) as IHtmlAnchorElement
            ?? throw new InvalidOperationException($"No link '{selector}' on {page.Path}:\n{page.Text}");
        return await GetAsync(link.Href);
    }

    /// <summary>GETs <paramref name="url"/> and submits the form named <paramref name="form"/> on it.</summary>
    public async Task<Page> SubmitFormAsync(string url, string form, Dictionary<string, string> values)
    {
        var page = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        return await SubmitAsync(page, form, values);
    }

    /// <summary>
    /// Submits a form of an already loaded page. <paramref name="form"/> is a Blazor form name
    /// (the <c>_handler</c> field) or, for plain forms, the end of the form's action.
    /// </summary>
    public async Task<Page> SubmitAsync(Page page, string form, Dictionary<string, string> values)
    {
        var element = FindForm(page.Document, form)
            ?? throw new InvalidOperationException($"No form '{form}' on {page.Path}:\n{page.Text}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in element.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || values.ContainsKey(input.Name)) continue;
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            if (input.Type is "submit" or "button" or "image") continue;
            fields.Add(new(input.Name, input.Value));
        }
        fields.AddRange(values);
        Assert.Contains(fields, f => f.Key == "__RequestVerificationToken");
        var response = await Http.PostAsync(element.Action, new FormUrlEncodedContent(fields));
        return await Page.ReadAsync(response);
    }

    private static IHtmlFormElement? FindForm(IDocument document, string form) =>
        document.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f =>
            f.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == "_handler" && i.Value == form)
            || (f.GetAttribute("action") ?? "").EndsWith(form, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => Http.Dispose();

    /// <summary>A loaded page: where the redirects ended, the status and the parsed HTML.</summary>
    public sealed record Page(HttpResponseMessage Response, IDocument Document)
    {
        public string Path => Response.RequestMessage!.RequestUri!.AbsolutePath;

        /// <summary>The visible text with whitespace collapsed, for readable assertions.</summary>
        public string Text => string.Join(' ', (Document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        public string? TextOf(string selector) => Document.QuerySelector(selector)?.TextContent.Trim();

        public static async Task<Page> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            var url = response.RequestMessage!.RequestUri!.ToString();
            var document = await Browsing.OpenAsync(r => r.Content(html).Address(url));
            return new Page(response, document);
        }
    }
}
