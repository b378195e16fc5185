using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Notes;

public sealed class AnonymousPageCacheTests : AppPageTest
{
    protected override void Configure()
    {
        app.Settings["Caching:AnonymousPages"] = "true";
    }

    [Fact]
    public async Task AnonymousNotePage_IsServedFromCache_UntilAWriteEvictsIt()
    {
        var author = await TestData.UserAsync(db, "cached_author");
        var fan = await TestData.UserAsync(db, "cached_fan");
        var note = await TestData.NoteAsync(db, author.Id, "缓存测试");
        var client = app.CreateClient();

        var first = await client.GetAsync($"/notes/{note.Id}");
        Assert.False(first.Headers.Contains("Set-Cookie"));
        app.Commands.Reset();
        var cached = await client.GetStringAsync($"/notes/{note.Id}");
        Assert.Equal(0, app.Commands.Count); // no database work at all

        // A like through the real service (atomic counter update) evicts the cached page.
        await app.Services.GetRequiredService<LikeService>().LikeNoteAsync(fan.Id, note.Id, CancellationToken.None);
        var fresh = new HtmlParser().ParseDocument(await client.GetStringAsync($"/notes/{note.Id}"));
        Assert.Contains("1", fresh.QuerySelector("[data-testid=note-actions]")!.TextContent);
        Assert.NotEqual(cached, fresh.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task APageRenderedBetweenTheWriteAndTheCommit_DoesNotSurviveTheCommit()
    {
        var author = await TestData.UserAsync(db, "commit_author");
        var note = await TestData.NoteAsync(db, author.Id, "提交前的标题");
        var client = app.CreateClient();
        await client.GetStringAsync($"/notes/{note.Id}");

        await using (var context = await db.CreateDbContextAsync())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            await context.Notes.Where(n => n.Id == note.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Title, "提交后的标题"));
            // The write evicted the cache; a visitor now renders (and caches) the page from the committed, old rows.
            var during = await client.GetStringAsync($"/notes/{note.Id}");
            Assert.Contains("提交前的标题", during);
            Assert.DoesNotContain("提交后的标题", during);
            await transaction.CommitAsync();
        }

        // The commit evicts again: the next visitor sees the new title, not the page cached in between.
        var after = await client.GetStringAsync($"/notes/{note.Id}");
        Assert.Contains("提交后的标题", after);
    }

    [Fact]
    public async Task PrivateWrites_LeaveTheCache_StockChangesEvictIt()
    {
        var product = await SocialStore.Tests.Domain.Catalog.CatalogTestData.SimpleAsync(db, "缓存面霜", 99m, stock: 10);
        var client = app.CreateClient();
        await client.GetStringAsync($"/products/{product.Id}");
        app.Commands.Reset();

        // An anonymous visitor's cart line and an outbox row: nobody else's page changes.
        await app.Services.GetRequiredService<SocialStore.Domain.Ordering.CartService>()
            .AddAsync(SocialStore.Domain.Ordering.CartItem.AnonymousOwner("visitor"), product.Skus[0].Id, 1, CancellationToken.None);
        await using (var context = await db.CreateDbContextAsync())
        {
            SocialStore.Domain.Ordering.Outbox.Enqueue(context, "test.message", new { }, DateTimeOffset.UtcNow);
            await context.SaveChangesAsync();
        }
        var writes = app.Commands.Count;
        await client.GetStringAsync($"/products/{product.Id}");
        Assert.Equal(writes, app.Commands.Count); // still from the cache

        // Taking stock changes what the product page says: the cache is emptied.
        await using (var context = await db.CreateDbContextAsync())
            Assert.True(await SocialStore.Domain.Ordering.StockLedger.TryTakeSkuAsync(context, product.Skus[0].Id, 1, CancellationToken.None));
        writes = app.Commands.Count;
        await client.GetStringAsync($"/products/{product.Id}");
        Assert.True(app.Commands.Count > writes);
    }

    [Theory]
    [InlineData("""INSERT INTO "CartItems" ("OwnerKey") VALUES (@p0) RETURNING "Id";""", false)]
    [InlineData("""UPDATE "Outbox" AS "o" SET "LockedUntil" = @p WHERE "o"."Id" = @id""", false)]
    [InlineData("""INSERT INTO "Orders" ("Number") VALUES (@p0); INSERT INTO "OrderLines" ("OrderId") VALUES (@p1);""", false)]
    [InlineData("""INSERT INTO "Orders" ("Number") VALUES (@p0); UPDATE "Skus" AS "s" SET "Stock" = "s"."Stock" - @n;""", true)]
    [InlineData("""UPDATE "Notes" AS "n" SET "LikeCount" = "n"."LikeCount" + 1""", true)]
    [InlineData("""UPDATE "ActionCounters" AS "a" SET "Count" = "a"."Count" + 1 WHERE "a"."Count" < @limit""", false)]
    [InlineData("""INSERT INTO "BehaviourEvents" ("Kind", "NoteId") VALUES (@p0, @p1), (@p2, @p3);""", false)]
    [InlineData("""MERGE [Notifications] USING (VALUES (@p0)) AS i ON 1=0 WHEN NOT MATCHED THEN INSERT ([RecipientId]) VALUES (i.[RecipientId]);""", false)]
    [InlineData("""UPDATE d SET d.[Engagement] = n.[HotScore] FROM [SearchDocuments] AS d""", true)]
    [InlineData("""SELECT "c"."Id" FROM "CartItems" AS "c" WHERE "c"."OwnerKey" = @o""", false)]
    public void Evictor_ReadsTheTablesAWriteTouches(string sql, bool evicts) =>
        Assert.Equal(evicts, SocialStore.Web.Hosting.ContentChangeEvictor.TouchesPublicData(sql));

    [Fact]
    public async Task Cache_KeepsOneCopyPerLanguage()
    {
        var zh = app.CreateClient();
        var en = app.CreateClient();
        en.DefaultRequestHeaders.Add("Accept-Language", "en-US");

        await zh.GetStringAsync("/");
        var english = await en.GetStringAsync("/");
        var chinese = await zh.GetStringAsync("/");

        Assert.Contains("lang=\"en-US\"", english);
        Assert.Contains("lang=\"zh-CN\"", chinese);
    }

    [Fact]
    public async Task SignedInRequests_AreNeverCached()
    {
        using var client = await AccountTestClient.SignedInAsync(app);
        await client.GetAsync("/");
        app.Commands.Reset();

        await client.GetAsync("/");

        Assert.True(app.Commands.Count > 0);
    }
}
