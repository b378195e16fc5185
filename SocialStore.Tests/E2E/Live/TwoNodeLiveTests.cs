using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Live;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Live;

/// <summary>
/// Two app instances behind one database and one Redis (ADR-052): a note page open in a browser on node B shows,
/// without a reload, a like clicked in another browser on node A, and a comment posted through node A.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class TwoNodeLiveTests(BrowserFixture browser) : IAsyncLifetime
{
    private KestrelAppFactory nodeA = default!;
    private KestrelAppFactory nodeB = default!;

    public Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(TestRedis.Configuration)) return Task.CompletedTask;
        (nodeA, nodeB) = TwoNodes.Start(cachePages: false);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (nodeB is not null) await nodeB.DisposeAsync();
        if (nodeA is not null) await nodeA.DisposeAsync();
    }

    [RedisFact]
    public async Task ALikeOnNodeA_AppearsLive_OnANotePageOpenOnNodeB()
    {
        var author = await SocialApp.UserAsync(nodeA, "twonode_author", "作者");
        var reader = await SocialApp.UserAsync(nodeA, "twonode_reader", "读者");
        var fan = await SocialApp.UserAsync(nodeA, "twonode_fan", "粉丝");
        var noteId = await SocialApp.NoteAsync(nodeA, author.Id, "两台服务器的笔记");

        var onB = await browser.NewPageAsync("phone");
        var onA = await browser.NewPageAsync("phone");
        const string name = "two-node-live";
        await Artifacts.CaptureFailureAsync(onB, name, async () =>
        {
            // The reader is on node B, the fan on node A (a load balancer with sticky sessions would do the same).
            await BrowserSignIn.SignInAsync(onB, nodeB.BaseUrl, reader.Email!);
            await BrowserSignIn.SignInAsync(onA, nodeA.BaseUrl, fan.Email!);
            await onB.GotoAsync($"{nodeB.BaseUrl}/notes/{noteId}");
            var readerLikes = onB.Locator("[data-testid=like-button][data-ready=true] .like-count");
            await Assertions.Expect(readerLikes).ToHaveTextAsync("0");
            await Assertions.Expect(onB.Locator("[data-testid=comment-thread][data-ready=true] [data-testid=comment-count]")).ToHaveTextAsync("0");
            await Artifacts.ScreenshotAsync(onB, $"{name}-1-open-on-b");

            await onA.GotoAsync($"{nodeA.BaseUrl}/notes/{noteId}");
            await onA.ClickAsync("[data-testid=like-button][data-ready=true] button");
            await Assertions.Expect(onA.Locator("[data-testid=like-button] .like-count")).ToHaveTextAsync("1");

            // Node A committed the like and published it over Redis; node B's page moves without a reload.
            await Assertions.Expect(readerLikes).ToHaveTextAsync("1");

            // A comment posted through node A: node B's count and list follow.
            await SocialApp.Service<CommentService>(nodeA).AddAsync(fan.Id, noteId, "从另一台服务器来的评论", null, default);
            await Assertions.Expect(onB.Locator("[data-testid=comment-count]")).ToHaveTextAsync("1");
            await Assertions.Expect(onB.Locator("[data-testid=comment-stat]")).ToHaveTextAsync("💬 1");
            await Assertions.Expect(onB.Locator("[data-testid=comment-list]")).ToContainTextAsync("从另一台服务器来的评论");
            await onB.Locator("[data-testid=comment-list]").ScrollIntoViewIfNeededAsync();
            await Artifacts.ScreenshotAsync(onB, $"{name}-2-liked-and-commented-from-a");
        });
        await onA.Context.CloseAsync();
        await onB.Context.CloseAsync();
    }

    [RedisFact]
    public async Task AnOrderPaidAndShippedThroughNodeA_UpdatesTheBuyersOrderPage_OpenOnNodeB()
    {
        var buyer = await SocialApp.UserAsync(nodeA, "twonode_buyer", "买家");
        var db = nodeA.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var cream = await CatalogTestData.SimpleAsync(db, "保湿面霜 50ml", 128m, stock: 5);
        var order = await OrderTestData.PendingAsync(db, buyer.Id, [new(cream.Skus[0], 1, "保湿面霜 50ml")], shipping: 0m);

        var page = await browser.NewPageAsync("phone");
        const string name = "two-node-order";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            await BrowserSignIn.SignInAsync(page, nodeB.BaseUrl, buyer.Email!);
            await page.GotoAsync($"{nodeB.BaseUrl}/orders/{order.Number}");
            await Assertions.Expect(page.Locator("[data-testid=order-live][data-ready=true]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-testid=order-detail]")).ToHaveAttributeAsync("data-status", "PendingPayment");

            // The payment lands on node A; its outbox publishes the move, and node B's page reads the order again.
            await OrderTestData.PayAsync(db, order);
            await Assertions.Expect(page.Locator("[data-testid=order-detail]")).ToHaveAttributeAsync("data-status", "Paid");
            await Assertions.Expect(page.Locator("[data-testid=order-status]")).Not.ToHaveTextAsync("待付款");
            await Artifacts.ScreenshotAsync(page, $"{name}-1-paid");

            await OrderTestData.ShipAsync(db, order);
            await Assertions.Expect(page.Locator("[data-testid=order-detail]")).ToHaveAttributeAsync("data-status", "Shipped");
            await Artifacts.ScreenshotAsync(page, $"{name}-2-shipped");
        });
        await page.Context.CloseAsync();
    }
}
