using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data.Seed;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using Xunit.Abstractions;

namespace SocialStore.Tests.Domain.Seed;

public abstract partial class DemoSeedTests(DemoSeedFixture fixture, ITestOutputHelper output)
{
    private SeedTestKit Kit => fixture.Kit;

    [Fact]
    public async Task SeedDemo_EmptyDatabase_BuildsTheCommunity()
    {
        output.WriteLine($"Demo seed took {fixture.SeedTime.TotalSeconds:F2} s");
        await using var db = Kit.Context();

        Assert.True(await db.Users.CountAsync() >= 50);
        Assert.True(await db.Notes.CountAsync() >= 300);
        Assert.True(await db.Topics.CountAsync() >= 12);
        Assert.True(await db.Products.CountAsync() >= 60);
        Assert.True(await db.Categories.CountAsync() >= 8);
        Assert.True(await db.NoteLikes.CountAsync() > 1000);
        Assert.True(await db.Collects.CountAsync() > 300);
        Assert.True(await db.Follows.CountAsync() > 300);
        Assert.True(await db.Comments.CountAsync(c => c.ParentId != null) > 50, "some comments are replies");
        Assert.False(await Kit.Seeder.IsEmptyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SeedDemo_NoteCounters_EqualRowCounts()
    {
        await using var db = Kit.Context();

        Assert.Equal(0, await SeedTestKit.CounterMismatchesAsync(db));
        Assert.Equal(await db.NoteLikes.CountAsync(), await db.Notes.SumAsync(n => n.LikeCount));
        Assert.Equal(0, await db.Comments.CountAsync(c => c.LikeCount != 0));
        Assert.Equal(0, await db.Products.CountAsync(p => p.SalesCount != 0));
    }

    [Fact]
    public async Task SeedDemo_People_HaveValidUniqueHandlesAndNoPassword()
    {
        await using var db = Kit.Context();
        var users = await db.Users.AsNoTracking().ToListAsync();

        Assert.All(users, u =>
        {
            Assert.True(Handles.IsValid(u.Handle), u.Handle);
            Assert.True(u.EmailConfirmed);
            Assert.Null(u.PasswordHash);
            Assert.Equal(u.Email!.ToUpperInvariant(), u.NormalizedEmail);
            Assert.Equal(u.UserName!.ToUpperInvariant(), u.NormalizedUserName);
            Assert.False(string.IsNullOrEmpty(u.SecurityStamp));
            Assert.False(string.IsNullOrEmpty(u.ConcurrencyStamp));
            Assert.False(string.IsNullOrWhiteSpace(u.DisplayName));
            Assert.False(string.IsNullOrWhiteSpace(u.Bio));
            Assert.True(TextLength.Graphemes(u.Bio) <= ApplicationUser.BioMaxLength);
            Assert.NotNull(u.AvatarKey);
        });
        Assert.Equal(users.Count, users.Select(u => u.Handle).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(users, u => HasCjk(u.DisplayName));
        Assert.Contains(users, u => !HasCjk(u.DisplayName));
    }

    [Fact]
    public async Task SeedDemo_People_MarkTheDatabaseAsTheDemoCommunity()
    {
        Assert.True(await new DemoCommunity(Kit.Database.Factory).IsPresentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SeedDemo_Notes_ReadLikePosts()
    {
        await using var db = Kit.Context();
        var notes = await db.Notes.AsNoTracking().Include(n => n.Images).Include(n => n.Topics).ThenInclude(t => t.Topic).ToListAsync();

        Assert.All(notes, n =>
        {
            Assert.True(TextLength.Graphemes(n.Title) <= Note.TitleMaxLength, n.Title);
            Assert.InRange(n.Images.Count, 1, 4);
            Assert.NotEmpty(n.Topics);
            foreach (var topic in n.Topics) Assert.Contains("#" + topic.Topic!.Name, n.Body);
            var cover = n.Images.Single(i => i.Position == 0);
            Assert.Equal((cover.StorageKey, cover.Width, cover.Height), (n.CoverKey, n.CoverWidth, n.CoverHeight));
            Assert.Equal(TimeSpan.Zero, n.CreatedAt.Offset);
            Assert.InRange(n.CreatedAt, DateTimeOffset.UtcNow.AddDays(-61), DateTimeOffset.UtcNow);
        });
        Assert.Equal(notes.Count, notes.Select(n => n.Title).Distinct().Count());
        Assert.True(notes.Count(n => HasCjk(n.Title)) > notes.Count * 0.6, "most notes are Chinese");
        Assert.Contains(notes, n => !HasCjk(n.Title));
        Assert.True(notes.Max(n => n.CreatedAt) - notes.Min(n => n.CreatedAt) > TimeSpan.FromDays(45), "spread over the last two months");
        var ratios = notes.Select(n => (double)n.CoverWidth / n.CoverHeight).Distinct().Count();
        Assert.True(ratios >= 4, $"covers use {ratios} aspect ratios");
        Assert.Contains(notes, n => n.Body.Contains("\n- ", StringComparison.Ordinal) || n.Body.Contains("\n1. ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeedDemo_Topics_AreHashtags()
    {
        await using var db = Kit.Context();
        var used = await db.NoteTopics.Select(t => t.Topic!.Name).Distinct().ToListAsync();

        Assert.True(used.Count >= 12, $"{used.Count} topics in use");
        foreach (var name in new[] { "护肤", "穿搭", "美食", "旅行", "家居", "数码", "健身", "母婴", "宠物", "读书", "摄影", "彩妆" })
            Assert.Contains(name, used);
        Assert.All(await db.Topics.Select(t => t.Name).ToListAsync(), name =>
            Assert.Matches(TopicName(), name));
    }

    [Fact]
    public async Task SeedDemo_Catalog_IsATwoLevelTreeOfProductsOnSale()
    {
        await using var db = Kit.Context();
        var categories = await db.Categories.AsNoTracking().ToListAsync();
        var products = await db.Products.AsNoTracking().ToListAsync();
        var roots = categories.Where(c => c.ParentId is null).Select(c => c.Id).ToHashSet();

        Assert.True(roots.Count >= 8);
        Assert.All(categories.Where(c => c.ParentId is not null), c => Assert.Contains(c.ParentId!.Value, roots));
        Assert.All(categories, c => Assert.False(string.IsNullOrWhiteSpace(c.NameZh) || string.IsNullOrWhiteSpace(c.NameEn)));
        Assert.All(products, p =>
        {
            Assert.DoesNotContain(p.CategoryId, roots);
            Assert.Equal(ProductStatus.OnSale, p.Status);
            Assert.Equal("CNY", p.Currency);
            Assert.True(p.Price > 0, $"{p.Title}: {p.Price}");
            Assert.Equal(p.Price, p.OriginalPrice); // nothing made up to strike through (ADR-028)
            Assert.Equal(decimal.Round(p.Price, 2), p.Price);
            Assert.True(p.Stock > 0);
            Assert.False(string.IsNullOrWhiteSpace(p.Brand) || string.IsNullOrWhiteSpace(p.Subtitle));
            Assert.Contains("## ", p.Description);
        });
        Assert.True(products.Select(p => p.CategoryId).Distinct().Count() >= 8);
    }

    [Fact]
    public async Task SeedDemo_BoardsAndCollects_BelongToTheCollector()
    {
        await using var db = Kit.Context();

        Assert.Equal(await db.Users.CountAsync(), await db.Boards.CountAsync(b => b.IsDefault && b.Name == "默认专辑"));
        Assert.True(await db.Boards.CountAsync(b => !b.IsDefault) > 0);
        Assert.Equal(0, await db.Collects.CountAsync(c => db.Boards.Single(b => b.Id == c.BoardId).OwnerId != c.UserId));
        Assert.Equal(0, await db.Comments.CountAsync(c => c.ParentId != null
            && db.Comments.Any(p => p.Id == c.ParentId && (p.NoteId != c.NoteId || p.ParentId != null))));
        Assert.Equal(0, await db.Follows.CountAsync(f => f.FollowerId == f.FolloweeId));
    }

    [Fact]
    public async Task SeedDemo_Pictures_AreStoredSafeSvgOfTheRecordedSize()
    {
        await using var db = Kit.Context();
        var images = await db.NoteImages.AsNoTracking().Select(i => new { i.StorageKey, i.Width, i.Height }).ToListAsync();
        var others = await db.Users.Select(u => u.AvatarKey!).Concat(db.Products.Select(p => p.CoverKey)).Distinct().ToListAsync();

        foreach (var image in images)
        {
            var svg = await Kit.ReadSafeSvgAsync(image.StorageKey);
            Assert.Equal($"0 0 {image.Width} {image.Height}", (string?)svg.Attribute("viewBox"));
        }
        foreach (var key in others) await Kit.ReadSafeSvgAsync(key);
    }

    [Fact]
    public async Task SeedDemo_SecondRun_ChangesNothing()
    {
        await using var db = Kit.Context();
        var before = (await db.Users.CountAsync(), await db.Notes.CountAsync(), await db.NoteLikes.CountAsync());

        await Kit.Seeder.SeedDemoAsync(CancellationToken.None);

        Assert.Equal(before, (await db.Users.CountAsync(), await db.Notes.CountAsync(), await db.NoteLikes.CountAsync()));
        Assert.False(await Kit.Seeder.IsEmptyAsync(CancellationToken.None));
    }

    private static bool HasCjk(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex(@"^[^\s#]{1,30}$")]
    private static partial Regex TopicName();
}

public sealed class DemoSeedSqliteTests(SqliteDemoSeedFixture fixture, ITestOutputHelper output)
    : DemoSeedTests(fixture, output), IClassFixture<SqliteDemoSeedFixture>;

public sealed class DemoSeedPostgreSqlTests(PostgreSqlDemoSeedFixture fixture, ITestOutputHelper output)
    : DemoSeedTests(fixture, output), IClassFixture<PostgreSqlDemoSeedFixture>;
