using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Reviews;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Reviews;

public class QuestionServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Answers_FromBuyersAreMarkedAndListedFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var questions = TestServices.Get<QuestionService>(db, TimeProvider.System);
        var pipeline = new ImagePipeline(new LocalMediaStore(Path.GetTempPath()), TimeProvider.System, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        var reviews = TestServices.Get<ReviewService>(db, TimeProvider.System, s => s.AddSingleton(pipeline));
        var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
        var asker = await TestData.UserAsync(db.Factory, "asker");
        var stranger = await TestData.UserAsync(db.Factory, "stranger");
        var buyer = await TestData.UserAsync(db.Factory, "buyer");
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, asker.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        await SocialStore.Tests.Domain.Ordering.OrderTestData.DeliveredPurchaseAsync(db.Factory, buyer.Id, product.Skus[0]);

        var question = await questions.AskAsync(asker.Id, product.Id, "敏感肌能用吗？", CancellationToken.None);
        await questions.AnswerAsync(stranger.Id, question, "应该可以吧", CancellationToken.None);
        await questions.AnswerAsync(buyer.Id, question, "我是敏感肌，用了没问题", CancellationToken.None);

        var listed = (await questions.ListAsync(product.Id, 10, CancellationToken.None)).Single();
        Assert.Equal("敏感肌能用吗？", listed.Body);
        Assert.Equal(["我是敏感肌，用了没问题", "应该可以吧"], listed.Answers.Select(a => a.Body));
        Assert.Equal([true, false], listed.Answers.Select(a => a.ByBuyer));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Answers_AnAdminGrantIsNotABuyer_OnlyADeliveredOrderLineIs(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var questions = TestServices.Get<QuestionService>(db, TimeProvider.System);
        var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
        var asker = await TestData.UserAsync(db.Factory, "asker");
        var granted = await TestData.UserAsync(db.Factory, "granted");
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            context.PurchaseRecords.Add(new PurchaseRecord { UserId = granted.Id, ProductId = product.Id, SkuId = product.Skus[0].Id, Source = PurchaseSource.AdminGrant, PurchasedAt = DateTimeOffset.UtcNow });
            await context.SaveChangesAsync();
        }

        var question = await questions.AskAsync(asker.Id, product.Id, "敏感肌能用吗？", CancellationToken.None);
        await questions.AnswerAsync(granted.Id, question, "可以", CancellationToken.None);

        var listed = (await questions.ListAsync(product.Id, 10, CancellationToken.None)).Single();
        Assert.False(Assert.Single(listed.Answers).ByBuyer);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Answer_NotifiesTheAsker_GroupedByQuestion_NotWhenAnsweringOwnQuestion(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bus = new InProcessNotificationBus();
        var services = TestServices.Build(db, TimeProvider.System, configure: s => s.AddSingleton<INotificationBus>(bus));
        var questions = services.GetRequiredService<QuestionService>();
        var notifications = services.GetRequiredService<NotificationService>();
        var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
        var asker = await TestData.UserAsync(db.Factory, "asker", "提问者");
        var first = await TestData.UserAsync(db.Factory, "first", "小红");
        var second = await TestData.UserAsync(db.Factory, "second", "小蓝");
        var live = new List<int>();
        using var subscription = bus.Subscribe(asker.Id, n => { live.Add(n); return Task.CompletedTask; });

        var question = await questions.AskAsync(asker.Id, product.Id, "敏感肌能用吗？", CancellationToken.None);
        var other = await questions.AskAsync(asker.Id, product.Id, "保质期多久？", CancellationToken.None);
        await questions.AnswerAsync(asker.Id, question, "补充：我是混油皮", CancellationToken.None);
        Assert.Equal(0, await notifications.UnreadCountAsync(asker.Id, CancellationToken.None));
        await questions.AnswerAsync(first.Id, question, "可以用", CancellationToken.None);
        await questions.AnswerAsync(second.Id, question, "我用着没问题", CancellationToken.None);
        await questions.AnswerAsync(first.Id, other, "三年", CancellationToken.None);

        Assert.Equal([1, 2, 3], live);
        var page = await notifications.ListAsync(asker.Id, null, CancellationToken.None);
        Assert.Equal(3, page.UnreadCount);
        Assert.Equal(2, page.Unread.Count);
        Assert.All(page.Unread, g => Assert.Equal(NotificationKind.Answer, g.Kind));
        var onFirst = page.Unread.Single(g => g.QuestionId == question);
        Assert.Equal(["小蓝", "小红"], onFirst.Actors.Select(a => a.DisplayName));
        Assert.Equal((product.Id, "面霜", true, "敏感肌能用吗？"), (onFirst.ProductId, onFirst.ProductTitle, onFirst.ProductAvailable, onFirst.QuestionExcerpt));
        Assert.Equal(other, page.Unread[0].QuestionId); // the newest group first
        Assert.Equal(0, await notifications.UnreadCountAsync(first.Id, CancellationToken.None));
        Assert.Equal(4, (await questions.ListAsync(product.Id, 10, CancellationToken.None)).Sum(q => q.Answers.Count));
    }

    [Fact]
    public async Task Answer_EmptyOrUnknownQuestion_IsRefused_AndNobodyIsNotified()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var services = TestServices.Build(db, TimeProvider.System);
        var questions = services.GetRequiredService<QuestionService>();
        var notifications = services.GetRequiredService<NotificationService>();
        var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
        var asker = await TestData.UserAsync(db.Factory, "asker");
        var other = await TestData.UserAsync(db.Factory, "other");
        var question = await questions.AskAsync(asker.Id, product.Id, "敏感肌能用吗？", CancellationToken.None);

        Assert.Equal("Question.AnswerInvalid", (await Assert.ThrowsAsync<DomainException>(() => questions.AnswerAsync(other.Id, question, " ", CancellationToken.None))).Code);
        Assert.Equal("Question.NotFound", (await Assert.ThrowsAsync<DomainException>(() => questions.AnswerAsync(other.Id, question + 99, "可以", CancellationToken.None))).Code);

        Assert.Equal(0, await notifications.UnreadCountAsync(asker.Id, CancellationToken.None));
        Assert.Empty((await questions.ListAsync(product.Id, 10, CancellationToken.None)).Single().Answers);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_ContinuesAfterTheCursor_AndCountsEveryQuestion(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var questions = TestServices.Get<QuestionService>(db, TimeProvider.System);
        var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
        var asker = await TestData.UserAsync(db.Factory, "asker");
        var ids = new List<long>();
        for (var i = 0; i < 13; i++) ids.Add(await questions.AskAsync(asker.Id, product.Id, $"问题{i}", CancellationToken.None));

        var first = await questions.PageAsync(product.Id, null, QuestionService.PageSize, CancellationToken.None);
        var second = await questions.PageAsync(product.Id, first.NextAfter, QuestionService.PageSize, CancellationToken.None);
        var past = await questions.PageAsync(product.Id, ids.Min(), QuestionService.PageSize, CancellationToken.None);

        Assert.Equal((13, 10), (first.Count, first.Questions.Count));
        Assert.Equal((13, 3), (second.Count, second.Questions.Count));
        Assert.Null(second.NextAfter);
        ids.Reverse();
        Assert.Equal(ids, first.Questions.Concat(second.Questions).Select(q => q.Id));
        Assert.Equal((13, 0), (past.Count, past.Questions.Count));
    }

    [Fact]
    public async Task Ask_EmptyOrTooLong_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var questions = TestServices.Get<QuestionService>(db, TimeProvider.System);
        var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
        var asker = await TestData.UserAsync(db.Factory, "asker");

        Assert.Equal("Question.BodyInvalid", (await Assert.ThrowsAsync<DomainException>(() => questions.AskAsync(asker.Id, product.Id, "  ", CancellationToken.None))).Code);
        Assert.Equal("Question.BodyInvalid", (await Assert.ThrowsAsync<DomainException>(() => questions.AskAsync(asker.Id, product.Id, new string('问', 201), CancellationToken.None))).Code);
        Assert.Empty(await questions.ListAsync(product.Id, 10, CancellationToken.None));
    }
}
