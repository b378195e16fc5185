using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration;

/// <summary>
/// Hand-edited query strings never answer 5xx: every query parameter of every page (found by reflection
/// over the components' [SupplyParameterFromQuery] properties and routes, so new pages are covered
/// without touching this test) is fed junk, and the page falls back to its default.
/// </summary>
public sealed partial class QueryStringJunkTests : AppPageTest
{
    public static readonly string[] Junk = ["abc", "-1", "99999999999", "1e9", "", new string('9', 3000)];

    [Fact]
    public void QueryParameters_DiscoveredByReflection_IncludeTheKnownOnes()
    {
        var (pages, shared) = Discover();
        var all = pages.SelectMany(p => p.Parameters).Concat(shared).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Superset(new HashSet<string>(["page", "instock", "RememberMe", "sku", "before", "saved", "changed", "stars"], StringComparer.OrdinalIgnoreCase), all);
        Assert.Contains(pages, p => p.Route == "/search");
        Assert.Contains(pages, p => p.Route == "/shop");
    }

    [Fact]
    public async Task EveryPage_JunkInEveryQueryParameter_NeverAnswers5xx()
    {
        var (pages, shared) = Discover();
        var product = await CatalogTestData.SimpleAsync(app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>(), "面霜", 99m);
        var admin = await TestAdmins.UserAsync(app);
        using var adminClient = await TestAdmins.ClientAsync(app);
        using var anonymous = AccountTestClient.Create(app);

        var failures = new List<string>();
        foreach (var page in pages)
        {
            var path = RouteParameter().Replace(page.Route, m => m.Groups["constraint"].Value is "long" or "int" ? product.Id.ToString() : m.Groups["name"].Value == "Handle" ? admin.Handle : "x");
            var parameters = page.Parameters.Concat(shared).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var value in Junk)
            {
                var url = path + "?" + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p)}={Uri.EscapeDataString(value)}"));
                foreach (var (who, client) in page.NeedsSignIn ? [("admin", adminClient)] : new[] { ("anonymous", anonymous), ("admin", adminClient) })
                {
                    var response = await client.Http.GetAsync(url);
                    if ((int)response.StatusCode >= 500) failures.Add($"{who} GET {Shorten(url)} → {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/search?q=a&page=abc")]
    [InlineData("/search?q=a&page=99999999999")]
    [InlineData("/shop?instock=1")]
    [InlineData("/Account/LoginWith2fa?RememberMe=x")]
    public async Task ReportedUrls_AnswerWithoutServerError(string url)
    {
        using var client = AccountTestClient.Create(app);

        var response = await client.Http.GetAsync(url);

        Assert.True((int)response.StatusCode < 500, $"{url} → {(int)response.StatusCode}");
    }

    [Fact]
    public async Task ShopInStock_OneOrTrue_FiltersLikeTheCheckbox()
    {
        using var client = AccountTestClient.Create(app);

        var one = await client.GetAsync("/shop?instock=1");
        var junk = await client.GetAsync("/shop?instock=abc");

        Assert.NotNull(one.Document.QuerySelector("input[name=instock][checked]"));
        Assert.Null(junk.Document.QuerySelector("input[name=instock][checked]"));
    }

    [Theory]
    [InlineData("/Account/PerformExternalLogin", "/Account/Login")]
    [InlineData("/Account/Manage/LinkExternalLogin", "/Account/Manage/ExternalLogins")]
    public async Task ExternalLogin_UnknownProvider_BackToThePageNotAServerError(string action, string landing)
    {
        using var client = await TestAdmins.ClientAsync(app);
        var login = await client.GetAsync("/Account/Manage");
        var token = login.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.Http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["provider"] = "NoSuchProvider",
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(landing, response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private sealed record RoutedPage(string Route, bool NeedsSignIn, IReadOnlyList<string> Parameters);

    /// <summary>
    /// Every routed page with its own query parameters, and the parameters of components that have no route
    /// (they read the query of whichever page hosts them, so every page is given them too).
    /// </summary>
    private static (IReadOnlyList<RoutedPage> Pages, IReadOnlyList<string> Shared) Discover()
    {
        var components = typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        var pages = new List<RoutedPage>();
        var shared = new List<string>();
        foreach (var type in components)
        {
            var parameters = type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(p => p.Attribute is not null)
                .Select(p => p.Attribute!.Name ?? p.Property.Name)
                .ToList();
            var routes = type.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ToList();
            if (routes.Count == 0)
            {
                shared.AddRange(parameters);
                continue;
            }
            var needsSignIn = type.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any();
            pages.AddRange(routes.Select(route => new RoutedPage(route, needsSignIn, parameters)));
        }
        return (pages.OrderBy(p => p.Route, StringComparer.Ordinal).ToList(), shared.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static string Shorten(string url) => url.Length > 200 ? url[..200] + "…" : url;

    [GeneratedRegex(@"\{\*?(?<name>\w+)(:(?<constraint>\w+))?\??\}")]
    private static partial Regex RouteParameter();
}
