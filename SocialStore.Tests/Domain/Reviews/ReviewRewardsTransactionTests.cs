using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;
using SocialStore.Domain.Reviews;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Media;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Reviews;

/// <summary>
/// A review and what it earns (points, growth) are one transaction (issue 13 §3, ADR-064): a failure after the review
/// row was inserted — here the points credit — leaves no review, no points, no growth and no stored photo.
/// </summary>
public sealed class ReviewRewardsTransactionTests
{
    /// <summary>Fails the points ledger's insert, after the review's insert in the same transaction.</summary>
    private sealed class FailPointsInsert : DbCommandInterceptor
    {
        public bool Armed { get; set; } = true;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(DbCommand command)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("PointsEntries", StringComparison.Ordinal))
                throw new InvalidOperationException("The points credit failed.");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FailureAfterTheReviewInsert_LeavesNeitherReviewNorRewards(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var root = Directory.CreateTempSubdirectory("review-rewards");
        try
        {
            var failure = new FailPointsInsert();
            var services = TestServices.Build(db, TimeProvider.System, configure: s => s
                .AddSingleton<IMediaStore>(new LocalMediaStore(root.FullName))
                .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(failure));
            var reviews = services.GetRequiredService<ReviewService>();
            var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
            var buyer = await TestData.UserAsync(db.Factory, "buyer");
            long purchaseId;
            await using (var context = await db.Factory.CreateDbContextAsync())
            {
                var purchase = new PurchaseRecord { UserId = buyer.Id, ProductId = product.Id, SkuId = product.Skus[0].Id, Source = PurchaseSource.Order, PurchasedAt = DateTimeOffset.UtcNow };
                context.PurchaseRecords.Add(purchase);
                await context.SaveChangesAsync();
                purchaseId = purchase.Id;
            }
            Stream Photo() => new MemoryStream(TestImages.PhotoJpeg(64, 48));

            var failed = await Assert.ThrowsAsync<DbUpdateException>(() => reviews.WriteAsync(buyer.Id, purchaseId, 5, "很好用，带图", [Photo()], default));
            Assert.IsType<InvalidOperationException>(failed.InnerException);
            await using (var context = await db.Factory.CreateDbContextAsync())
            {
                Assert.Equal(0, await context.Reviews.CountAsync());
                Assert.Equal(0, await context.Set<SocialStore.Domain.Points.PointsEntry>().CountAsync());
                Assert.Equal(0, await context.Set<SocialStore.Domain.Levels.GrowthEntry>().CountAsync());
            }
            Assert.Empty(Directory.EnumerateFiles(root.FullName, "*", SearchOption.AllDirectories));

            // The same review goes through whole once nothing fails.
            failure.Armed = false;
            await reviews.WriteAsync(buyer.Id, purchaseId, 5, "很好用，带图", [Photo()], default);
            await using (var context = await db.Factory.CreateDbContextAsync())
            {
                Assert.Equal(1, await context.Reviews.CountAsync());
                Assert.Equal(1, await context.Set<SocialStore.Domain.Points.PointsEntry>().CountAsync());
                Assert.Equal(1, await context.Set<SocialStore.Domain.Levels.GrowthEntry>().CountAsync());
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
