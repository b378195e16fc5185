using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Recommendations;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Integration.Recommendations;

/// <summary>ADR-053: the signed-in, personal Discover page stays within six database round trips once the person's set exists.</summary>
public sealed class PersonalDiscoverRoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task PersonalDiscover_SignedIn_WithLikesAndFollows_RendersWithinSixRoundTrips()
    {
        var email = AccountTestClient.NewEmail("pdviewer");
        using var viewer = await AccountTestClient.SignedInAsync(app, email);
        var authors = new List<string>();
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var notes = new List<long>();
        for (var u = 0; u < 4; u++)
        {
            var author = await TestData.UserAsync(db, $"pd_author{u}", $"作者{u}");
            authors.Add(author.Id);
            for (var i = 0; i < 10; i++) notes.Add((await TestData.NoteAsync(db, author.Id, $"笔记{u}-{i}", topics: [$"话题{i % 3}", "咖啡"])).Id);
        }
        await using (var context = await db.CreateDbContextAsync())
        {
            var viewerId = await context.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var authorId = authors[1];
            context.NoteLikes.AddRange(notes.Take(3).Select(n => new NoteLike { UserId = viewerId, NoteId = n, CreatedAt = DateTimeOffset.UtcNow }));
            context.Follows.Add(new Follow { FollowerId = viewerId, FolloweeId = authorId, CreatedAt = DateTimeOffset.UtcNow });
            await context.SaveChangesAsync();
        }
        await viewer.Http.GetStringAsync("/"); // the first visit computes the person's set
        var personId = await db.CreateDbContext()
            .Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

        // A first page (no kept ranked list, ADR-060): state and set known, the cards of the shared pool cached.
        app.Services.GetRequiredService<PersonalFeedQueries>().ForgetKeptList(personId, FeedQueries.DefaultPageSize);
        app.Commands.Reset();
        var response = await viewer.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var first = app.Commands.Count;
        output.WriteLine($"/ signed in, first page: {first} round trips");
        Assert.True(response.IsSuccessStatusCode);
        Assert.True(html.Contains("data-personal=\"true\""), html[Math.Max(0, html.IndexOf("<main", StringComparison.Ordinal))..]);
        Assert.True(first <= 6, $"{first} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");

        // The same page again (a reload, or the next page): the kept list, no query of the personal feed.
        app.Commands.Reset();
        var again = await viewer.Http.GetStringAsync("/");
        output.WriteLine($"/ signed in, again: {app.Commands.Count} round trips");
        Assert.Contains("data-personal=\"true\"", again);
        Assert.True(app.Commands.Count < first, $"{app.Commands.Count} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");
    }
}
