using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Data.Seed.Generation;

namespace SocialStore.Domain.Data.Seed.Writers;

/// <summary>
/// Writes a volume plan with bulk inserts in a single transaction: all of it or none of it. Keys are
/// explicit and continue after existing rows, so it can run on an empty database or on top of the demo set.
/// </summary>
internal sealed class BulkSeedWriter(IDbContextFactory<SocialStoreDbContext> dbFactory, ILogger logger)
{
    // Notes are composed in batches so that their images and topics can follow them without holding 100k bodies in memory.
    private const int NoteBatch = 5_000;

    public async Task WriteAsync(SeedPlan plan, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await SeedKeys.ReadAsync(db, plan, cancellationToken);
        var tables = new BulkTables(plan, keys);
        await using var inserter = BulkInserter.Create(db, logger);
        await inserter.BeginAsync(cancellationToken);

        await inserter.InsertAsync(tables.Users, plan.Users, cancellationToken);
        await inserter.InsertAsync(tables.Topics, keys.NewTopics, cancellationToken);
        await inserter.InsertAsync(tables.Categories, keys.NewCategories.Select(i => plan.Categories[i]), cancellationToken);
        await inserter.InsertAsync(tables.Products, plan.Products(), cancellationToken);
        await inserter.InsertAsync(tables.Skus, plan.Products(), cancellationToken);

        var nextImage = keys.ImageBase + 1;
        foreach (var batch in plan.Notes().Chunk(NoteBatch))
        {
            await inserter.InsertAsync(tables.Notes, batch, cancellationToken);
            var images = new List<ImageRow>(batch.Length * 3);
            foreach (var note in batch)
                for (var position = 0; position < note.Images.Count; position++)
                    images.Add(new ImageRow(nextImage++, keys.NoteId(note.Index), position, note.Images[position]));
            await inserter.InsertAsync(tables.Images, images, cancellationToken);
            await inserter.InsertAsync(tables.NoteTopics,
                batch.SelectMany(n => n.TopicIndices.Select(t => new NoteTopicRow(keys.NoteId(n.Index), keys.TopicIds[t]))), cancellationToken);
        }

        await inserter.InsertAsync(tables.Boards, plan.Boards, cancellationToken);
        await inserter.InsertAsync(tables.Follows, plan.Follows(), cancellationToken);
        await inserter.InsertAsync(tables.Likes, plan.Likes(), cancellationToken);
        await inserter.InsertAsync(tables.Collects, plan.Collects(), cancellationToken);
        await inserter.InsertAsync(tables.Comments, plan.Comments(), cancellationToken);

        var identityTables = BulkTables.IdentityEntities.Select(e => db.Model.FindEntityType(e)!.GetTableName()!).ToList();
        await inserter.CommitAsync(identityTables, cancellationToken);

        // Every counter is a count of real rows: the follow and reply counters are recounted from what was written.
        await db.Users.ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FollowerCount, u => db.Follows.Count(f => f.FolloweeId == u.Id))
            .SetProperty(u => u.FollowingCount, u => db.Follows.Count(f => f.FollowerId == u.Id)), cancellationToken);
        await db.Comments.Where(c => c.ParentId == null).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.ReplyCount, c => db.Comments.Count(r => r.ParentId == c.Id && !r.IsDeleted)), cancellationToken);
        logger.LogInformation("Bulk seed '{Scale}' written in {Seconds:F1} s", plan.Options.Name, clock.Elapsed.TotalSeconds);
    }
}
