using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration;

/// <summary>ADR-029: the security headers on a page, a cached page and a static file; foreign hosts outside Development.</summary>
public sealed partial class SecurityHeadersTests
{
    [Fact]
    public async Task Page_HasThePolicy_AndItsNonceOnTheImportMap()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient();

        var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = AssertHeaders(response);
        foreach (var directive in new[]
                 {
                     "default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
                     "connect-src 'self' ws://localhost wss://localhost", "object-src 'none'", "base-uri 'self'",
                     "form-action 'self'", "frame-ancestors 'none'",
                 })
            Assert.Contains(directive, policy);
        Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal(NonceOf(policy), ImportMapNonce(await response.Content.ReadAsStringAsync()));

        var again = await client.GetAsync("/Account/Login");
        Assert.NotEqual(NonceOf(policy), NonceOf(AssertHeaders(again)));
    }

    [Fact]
    public async Task CachedPage_ReplaysThePolicyStoredWithIt_AFreshRenderGetsANewNonce()
    {
        await using var app = new AppFactory();
        app.Settings["Caching:AnonymousPages"] = "true";
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var author = await TestData.UserAsync(db, "csp_author");
        var note = await TestData.NoteAsync(db, author.Id, "安全头");
        var client = app.CreateClient();

        var first = await client.GetAsync($"/notes/{note.Id}");
        app.Commands.Reset();
        var second = await client.GetAsync($"/notes/{note.Id}");

        Assert.Equal(0, app.Commands.Count); // the second answer came from the cache
        var firstPolicy = AssertHeaders(first);
        var secondPolicy = AssertHeaders(second);
        Assert.Equal(firstPolicy, secondPolicy);
        Assert.Single(second.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(NonceOf(secondPolicy), ImportMapNonce(await second.Content.ReadAsStringAsync()));

        // Another page is rendered afresh, with its own nonce.
        var other = await client.GetAsync("/Account/Login");
        Assert.NotEqual(NonceOf(firstPolicy), NonceOf(AssertHeaders(other)));
    }

    [Fact]
    public async Task StaticFile_HasTheHeaders()
    {
        await using var app = new AppFactory();
        var response = await app.CreateClient().GetAsync("/app.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task Production_WithAllowedHosts_ForeignHostIs400_TheShopsHostIsServed()
    {
        await using var app = new ProductionAppFactory();
        app.Settings["AllowedHosts"] = "shop.example.test";

        var foreign = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://evil.example") }).GetAsync("/health");
        var shop = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://shop.example.test") }).GetAsync("/health");

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shop.StatusCode);
        Assert.True(shop.Headers.Contains("Strict-Transport-Security"));
        AssertHeaders(shop);
    }

    [Fact]
    public async Task Development_AnyHostIsServed()
    {
        await using var app = new AppFactory();

        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://shop.example.test") }).GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string AssertHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy);
        return policy;
    }

    private static string NonceOf(string policy) => NonceSource().Match(policy).Groups["nonce"].Value;

    private static string? ImportMapNonce(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("script[type=importmap]")?.GetAttribute("nonce");

    [GeneratedRegex("'nonce-(?<nonce>[^']+)'")]
    private static partial Regex NonceSource();

    /// <summary>The app as deployed: Production, its public origin, no payment settings.</summary>
    private sealed class ProductionAppFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            // Outside Development start-up requires the public origin (issue 11).
            builder.UseSetting("App:PublicOrigin", "https://shop.example.test");
        }
    }
}
