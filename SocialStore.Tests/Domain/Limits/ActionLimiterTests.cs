using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Limits;
using SocialStore.Domain.Media;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.PersonalData;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Limits;

/// <summary>
/// The one action limiter (issue 11 §2, ADR-064) through each action's real service: 2 × limit attempts at once (each a
/// different target, so only the limit can refuse) → exactly the limit succeed, the rest get the action's "try again"
/// error, the rows are the limit and the counter says so — on SQLite and on PostgreSQL at READ COMMITTED.
/// </summary>
public sealed class ActionLimiterTests : IAsyncLifetime
{
    private const int Limit = 3;

    private static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 10, 0, TimeSpan.Zero);

    private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "ss-limits-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<DatabaseProvider, LimitedAction> Cases()
    {
        var data = new TheoryData<DatabaseProvider, LimitedAction>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            foreach (var action in Enum.GetValues<LimitedAction>()) data.Add(provider, action);
        return data;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TwiceTheLimitAtOnce_ExactlyTheLimitSucceed(DatabaseProvider provider, LimitedAction action)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var services = TestServices.Build(db, clock, new Dictionary<string, string?>
        {
            [$"Limits:{action}:Limit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Limits:{action}:WindowMinutes"] = "60",
        }, s => s.AddSingleton<IMediaStore>(new LocalMediaStore(mediaRoot)));
        var user = await TestData.UserAsync(db.Factory, "busy");
        var (attempts, rows) = await ArrangeAsync(db, services, user.Id, action);

        using var go = new SemaphoreSlim(0);
        var runs = attempts.Select(async attempt =>
        {
            await go.WaitAsync();
            try
            {
                await attempt();
                return (string?)null;
            }
            catch (DomainException ex)
            {
                return ex.Code;
            }
        }).ToList();
        go.Release(runs.Count);
        var outcomes = await Task.WhenAll(runs);

        Assert.Equal(2 * Limit, outcomes.Length);
        Assert.Equal(Limit, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), code => Assert.Equal(LimitErrors.For(action), code));
        Assert.Equal(Limit, await rows());
        await using var context = await db.Factory.CreateDbContextAsync();
        var subject = action == LimitedAction.Cart ? CartItem.UserOwner(user.Id) : user.Id;
        Assert.Equal(Limit, await context.ActionCounters.Where(c => c.Subject == subject && c.Action == action).SumAsync(c => c.Count));
    }

    [Fact]
    public async Task NextWindow_CountsAgain_AndTheMessageSaysWhen()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(Start);
        var services = TestServices.Build(db, clock, new Dictionary<string, string?> { ["Limits:Follow:Limit"] = "1", ["Limits:Follow:WindowMinutes"] = "60" });
        var follows = services.GetRequiredService<FollowService>();
        var user = await TestData.UserAsync(db.Factory, "follower");
        var a = await TestData.UserAsync(db.Factory, "a");
        var b = await TestData.UserAsync(db.Factory, "b");
        await follows.FollowAsync(user.Id, a.Id, default);

        var refused = await Assert.ThrowsAsync<DomainException>(() => follows.FollowAsync(user.Id, b.Id, default));
        // 08:10 in the window 08:00–09:00: 50 minutes to wait.
        Assert.Equal(new object[] { 1, 60, 50 }, refused.Arguments);
        // Following someone already followed changes nothing and takes nothing.
        await follows.FollowAsync(user.Id, a.Id, default);
        clock.Advance(TimeSpan.FromMinutes(50));
        await follows.FollowAsync(user.Id, b.Id, default);

        clock.Advance(TimeSpan.FromDays(2));
        var cleaner = services.GetRequiredService<ActionCounterCleaner>();
        Assert.Equal(2, await cleaner.SweepAsync(default));
        Assert.Equal(0, await cleaner.SweepAsync(default));
    }

    private async Task<(List<Func<Task>> Attempts, Func<Task<int>> Rows)> ArrangeAsync(TestDatabase db, IServiceProvider services, string userId, LimitedAction action)
    {
        var author = await TestData.UserAsync(db.Factory, "author");
        var n = 2 * Limit;
        async Task<int> CountAsync(Func<SocialStoreDbContext, Task<int>> count)
        {
            await using var context = await db.Factory.CreateDbContextAsync();
            return await count(context);
        }
        async Task<List<long>> NotesAsync()
        {
            var ids = new List<long>();
            for (var i = 0; i < n; i++) ids.Add((await TestData.NoteAsync(db.Factory, author.Id, $"笔记 {i}")).Id);
            return ids;
        }
        async Task<List<Product>> ProductsAsync()
        {
            var list = new List<Product>();
            for (var i = 0; i < n; i++) list.Add(await CatalogTestData.SimpleAsync(db.Factory, $"面霜 {i}", 99m));
            return list;
        }

        switch (action)
        {
            case LimitedAction.Like:
                {
                    var likes = services.GetRequiredService<LikeService>();
                    var notes = await NotesAsync();
                    return (notes.Select(id => (Func<Task>)(() => likes.LikeNoteAsync(userId, id, default))).ToList(),
                        () => CountAsync(c => c.NoteLikes.CountAsync(l => l.UserId == userId)));
                }
            case LimitedAction.Collect:
                {
                    var collects = services.GetRequiredService<CollectService>();
                    var notes = await NotesAsync();
                    // The default board exists first: the race is about the limit, not about creating the board.
                    await collects.MyBoardsAsync(userId, default);
                    return (notes.Select(id => (Func<Task>)(() => collects.CollectAsync(userId, id, null, default))).ToList(),
                        () => CountAsync(c => c.Collects.CountAsync(l => l.UserId == userId)));
                }
            case LimitedAction.Follow:
                {
                    var follows = services.GetRequiredService<FollowService>();
                    var people = new List<string>();
                    for (var i = 0; i < n; i++) people.Add((await TestData.UserAsync(db.Factory, $"star{i}")).Id);
                    return (people.Select(id => (Func<Task>)(() => follows.FollowAsync(userId, id, default))).ToList(),
                        () => CountAsync(c => c.Follows.CountAsync(f => f.FollowerId == userId)));
                }
            case LimitedAction.Comment:
                {
                    var comments = services.GetRequiredService<CommentService>();
                    var notes = await NotesAsync();
                    return (notes.Select(id => (Func<Task>)(() => comments.AddAsync(userId, id, "好看", null, default))).ToList(),
                        () => CountAsync(c => c.Comments.CountAsync(x => x.AuthorId == userId)));
                }
            case LimitedAction.Note:
                {
                    var notes = services.GetRequiredService<NoteService>();
                    var media = services.GetRequiredService<IMediaStore>();
                    await media.PutAsync("t/pic.jpg", new byte[] { 1, 2, 3 }, default);
                    return (Enumerable.Range(0, n).Select(i => (Func<Task>)(() => notes.PublishAsync(userId, null,
                            new NoteInput($"标题 {i}", "正文", [new NoteImageInput("t/pic.jpg", 900, 1200, null)], []), default))).ToList(),
                        () => CountAsync(c => c.Notes.CountAsync(x => x.AuthorId == userId)));
                }
            case LimitedAction.Review:
                {
                    var reviews = services.GetRequiredService<ReviewService>();
                    var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
                    var purchases = new List<long>();
                    await using (var context = await db.Factory.CreateDbContextAsync())
                    {
                        for (var i = 0; i < n; i++)
                        {
                            var purchase = new PurchaseRecord { UserId = userId, ProductId = product.Id, SkuId = product.Skus[0].Id, Source = PurchaseSource.Order, PurchasedAt = Start };
                            context.PurchaseRecords.Add(purchase);
                            await context.SaveChangesAsync();
                            purchases.Add(purchase.Id);
                        }
                    }
                    return (purchases.Select(id => (Func<Task>)(() => reviews.WriteAsync(userId, id, 5, "很好用，推荐", [], default))).ToList(),
                        () => CountAsync(c => c.Reviews.CountAsync(r => r.AuthorId == userId)));
                }
            case LimitedAction.Question:
                {
                    var questions = services.GetRequiredService<QuestionService>();
                    var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
                    return (Enumerable.Range(0, n).Select(i => (Func<Task>)(() => questions.AskAsync(userId, product.Id, $"适合干皮吗 {i}", default))).ToList(),
                        () => CountAsync(c => c.Set<ProductQuestion>().CountAsync(q => q.AskerId == userId)));
                }
            case LimitedAction.Report:
                {
                    var reports = services.GetRequiredService<ReportService>();
                    var notes = await NotesAsync();
                    return (notes.Select(id => (Func<Task>)(() => reports.ReportAsync(userId,
                            new ReportInput(ReportTargetType.Note, id.ToString(System.Globalization.CultureInfo.InvariantCulture), ReportReason.Spam, null), default))).ToList(),
                        () => CountAsync(c => c.Set<Report>().CountAsync(r => r.ReporterId == userId)));
                }
            case LimitedAction.Cart:
                {
                    var cart = services.GetRequiredService<CartService>();
                    var products = await ProductsAsync();
                    var owner = CartItem.UserOwner(userId);
                    return (products.Select(p => (Func<Task>)(() => cart.AddAsync(owner, p.Skus[0].Id, 1, default))).ToList(),
                        () => CountAsync(c => c.CartItems.CountAsync(x => x.OwnerKey == owner)));
                }
            case LimitedAction.Upload:
                {
                    var uploads = services.GetRequiredService<AbandonedUploadCleaner>();
                    return (Enumerable.Range(0, n).Select(i => (Func<Task>)(() => uploads.RecordAsync(userId, $"up/{i}", default))).ToList(),
                        () => CountAsync(c => c.MediaUploads.CountAsync(u => u.UploaderId == userId)));
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
