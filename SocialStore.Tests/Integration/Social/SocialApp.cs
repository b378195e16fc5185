using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Social;

/// <summary>Puts people and notes straight into a running app and signs a client in through the real login form.</summary>
public static class SocialApp
{
    public static async Task<ApplicationUser> UserAsync(AppFactory app, string handle, string displayName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = $"{handle}@example.test",
            Email = $"{handle}@example.test",
            EmailConfirmed = true,
            Handle = handle,
            DisplayName = displayName,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, TestAccounts.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public static async Task<long> NoteAsync(AppFactory app, string authorId, string title = "秋冬护肤")
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var note = Note.Create(authorId, title, "正文", [new NoteImage { StorageKey = "seed/c.svg", Width = 3, Height = 4 }], DateTimeOffset.UtcNow);
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        return note.Id;
    }

    public static T Service<T>(AppFactory app) where T : notnull => app.Services.GetRequiredService<T>();

    /// <summary>A client with the sign-in cookie of <paramref name="user"/>, got by posting the login form with its antiforgery token.</summary>
    public static async Task<HttpClient> SignedInClientAsync(AppFactory app, ApplicationUser user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var login = new HtmlParser().ParseDocument(await client.GetStringAsync("/Account/Login"));
        var form = login.QuerySelector("form[method=post]")!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("Input.Email", user.Email!))
            .Append(new("Input.Password", TestAccounts.Password));
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        response.EnsureSuccessStatusCode();
        Assert.Contains("data-testid=\"me-link\"", await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>Posts a Blazor SSR form of the page (its hidden fields carry the form name and the antiforgery token).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string html, string formSelector)
    {
        var form = new HtmlParser().ParseDocument(html).QuerySelector(formSelector)!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        return await client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : url, new FormUrlEncodedContent(fields));
    }
}
