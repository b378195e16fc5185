using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Data.Seed;
using SocialStore.Domain.Data.Seed.Generation;
using SocialStore.Domain.Data.Seed.Writers;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Social;
using Xunit.Abstractions;

namespace SocialStore.Tests.Domain.Seed;

/// <summary>The bulk path of <c>seed --scale large</c>, run with a thousandth of the sizes.</summary>
public class LargeSeedTests(ITestOutputHelper output)
{
    private static readonly SeedScaleOptions Small = SeedScaleOptions.Large.Scaled(1000);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedLarge_EmptyDatabase_AddsTheVolumeOnTopOfTheDemoWithExactCounters(DatabaseProvider provider)
    {
        await using var kit = await SeedTestKit.CreateAsync(provider, new TestOutputLogger<DemoDataSeeder>(output));

        await kit.Seeder.SeedLargeAsync(Small, CancellationToken.None);

        await using var db = kit.Context();
        var demo = SeedScaleOptions.Demo;
        Assert.Equal(demo.Users + Small.Users, await db.Users.CountAsync());
        Assert.Equal(demo.Notes + Small.Notes, await db.Notes.CountAsync());
        Assert.Equal(demo.Products + Small.Products, await db.Products.CountAsync());
        Assert.Equal(0, await SeedTestKit.CounterMismatchesAsync(db));
        Assert.Equal(await db.NoteLikes.CountAsync(), await db.Notes.SumAsync(n => n.LikeCount));
        Assert.Equal(await db.Comments.CountAsync(), await db.Notes.SumAsync(n => n.CommentCount));
        await AssertRowsAreConsistentAsync(db);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BulkWriter_EmptyDatabase_WritesExactlyThePlan(DatabaseProvider provider)
    {
        await using var kit = await SeedTestKit.CreateAsync(provider, new TestOutputLogger<DemoDataSeeder>(output));
        var plan = new SeedPlan(Small, DateTimeOffset.UtcNow, new HashSet<string>());

        await new BulkSeedWriter(kit.Database.Factory, new TestOutputLogger<DemoDataSeeder>(output)).WriteAsync(plan, CancellationToken.None);

        await using var db = kit.Context();
        Assert.Equal(Small.Users, await db.Users.CountAsync());
        Assert.Equal(Small.Notes, await db.Notes.CountAsync());
        Assert.Equal(plan.TotalLikes, await db.NoteLikes.CountAsync());
        Assert.Equal(plan.TotalCollects, await db.Collects.CountAsync());
        Assert.Equal(plan.TotalComments, await db.Comments.CountAsync());
        Assert.InRange(plan.TotalLikes, Small.Likes * 0.9, Small.Likes * 1.1);
        Assert.Equal(0, await SeedTestKit.CounterMismatchesAsync(db));
        await AssertRowsAreConsistentAsync(db);

        // Rows come back exactly as generated: dates (UTC ticks on SQLite, timestamptz on PostgreSQL), money, text.
        var first = plan.Notes().First();
        var stored = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == 1);
        Assert.Equal((first.Title, first.Body, first.CreatedAt, first.Likes), (stored.Title, stored.Body, stored.CreatedAt, stored.LikeCount));
        var product = plan.Products().First();
        var storedProduct = await db.Products.AsNoTracking().SingleAsync(p => p.Id == 1);
        Assert.Equal((product.Price, product.OriginalPrice, product.CreatedAt), (storedProduct.Price, storedProduct.OriginalPrice, storedProduct.CreatedAt));
        Assert.Equal(await db.Notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => n.Id).ToListAsync(),
            await db.Notes.OrderBy(n => n.Id).Select(n => n.Id).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedLarge_SecondRun_AddsNothingAndKeysContinue(DatabaseProvider provider)
    {
        await using var kit = await SeedTestKit.CreateAsync(provider);
        await kit.Seeder.SeedLargeAsync(Small, CancellationToken.None);
        await using var db = kit.Context();
        var before = (await db.Users.CountAsync(), await db.Notes.CountAsync(), await db.NoteLikes.CountAsync());

        await kit.Seeder.SeedLargeAsync(Small, CancellationToken.None);

        Assert.Equal(before, (await db.Users.CountAsync(), await db.Notes.CountAsync(), await db.NoteLikes.CountAsync()));
        // Explicit keys must not trip the key generators: a note, image, topic and comment written normally still get fresh keys.
        var author = await db.Users.FirstAsync();
        var note = Note.Create(author.Id, "新笔记", "正文 #全新话题", [new NoteImage { StorageKey = "u/1", Width = 3, Height = 4 }], DateTimeOffset.UtcNow);
        note.AddTopic(new Topic { Name = "全新话题", CreatedAt = DateTimeOffset.UtcNow });
        db.Notes.Add(note);
        db.Boards.Add(new Board { OwnerId = author.Id, Name = "新专辑", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        db.Comments.Add(new Comment { NoteId = note.Id, AuthorId = author.Id, Body = "第一", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        Assert.Equal(before.Item2 + 1, await db.Notes.CountAsync());
        Assert.Equal(await db.Notes.MaxAsync(n => n.Id), note.Id);
    }

    private static async Task AssertRowsAreConsistentAsync(SocialStoreDbContext db)
    {
        Assert.Equal(0, await db.Collects.CountAsync(c => db.Boards.Single(b => b.Id == c.BoardId).OwnerId != c.UserId));
        Assert.Equal(0, await db.Comments.CountAsync(c => c.ParentId != null
            && db.Comments.Any(p => p.Id == c.ParentId && (p.NoteId != c.NoteId || p.ParentId != null))));
        Assert.Equal(0, await db.Notes.CountAsync(n => !db.NoteImages.Any(i => i.NoteId == n.Id && i.Position == 0 && i.StorageKey == n.CoverKey)));
        Assert.Equal(0, await db.Notes.CountAsync(n => !db.NoteTopics.Any(t => t.NoteId == n.Id)));
        Assert.Equal(0, await db.NoteLikes.CountAsync(l => db.Notes.Any(n => n.Id == l.NoteId && n.AuthorId == l.UserId)));
        Assert.Equal(await db.Users.CountAsync(), await db.Boards.CountAsync(b => b.IsDefault));
        var handles = await db.Users.Select(u => u.Handle).ToListAsync();
        Assert.All(handles, h => Assert.True(Handles.IsValid(h), h));
        Assert.Equal(handles.Count, handles.Distinct(StringComparer.Ordinal).Count());
    }
}
