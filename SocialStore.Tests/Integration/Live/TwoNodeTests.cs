using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Live;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Live;

/// <summary>
/// Two app instances on different ports, one SQLite database, one Redis (ADR-052): the anonymous page cache is
/// shared, and a write on one node evicts the cached page for both.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private KestrelAppFactory nodeA = default!;
    private KestrelAppFactory nodeB = default!;

    public Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(TestRedis.Configuration)) return Task.CompletedTask;
        (nodeA, nodeB) = TwoNodes.Start(cachePages: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (nodeB is not null) await nodeB.DisposeAsync();
        if (nodeA is not null) await nodeA.DisposeAsync();
    }

    [RedisFact]
    public async Task AWriteOnOneNode_EvictsTheCachedAnonymousPage_OnBoth()
    {
        var db = nodeA.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var author = await TestData.UserAsync(db, "node_author");
        var fan = await TestData.UserAsync(db, "node_fan");
        var note = await TestData.NoteAsync(db, author.Id, "两台服务器");
        using var a = Client(nodeA);
        using var b = Client(nodeB);
        var path = $"/notes/{note.Id}";

        // Node A renders the page into the shared store; node B serves that copy without rendering it.
        var fromA = await a.GetAsync(path);
        Assert.Null(fromA.Headers.Age);
        var fromB = await b.GetAsync(path);
        Assert.NotNull(fromB.Headers.Age);
        Assert.Equal(0, Likes(await fromB.Content.ReadAsStringAsync()));

        // A like written through node A empties the cache for node B too: both show it at once.
        await nodeA.Services.GetRequiredService<LikeService>().LikeNoteAsync(fan.Id, note.Id, CancellationToken.None);
        var afterOnB = await b.GetAsync(path);
        Assert.Null(afterOnB.Headers.Age);
        Assert.Equal(1, Likes(await afterOnB.Content.ReadAsStringAsync()));
        var afterOnA = await a.GetAsync(path);
        Assert.NotNull(afterOnA.Headers.Age); // node B's fresh render, shared
        Assert.Equal(1, Likes(await afterOnA.Content.ReadAsStringAsync()));

        // And the other way round: an unlike on node B, seen on node A.
        await nodeB.Services.GetRequiredService<LikeService>().UnlikeNoteAsync(fan.Id, note.Id, CancellationToken.None);
        Assert.Equal(0, Likes(await a.GetStringAsync(path)));
    }

    private static HttpClient Client(KestrelAppFactory node)
    {
        var client = new HttpClient { BaseAddress = new Uri(node.BaseUrl) };
        // Behind one load balancer both nodes are asked for the shop's one host name (the cache key includes it).
        client.DefaultRequestHeaders.Host = "shop.example.test";
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    private static int Likes(string html) =>
        int.Parse(new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=like-button] .like-count")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Starts two nodes of the app: A on its own fresh SQLite file, B on A's database and media, both on one fresh Redis prefix.</summary>
public static class TwoNodes
{
    public static (KestrelAppFactory A, KestrelAppFactory B) Start(bool cachePages)
    {
        var redis = TestRedis.Settings(TestRedis.NewInstanceName());
        var common = new Dictionary<string, string?>(redis) { ["Caching:AnonymousPages"] = cachePages ? "true" : "false" };
        var a = new KestrelAppFactory(settings: common);
        var b = new KestrelAppFactory(settings: new Dictionary<string, string?>(common)
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:SocialStore"] = $"Data Source={Path.Combine(a.DataDirectory, "socialstore.db")}",
            ["Media:Root"] = Path.Combine(a.DataDirectory, "media"),
        });
        Assert.IsType<SocialStore.Web.Hosting.RedisLiveBus>(a.Services.GetRequiredService<ILiveBus>());
        Assert.IsType<SocialStore.Web.Hosting.RedisLiveBus>(b.Services.GetRequiredService<ILiveBus>());
        return (a, b);
    }
}
