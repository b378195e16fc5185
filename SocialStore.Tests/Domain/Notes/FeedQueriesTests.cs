using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Notes;

public class FeedQueriesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Latest_PagesThroughEveryNoteOnceNewestFirst_WithEqualTimestamps(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            var author = new ApplicationUser { UserName = "a@x.test", Email = "a@x.test", Handle = "author", DisplayName = "作者", CreatedAt = start };
            context.Users.Add(author);
            for (var i = 0; i < 45; i++)
            {
                // Every third note shares its timestamp with the next: the id breaks the tie.
                var note = Note.Create(author.Id, $"笔记 {i}", "正文", [new NoteImage { StorageKey = "seed/c.svg", Width = 3, Height = 4 }], start.AddMinutes(i - i % 3));
                context.Notes.Add(note);
            }
            await context.SaveChangesAsync();
        }
        var feed = new FeedQueries(db.Factory);

        var seen = new List<NoteCard>();
        FeedCursor? cursor = null;
        for (var pageNo = 0; pageNo < 10; pageNo++)
        {
            var page = await feed.LatestAsync(cursor, 10, CancellationToken.None);
            seen.AddRange(page.Items);
            if (page.NextCursor is null) break;
            cursor = FeedCursor.Parse(page.NextCursor);
        }

        Assert.Equal(45, seen.Count);
        Assert.Equal(45, seen.Select(n => n.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Select(n => n.Id), seen.Select(n => n.Id));
        Assert.All(seen, n => Assert.Equal("author", n.AuthorHandle));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1-2-3")]
    [InlineData("-5-3")]
    [InlineData("99999999999999999999-1")]
    [InlineData("1; DROP TABLE Notes")]
    public void Parse_Malformed_MeansFromTheStart(string? value) => Assert.Null(FeedCursor.Parse(value));

    [Fact]
    public void Cursor_RoundTrips()
    {
        var cursor = new FeedCursor(new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.Zero), 1234);
        Assert.Equal(cursor, FeedCursor.Parse(cursor.ToString()));
    }
}
