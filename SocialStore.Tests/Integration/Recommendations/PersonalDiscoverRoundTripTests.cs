using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
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

        app.Commands.Reset();
        var response = await viewer.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        output.WriteLine($"/ signed in: {app.Commands.Count} round trips");
        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("data-personal=\"true\"", html);
        Assert.True(app.Commands.Count <= 6, $"{app.Commands.Count} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");
    }
}
