using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Search;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Search;

/// <summary>
/// Likes, follows and sales move counters with conditional UPDATEs that the index interceptor never sees;
/// the periodic refresh brings the index's engagement (the tie-breaker after relevance) back in line.
/// </summary>
public class SearchEngagementTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refresh_CatchesUpWithLikesFollowsSalesAndTopicUse_AndWritesOnlyWhatChanged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = await TestData.UserAsync(db.Factory, "author");
        var fan = await TestData.UserAsync(db.Factory, "fan");
        var note = await TestData.NoteAsync(db.Factory, author.Id, "保湿面霜", topics: "护肤");
        var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 99m);
        var indexer = new SearchIndexer(db.Factory);
        await indexer.RebuildAsync(default);
        Assert.Equal(0, await indexer.RefreshEngagementAsync(default));

        var notifications = new NotificationService(db.Factory, TimeProvider.System, new InProcessNotificationBus());
        await TestServices.Get<LikeService>(db, TimeProvider.System).LikeNoteAsync(fan.Id, note.Id, default);
        await TestServices.Get<FollowService>(db, TimeProvider.System).FollowAsync(fan.Id, author.Id, default);
        await using (var context = await db.Factory.CreateDbContextAsync())
            await StockLedger.ApplyToProductAsync(context, product.Id, 3, default);
        await TestData.NoteAsync(db.Factory, fan.Id, "防晒", topics: "护肤");

        Assert.Equal(4, await indexer.RefreshEngagementAsync(default));
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            var documents = await context.Set<SearchDocument>().AsNoTracking().ToListAsync();
            double Engagement(SearchKind kind, string id) => documents.Single(d => d.Kind == kind && d.TargetId == id).Engagement;
            var hot = await context.Notes.Where(n => n.Id == note.Id).Select(n => n.HotScore).SingleAsync();
            Assert.Equal(hot, Engagement(SearchKind.Note, note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), 9);
            Assert.Equal(1, Engagement(SearchKind.User, author.Id));
            Assert.Equal(3, Engagement(SearchKind.Product, product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var topic = await context.Topics.Where(t => t.Name == "护肤").Select(t => t.Id).SingleAsync();
            Assert.Equal(2, Engagement(SearchKind.Topic, topic.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        Assert.Equal(0, await indexer.RefreshEngagementAsync(default));
    }
}
