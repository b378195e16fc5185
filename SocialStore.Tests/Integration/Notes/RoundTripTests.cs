using Xunit.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Reviews;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Notes;

/// <summary>ADR-034 §6: at most 6 database round trips per page render (no N+1), counted with an EF Core interceptor.</summary>
public sealed class RoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AppFactory app = new();
    private long noteId;
    private string handle = "";
    private string? handleOwner;

    public async Task InitializeAsync()
    {
        _ = app.Server;
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        for (var u = 0; u < 5; u++)
        {
            var user = await TestData.UserAsync(db, $"rt_user{u}", $"用户{u}");
            for (var i = 0; i < 12; i++)
            {
                var note = await TestData.NoteAsync(db, user.Id, $"笔记{u}-{i}", topics: [$"话题{i % 4}", "护肤"]);
                noteId = note.Id;
                handle = user.Handle;
                handleOwner = user.Id;
            }
        }
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/?after=2000000000000000000-1")]
    [InlineData("/topics/护肤")]
    [InlineData("/shop")]
    [InlineData("/note")]
    public async Task Page_RendersWithinSixRoundTrips(string url)
    {
        if (url == "/note") url = $"/notes/{noteId}";
        var client = app.CreateClient();
        await client.GetStringAsync(url); // warm caches that a real visitor would find warm

        app.Commands.Reset();
        var response = await client.GetAsync(url);

        Assert.True(response.IsSuccessStatusCode, url);
        Assert.True(app.Commands.Count <= 6, $"{url}: {app.Commands.Count} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");
        Assert.True(app.Commands.Count >= 1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ProductPage_RendersWithinSixRoundTrips(bool withReviewsAndQuestions)
    {
        // Product (one query with its category, images, options and SKUs), tagged notes, review summary
        // with a page of reviews and their photos (one query), question count with a page of questions and
        // their answers (one query): four, and the same with more than a page of each.
        var client = app.CreateClient();
        var productId = await FirstProductIdAsync();
        if (withReviewsAndQuestions) await ReviewsAndQuestionsAsync(productId, 12);
        var url = $"/products/{productId}";
        await client.GetStringAsync(url);

        app.Commands.Reset();
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        output.WriteLine($"{url} (reviews and questions: {withReviewsAndQuestions}): {app.Commands.Count} round trips");
        Assert.True(response.IsSuccessStatusCode);
        Assert.True(app.Commands.Count <= 6, $"{app.Commands.Count} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");
        if (withReviewsAndQuestions)
        {
            var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            Assert.Equal(10, doc.QuerySelectorAll("[data-testid=review]").Length);
            Assert.Equal(10, doc.QuerySelectorAll("[data-testid=question]").Length);
            Assert.Equal(20, doc.QuerySelectorAll("[data-testid=answer]").Length);
            Assert.NotEmpty(doc.QuerySelectorAll(".review-photos img"));

            // The next pages are the same work.
            foreach (var more in new[] { "[data-testid=reviews-more]", "[data-testid=questions-more]" })
            {
                var next = doc.QuerySelector(more)!.GetAttribute("href")!;
                await client.GetStringAsync(next);
                app.Commands.Reset();
                Assert.True((await client.GetAsync(next)).IsSuccessStatusCode);
                output.WriteLine($"{next}: {app.Commands.Count} round trips");
                Assert.True(app.Commands.Count <= 6, $"{next}: {app.Commands.Count} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");
            }
        }
    }

    [Fact]
    public async Task ProductPage_SignedIn_WithReviewsAndQuestions_RendersWithinSixRoundTrips()
    {
        // The four reads above, plus the viewer's reviewable purchases and the notification bell's count.
        var productId = await FirstProductIdAsync();
        await ReviewsAndQuestionsAsync(productId, 12);
        using var viewer = await AccountTestClient.SignedInAsync(app);
        var url = $"/products/{productId}";
        await viewer.Http.GetStringAsync(url);

        app.Commands.Reset();
        var response = await viewer.Http.GetAsync(url);

        output.WriteLine($"{url} signed in: {app.Commands.Count} round trips");
        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("data-testid=\"ask-form\"", await response.Content.ReadAsStringAsync());
        Assert.True(app.Commands.Count <= 6, $"{app.Commands.Count} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");
    }

    /// <summary><paramref name="count"/> verified reviews (every third with photos) and as many questions with two answers each.</summary>
    private async Task ReviewsAndQuestionsAsync(long productId, int count)
    {
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var questions = app.Services.GetRequiredService<QuestionService>();
        await using var context = await db.CreateDbContextAsync();
        var skuId = await context.Skus.Where(s => s.ProductId == productId).Select(s => s.Id).FirstAsync();
        for (var i = 0; i < count; i++)
        {
            var buyer = await TestData.UserAsync(db, $"rt_buyer{i}", $"买家{i}");
            var purchase = new PurchaseRecord { UserId = buyer.Id, ProductId = productId, SkuId = skuId, Source = PurchaseSource.AdminGrant, PurchasedAt = DateTimeOffset.UtcNow };
            context.PurchaseRecords.Add(purchase);
            await context.SaveChangesAsync();
            ReviewImage[] photos = i % 3 == 0 ? [new() { StorageKey = $"rt-photo-{i}", Width = 800, Height = 800 }, new() { StorageKey = $"rt-photo-{i}b", Width = 800, Height = 600 }] : [];
            context.Reviews.Add(Review.Write(purchase, buyer.Id, 1 + i % 5, $"评价{i}", photos, DateTimeOffset.UtcNow));
            await context.SaveChangesAsync();
            var question = await questions.AskAsync(buyer.Id, productId, $"问题{i}", default);
            await questions.AnswerAsync(handleOwner!, question, $"回答{i}", default);
            await questions.AnswerAsync(buyer.Id, question, $"补充{i}", default);
        }
    }

    private async Task<long> FirstProductIdAsync()
    {
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var product = await SocialStore.Tests.Domain.Catalog.CatalogTestData.SimpleAsync(db, "测试商品", 99m);
        return product.Id;
    }
}
