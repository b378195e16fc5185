using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Reviews;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Reviews;

public class QuestionServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Answers_FromBuyersAreMarkedAndListedFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var questions = new QuestionService(db.Factory, TimeProvider.System);
        var pipeline = new ImagePipeline(new LocalMediaStore(Path.GetTempPath()), TimeProvider.System, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        var reviews = new ReviewService(db.Factory, pipeline, TimeProvider.System);
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

    [Fact]
    public async Task Ask_EmptyOrTooLong_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var questions = new QuestionService(db.Factory, TimeProvider.System);
        var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
        var asker = await TestData.UserAsync(db.Factory, "asker");

        Assert.Equal("Question.BodyInvalid", (await Assert.ThrowsAsync<DomainException>(() => questions.AskAsync(asker.Id, product.Id, "  ", CancellationToken.None))).Code);
        Assert.Equal("Question.BodyInvalid", (await Assert.ThrowsAsync<DomainException>(() => questions.AskAsync(asker.Id, product.Id, new string('问', 201), CancellationToken.None))).Code);
        Assert.Empty(await questions.ListAsync(product.Id, 10, CancellationToken.None));
    }
}
