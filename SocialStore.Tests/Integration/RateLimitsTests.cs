using System.Net;
using System.Net.Http.Headers;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration;

/// <summary>ADR-031: the rate limiter, partitioned by user or client address, with its localised 429 page.</summary>
public sealed class RateLimitsTests
{
    private const string OtherAddress = "203.0.113.7";

    [Theory]
    [InlineData("zh-CN", "太频繁了，请稍后再试")]
    [InlineData("en-US", "Too many requests — please wait a moment and try again")]
    public async Task AccountPost_OverTheLimit_Is429WithRetryAfterAndLocalisedPage(string culture, string text)
    {
        await using var app = new AppFactory();
        app.Settings["RateLimits:Account:PermitLimit"] = "3";
        var client = PageClient(app, culture);

        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostLoginAsync(client)).StatusCode);
        var rejected = await PostLoginAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.NotNull(rejected.Headers.RetryAfter?.Delta);
        Assert.InRange(rejected.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("text/html", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Contains(text, await rejected.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AccountPost_OverTheLimit_AnotherAddressIsNotAffected()
    {
        await using var app = new AppFactory();
        app.Settings["RateLimits:Account:PermitLimit"] = "2";
        var client = PageClient(app, "zh-CN");
        for (var i = 0; i < 2; i++) await PostLoginAsync(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostLoginAsync(client)).StatusCode);

        var other = PageClient(app, "zh-CN");
        other.DefaultRequestHeaders.Add(AppFactory.RemoteAddressHeader, OtherAddress);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostLoginAsync(other)).StatusCode);
        // GETs count against their own, generous limit: the sign-in page itself still opens.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task SignedInUser_IsPartitionedByUser_NotByAddress()
    {
        await using var app = new AppFactory();
        app.Settings["RateLimits:Search:PermitLimit"] = "3";
        using var user = await AccountTestClient.SignedInAsync(app);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/search/suggest?q=a")).StatusCode);

        // The same person from another address is still over their limit...
        using var moved = new HttpRequestMessage(HttpMethod.Get, "/search/suggest?q=a");
        moved.Headers.Add(AppFactory.RemoteAddressHeader, OtherAddress);
        var rejected = await user.Http.SendAsync(moved);
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.NotNull(rejected.Headers.RetryAfter);
        // ...while an anonymous visitor on the user's own address has a limit of their own.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/search/suggest?q=a")).StatusCode);
    }

    [Fact]
    public async Task StaticFilesAndHealth_AreNeverLimited()
    {
        await using var app = new AppFactory();
        app.Settings["RateLimits:Pages:PermitLimit"] = "2";
        var client = app.CreateClient();

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/_framework/blazor.web.js")).StatusCode);
        }
        // The limit itself is in force for pages.
        await client.GetAsync("/Account/Login");
        await client.GetAsync("/Account/Login");
        var rejected = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("text/plain", rejected.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NotFound_ReExecutedPage_CountsOnce()
    {
        await using var app = new AppFactory();
        app.Settings["RateLimits:Pages:PermitLimit"] = "2";
        var client = PageClient(app, "zh-CN");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/not-a-page")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task DefaultLimits_PageTour_IsNeverLimited()
    {
        await using var app = new AppFactory();
        using var visitor = await AccountTestClient.SignedInAsync(app);
        var anonymous = PageClient(app, "en-US");
        string[] pages = ["/", "/search", "/search?q=a", "/search/suggest?q=a", "/cart", "/Account/Manage", "/app.css", "/health", "/not-a-page"];

        for (var round = 0; round < 5; round++)
        {
            foreach (var page in pages)
            {
                Assert.NotEqual(HttpStatusCode.TooManyRequests, (await visitor.Http.GetAsync(page)).StatusCode);
                Assert.NotEqual(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync(page)).StatusCode);
            }
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostLoginAsync(anonymous)).StatusCode);
        }
    }

    private static HttpClient PageClient(AppFactory app, string culture)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(culture));
        return client;
    }

    /// <summary>A sign-in form post (without a token: the limiter answers before anti-forgery is checked).</summary>
    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client) =>
        client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@example.test",
            ["Input.Password"] = "wrong",
        }));
}
