using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Data.Seed.Art;
using SocialStore.Domain.Data.Seed.Generation;
using SocialStore.Domain.Data.Seed.Writers;
using SocialStore.Domain.Media;

namespace SocialStore.Domain.Data.Seed;

/// <summary>
/// Generates the demo community (first start, <c>seed</c>) and the large benchmark set (<c>seed --scale large</c>).
/// Every person, note and like is a real row, and every counter is the count of those rows (ADR-034 §5).
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<SocialStoreDbContext> dbFactory,
    IMediaStore mediaStore,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Notes.AnyAsync(cancellationToken);
    }

    /// <summary>The demo community; refused (logged, nothing written) when the database already has notes.</summary>
    public Task SeedDemoAsync(CancellationToken cancellationToken) => SeedDemoAsync(SeedScaleOptions.Demo, cancellationToken);

    /// <summary>
    /// The benchmark volume of ADR-034 §6. On an empty database the demo community is written first, so the
    /// site still opens on hand-made-looking content; the volume is then added on top, once (a second run finds
    /// its people and stops).
    /// </summary>
    public Task SeedLargeAsync(CancellationToken cancellationToken) => SeedLargeAsync(SeedScaleOptions.Large, cancellationToken);

    internal async Task SeedDemoAsync(SeedScaleOptions options, CancellationToken cancellationToken)
    {
        if (!await IsEmptyAsync(cancellationToken))
        {
            logger.LogWarning("The database already has notes: the demo data set is only written to an empty database.");
            return;
        }
        var time = Stopwatch.StartNew();
        var plan = new SeedPlan(options, clock.GetUtcNow(), await TakenHandlesAsync(cancellationToken));
        var notes = plan.Notes().ToList();
        var noteArt = notes.SelectMany(n => n.Images).Where(i => i.Art is not null).Select(i => new SeedArtwork(i.Key, () => CoverArt.Draw(i.Art!)));
        logger.LogInformation("Demo data set generated in {Seconds:F1} s", time.Elapsed.TotalSeconds);
        var pictures = await new SeedMediaWriter(mediaStore).WriteAsync(plan.SharedArtwork().Concat(noteArt), cancellationToken);
        logger.LogInformation("{Pictures} pictures drawn and stored at {Seconds:F1} s", pictures, time.Elapsed.TotalSeconds);
        await new EntitySeedWriter(dbFactory).WriteAsync(plan, notes, cancellationToken);
        logger.LogInformation(
            "Demo data set: {Users} people, {Notes} notes, {Products} products, {Likes} likes, {Collects} collects, {Comments} comments, {Pictures} pictures in {Seconds:F1} s",
            plan.Users.Count, notes.Count, options.Products, plan.TotalLikes, plan.TotalCollects, plan.TotalComments, pictures, time.Elapsed.TotalSeconds);
    }

    internal async Task SeedLargeAsync(SeedScaleOptions options, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!BulkInserter.IsSupported(db))
                throw new StartupException(BulkInserter.NotSupportedMessage(db.Database.ProviderName ?? "this provider"));
            if (!await db.Notes.AnyAsync(cancellationToken)) await SeedDemoAsync(cancellationToken);
            var marker = "@" + options.EmailDomain.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(marker), cancellationToken))
            {
                logger.LogWarning("The {Scale} data set is already in the database; nothing added.", options.Name);
                return;
            }
        }
        var time = Stopwatch.StartNew();
        logger.LogInformation("Generating the {Scale} data set: {Users:N0} people, {Notes:N0} notes, {Products:N0} products, ~{Likes:N0} likes…",
            options.Name, options.Users, options.Notes, options.Products, options.Likes);
        var plan = new SeedPlan(options, clock.GetUtcNow(), await TakenHandlesAsync(cancellationToken));
        var pictures = await new SeedMediaWriter(mediaStore).WriteAsync(plan.SharedArtwork(), cancellationToken);
        logger.LogInformation("{Pictures} shared pictures drawn in {Seconds:F1} s", pictures, time.Elapsed.TotalSeconds);
        await new BulkSeedWriter(dbFactory, logger).WriteAsync(plan, cancellationToken);
        logger.LogInformation("The {Scale} data set took {Seconds:F1} s", options.Name, time.Elapsed.TotalSeconds);
    }

    private async Task<IReadOnlySet<string>> TakenHandlesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Users.Select(u => u.Handle).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }
}
