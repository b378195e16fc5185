using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;

namespace SocialStore.Tests.Infrastructure;

public sealed record TestUser(string Id, string Email, string Password);

/// <summary>Accounts for integration tests: a confirmed user made through UserManager, signed in through the real login form.</summary>
public static class TestAccounts
{
    /// <summary>The one password of every test account (it meets the app's password rules).</summary>
    public const string Password = "Correct-horse-42";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> AuthenticatorKeys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Turns on two-factor sign-in for a test account with a fresh authenticator key, and remembers the key so
    /// the sign-in helpers (<see cref="AccountTestClient.LoginAsync"/>, <c>BrowserSignIn</c>) answer the second
    /// step as an authenticator app would. Staff need it: the back office opens only after a two-factor sign-in.
    /// </summary>
    public static async Task EnableTwoFactorAsync(WebApplicationFactory<Program> app, string userId)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No user {userId}.");
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        if (!enabled.Succeeded) throw new InvalidOperationException(string.Join("; ", enabled.Errors.Select(e => e.Description)));
        AuthenticatorKeys[user.Email!] = key;
    }

    /// <summary>The current authenticator code of an account set up by <see cref="EnableTwoFactorAsync"/>, or null.</summary>
    public static string? AuthenticatorCode(string email) =>
        AuthenticatorKeys.TryGetValue(email, out var key) ? Totp.Code(key, DateTimeOffset.UtcNow) : null;

    public static async Task<TestUser> CreateConfirmedUserAsync(WebApplicationFactory<Program> app, string? email = null, string? displayName = null)
    {
        email ??= $"user{Guid.NewGuid():N}"[..16] + "@example.test";
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await accounts.NewUserAsync(email, displayName, CancellationToken.None);
        user.EmailConfirmed = true;
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return new TestUser(user.Id, email, Password);
    }

    /// <summary>A client that keeps cookies, does not follow redirects, and is signed in as a new confirmed user.</summary>
    public static async Task<(HttpClient Client, TestUser User)> SignedInClientAsync(WebApplicationFactory<Program> app, string? displayName = null)
    {
        var user = await CreateConfirmedUserAsync(app, displayName: displayName);
        // On a real port the factory's client follows redirects whatever its options say.
        var client = app is KestrelAppFactory kestrel
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(kestrel.BaseUrl) }
            : app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(client, user);
        return (client, user);
    }

    public static async Task SignInAsync(HttpClient client, TestUser user)
    {
        var form = await TestForm.ReadAsync(client, "/Account/Login", "input[name='Input.Email']");
        var response = await form.PostAsync(client, new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        if (response.Headers.Location is { } next && next.OriginalString.Contains("/Account/LoginWith2fa", StringComparison.Ordinal)
            && AuthenticatorCode(user.Email) is { } code)
        {
            // A staff account: answer the authenticator step.
            var second = await TestForm.ReadAsync(client, next.OriginalString, "[id='Input.TwoFactorCode']");
            response = await second.PostAsync(client, new() { ["Input.TwoFactorCode"] = code });
        }
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.TryGetValues("Set-Cookie", out var cookies)
            || !cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)))
            throw new InvalidOperationException($"Sign-in as {user.Email} failed: {(int)response.StatusCode}.");
    }
}

public sealed record TestFile(string FieldName, string FileName, string ContentType, byte[] Content);

/// <summary>A server-rendered form as the browser sees it: its URL and every field with its current value (anti-forgery token included).</summary>
public sealed class TestForm(string url, IReadOnlyList<KeyValuePair<string, string>> fields, bool multipart)
{
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; } = fields;

    /// <summary>GETs <paramref name="url"/> and reads the form that <paramref name="selector"/> matches or is inside.</summary>
    public static async Task<TestForm> ReadAsync(HttpClient client, string url, string selector)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} returned {(int)response.StatusCode}.");
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var form = document.QuerySelector(selector)?.Closest("form") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{selector}' on {url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "file" or "submit" or "button" }:
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    continue;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        var action = form.GetAttribute("action");
        return new TestForm(string.IsNullOrEmpty(action) ? url : action, fields,
            string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Posts the form with some fields changed and, for a multipart form, files attached.</summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> changes, params TestFile[] files)
    {
        var values = Fields.Where(f => !changes.ContainsKey(f.Key)).Concat(changes).ToList();
        if (!multipart)
        {
            if (files.Length > 0) throw new InvalidOperationException("Files need a multipart form.");
            return client.PostAsync(url, new FormUrlEncodedContent(values));
        }
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in values) content.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.FieldName, file.FileName);
        }
        return client.PostAsync(url, content);
    }
}
