using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Reviews;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Media;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Reviews;

public sealed class ReviewServiceTests : IDisposable
{
    private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-review-media", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
    }

    private sealed record Bed(ReviewService Reviews, Product Product, string BuyerId, string OtherId, string BuyerEmail, ClaimsPrincipal Admin);

    private async Task<Bed> ArrangeAsync(TestDatabase db)
    {
        var pipeline = new ImagePipeline(new LocalMediaStore(mediaRoot), TimeProvider.System, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        var reviews = TestServices.Get<ReviewService>(db, TimeProvider.System, s => s.AddSingleton(pipeline));
        var product = await CatalogTestData.ProductAsync(db.Factory, "T恤", [CatalogTestData.Colour], [new(["红"], 99m, 129m, 5), new(["白"], 89m, 99m, 5)]);
        var buyer = await TestData.UserAsync(db.Factory, "buyer");
        var other = await TestData.UserAsync(db.Factory, "other");
        var admin = await TestData.UserAsync(db.Factory, "admin");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        return new Bed(reviews, product, buyer.Id, other.Id, buyer.Email!, principal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_WalksEveryReviewOnceInOrder_WithTheWholeSummaryOnEveryPage(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var expected = new List<(bool Photos, int Helpful, long Id)>();
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            for (var i = 0; i < 23; i++)
            {
                var buyer = await TestData.UserAsync(db.Factory, $"pager{i}");
                var purchase = new PurchaseRecord { UserId = buyer.Id, ProductId = bed.Product.Id, SkuId = bed.Product.Skus[i % 2].Id, Source = PurchaseSource.AdminGrant, PurchasedAt = DateTimeOffset.UtcNow };
                context.PurchaseRecords.Add(purchase);
                await context.SaveChangesAsync();
                ReviewImage[] photos = i % 4 == 0 ? [new() { StorageKey = $"p{i}", Width = 10, Height = 10 }] : [];
                var review = Review.Write(purchase, buyer.Id, 1 + i % 5, $"评价{i}", photos, DateTimeOffset.UtcNow);
                context.Reviews.Add(review);
                await context.SaveChangesAsync();
                // Ties in helpful votes on purpose: the id breaks them.
                var helpful = i % 3;
                await context.Reviews.Where(r => r.Id == review.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.HelpfulCount, helpful));
                expected.Add((photos.Length > 0, helpful, review.Id));
            }
        }
        var order = expected.OrderByDescending(e => e.Photos).ThenByDescending(e => e.Helpful).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await bed.Reviews.PageAsync(bed.Product.Id, null, false, null, cursor, CancellationToken.None);
            Assert.Equal(23, page.Summary.Count);
            Assert.Equal([5, 5, 5, 4, 4], page.Summary.CountByStars);
            Assert.Equal(6, page.Summary.WithPhotos);
            Assert.True(page.Reviews.Count <= ReviewService.PageSize);
            seen.AddRange(page.Reviews.Select(r => r.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(order, seen);
        var twoStars = await bed.Reviews.PageAsync(bed.Product.Id, 2, false, null, null, CancellationToken.None);
        Assert.Equal(5, twoStars.Reviews.Count);
        Assert.All(twoStars.Reviews, r => Assert.Equal(2, r.Stars));
        Assert.Null(twoStars.NextCursor);
        // Past the end, or a forged cursor: the summary stays true, the list is empty or starts over.
        var past = await bed.Reviews.PageAsync(bed.Product.Id, null, false, null, "0.0.0", CancellationToken.None);
        Assert.Empty(past.Reviews);
        Assert.Equal(23, past.Summary.Count);
        var forged = await bed.Reviews.PageAsync(bed.Product.Id, null, false, null, "x.'--", CancellationToken.None);
        Assert.Equal(order.Take(10), forged.Reviews.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Write_WithoutAPurchase_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var purchase = await OrderTestData.DeliveredPurchaseAsync(db.Factory, bed.BuyerId, bed.Product.Skus[0]);

        // Someone else's purchase, and a purchase that does not exist.
        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Reviews.WriteAsync(bed.OtherId, purchase, 5, "好", [], CancellationToken.None));
        var none = await Assert.ThrowsAsync<DomainException>(() => bed.Reviews.WriteAsync(bed.OtherId, purchase + 99, 5, "好", [], CancellationToken.None));

        Assert.Equal(ReviewErrors.NotPurchased, error.Code);
        Assert.Equal(ReviewErrors.NotPurchased, none.Code);
        Assert.Empty(await bed.Reviews.ReviewableAsync(bed.OtherId, bed.Product.Id, CancellationToken.None));
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(0, await context.Reviews.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Write_OncePerPurchasedLine_SecondReviewOfTheSameLineIsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var red = await OrderTestData.DeliveredPurchaseAsync(db.Factory, bed.BuyerId, bed.Product.Skus[0]);
        var white = await OrderTestData.DeliveredPurchaseAsync(db.Factory, bed.BuyerId, bed.Product.Skus[1]);

        await bed.Reviews.WriteAsync(bed.BuyerId, red, 5, "很好穿", [], CancellationToken.None);
        var again = await Assert.ThrowsAsync<DomainException>(() => bed.Reviews.WriteAsync(bed.BuyerId, red, 1, "再来一条", [], CancellationToken.None));
        await bed.Reviews.WriteAsync(bed.BuyerId, white, 3, "一般", [], CancellationToken.None); // a second line may be reviewed

        Assert.Equal(ReviewErrors.AlreadyReviewed, again.Code);
        var summary = await bed.Reviews.SummaryAsync(bed.Product.Id, CancellationToken.None);
        Assert.Equal(2, summary.Count);
        Assert.Equal(4.0m, summary.Average);
        Assert.Equal([0, 0, 1, 0, 1], summary.CountByStars);
        var list = await bed.Reviews.ListAsync(bed.Product.Id, null, false, null, CancellationToken.None);
        Assert.Equal(["白", "红"], list.Select(r => r.SkuKey));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Write_AnAdminGrantedPurchase_NoLongerOpensAReview(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            context.PurchaseRecords.Add(new PurchaseRecord { UserId = bed.BuyerId, ProductId = bed.Product.Id, SkuId = bed.Product.Skus[0].Id, Source = PurchaseSource.AdminGrant, PurchasedAt = DateTimeOffset.UtcNow });
            await context.SaveChangesAsync();
        }
        var granted = await db.Factory.CreateDbContext().PurchaseRecords.Select(p => p.Id).SingleAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Reviews.WriteAsync(bed.BuyerId, granted, 5, "好", [], CancellationToken.None));

        Assert.Equal(ReviewErrors.NotPurchased, error.Code);
        Assert.Empty(await bed.Reviews.ReviewableAsync(bed.BuyerId, bed.Product.Id, CancellationToken.None));
        var delivered = await OrderTestData.DeliveredPurchaseAsync(db.Factory, bed.BuyerId, bed.Product.Skus[0]);
        Assert.Equal([delivered], (await bed.Reviews.ReviewableAsync(bed.BuyerId, bed.Product.Id, CancellationToken.None)).Select(p => p.PurchaseId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task Write_StarsOutOfRange_IsRefused(int stars)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var purchase = await OrderTestData.DeliveredPurchaseAsync(db.Factory, bed.BuyerId, bed.Product.Skus[0]);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Reviews.WriteAsync(bed.BuyerId, purchase, stars, "好", [], CancellationToken.None));

        Assert.Equal(ReviewErrors.StarsInvalid, error.Code);
    }

    [Fact]
    public async Task Write_SeventhPhoto_IsRefusedBeforeAnythingIsStored()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var purchase = await OrderTestData.DeliveredPurchaseAsync(db.Factory, bed.BuyerId, bed.Product.Skus[0]);
        var photos = Enumerable.Range(0, 7).Select(_ => (Stream)new MemoryStream(TestImages.Solid(50, 50, ".png"))).ToList();

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Reviews.WriteAsync(bed.BuyerId, purchase, 5, "好", photos, CancellationToken.None));

        Assert.Equal(ReviewErrors.TooManyPhotos, error.Code);
        Assert.False(Directory.Exists(mediaRoot) && Directory.EnumerateFiles(mediaRoot, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Write_SixPhotos_ArePipedAndPhotoReviewsListFirst()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var first = await OrderTestData.DeliveredPurchaseAsync(db.Factory, bed.BuyerId, bed.Product.Skus[0]);
        var second = await OrderTestData.DeliveredPurchaseAsync(db.Factory, bed.BuyerId, bed.Product.Skus[1]);
        var photos = Enumerable.Range(0, 6).Select(i => (Stream)new MemoryStream(TestImages.Solid(60, 40, ".png", (byte)(i * 30)))).ToList();

        await bed.Reviews.WriteAsync(bed.BuyerId, first, 4, "有图", photos, CancellationToken.None);
        await bed.Reviews.WriteAsync(bed.BuyerId, second, 5, "无图但更新", [], CancellationToken.None);

        var list = await bed.Reviews.ListAsync(bed.Product.Id, null, false, null, CancellationToken.None);
        Assert.Equal("有图", list[0].Body);
        Assert.Equal(6, list[0].Photos.Count);
        Assert.Equal(60, list[0].Photos[0].Width);
        Assert.Single(await bed.Reviews.ListAsync(bed.Product.Id, null, true, null, CancellationToken.None));
        Assert.Single(await bed.Reviews.ListAsync(bed.Product.Id, 5, false, null, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VoteHelpful_OncePerPerson_NeverOnOnesOwnReview(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var purchase = await OrderTestData.DeliveredPurchaseAsync(db.Factory, bed.BuyerId, bed.Product.Skus[0]);
        var review = await bed.Reviews.WriteAsync(bed.BuyerId, purchase, 5, "好", [], CancellationToken.None);

        var own = await Assert.ThrowsAsync<DomainException>(() => bed.Reviews.VoteHelpfulAsync(bed.BuyerId, review, CancellationToken.None));
        Assert.True(await bed.Reviews.VoteHelpfulAsync(bed.OtherId, review, CancellationToken.None));
        Assert.False(await bed.Reviews.VoteHelpfulAsync(bed.OtherId, review, CancellationToken.None));

        Assert.Equal(ReviewErrors.OwnReview, own.Code);
        var view = (await bed.Reviews.ListAsync(bed.Product.Id, null, false, bed.OtherId, CancellationToken.None)).Single();
        Assert.Equal(1, view.HelpfulCount);
        Assert.True(view.VotedByViewer);
    }

    [Fact]
    public async Task Edit_KeepsHistory_AndMerchantRepliesOnce()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var purchase = await OrderTestData.DeliveredPurchaseAsync(db.Factory, bed.BuyerId, bed.Product.Skus[0]);
        var review = await bed.Reviews.WriteAsync(bed.BuyerId, purchase, 2, "偏小", [], CancellationToken.None);

        await bed.Reviews.EditAsync(bed.BuyerId, review, 4, "换了大一码，合适", CancellationToken.None);
        var notYours = await Assert.ThrowsAsync<DomainException>(() => bed.Reviews.EditAsync(bed.OtherId, review, 1, "改掉", CancellationToken.None));
        await bed.Reviews.ReplyAsync(bed.Admin, review, "感谢反馈", CancellationToken.None);
        var twice = await Assert.ThrowsAsync<DomainException>(() => bed.Reviews.ReplyAsync(bed.Admin, review, "再回一次", CancellationToken.None));
        var shopper = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, bed.OtherId)], "test"));
        var notAdmin = await Assert.ThrowsAsync<DomainException>(() => bed.Reviews.ReplyAsync(shopper, review, "我是商家", CancellationToken.None));

        Assert.Equal(ReviewErrors.NotYours, notYours.Code);
        Assert.Equal(ReviewErrors.AlreadyReplied, twice.Code);
        Assert.Equal(CatalogErrors.AdminOnly, notAdmin.Code);
        await using var context = await db.Factory.CreateDbContextAsync();
        var stored = await context.Reviews.Include(r => r.Revisions).SingleAsync();
        Assert.Equal(4, stored.Stars);
        Assert.NotNull(stored.EditedAt);
        Assert.Equal("感谢反馈", stored.MerchantReply);
        Assert.Equal((2, "偏小"), (stored.Revisions.Single().Stars, stored.Revisions.Single().Body));
    }

    [Fact]
    public async Task Product_WithoutReviews_HasAnEmptySummary_NothingIsGenerated()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);

        var summary = await bed.Reviews.SummaryAsync(bed.Product.Id, CancellationToken.None);

        Assert.Equal(0, summary.Count);
        Assert.Empty(await bed.Reviews.ListAsync(bed.Product.Id, null, false, null, CancellationToken.None));
    }
}
