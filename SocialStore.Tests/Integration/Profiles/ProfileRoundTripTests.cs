using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Domain.Sharing;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Sharing;

namespace SocialStore.Tests.Integration.Profiles;

/// <summary>ADR-034 §6: at most 6 database round trips per page render (no N+1), for profiles, boards and share links.</summary>
public sealed class ProfileRoundTripTests : IAsyncLifetime
{
    private readonly AppFactory app = new();
    private readonly Dictionary<string, string> urls = [];

    public async Task InitializeAsync()
    {
        var community = app.Community();
        var mei = await community.UserAsync("mei", "小美", password: TestAccounts.Password);
        var board = await community.BoardAsync(mei.Id, "默认专辑", isDefault: true);
        for (var u = 0; u < 4; u++)
        {
            var author = await community.UserAsync($"author_{u}");
            await community.FollowAsync(author.Id, mei.Id);
            var extra = await community.BoardAsync(mei.Id, $"专辑{u}", isPrivate: u % 2 == 0);
            for (var i = 0; i < 6; i++)
            {
                var note = await community.NoteAsync(author.Id, TestCommunity.Start.AddMinutes(u * 10 + i));
                await community.LikeAsync(mei.Id, note.Id, TestCommunity.Start.AddHours(1).AddMinutes(u * 10 + i));
                await community.CollectAsync(mei.Id, note.Id, i % 2 == 0 ? board.Id : extra.Id, TestCommunity.Start.AddHours(2).AddMinutes(u * 10 + i));
                await community.NoteAsync(mei.Id, TestCommunity.Start.AddMinutes(u * 10 + i));
            }
        }
        var link = await app.Services.GetRequiredService<ShareService>().GetOrCreateLinkAsync(mei.Id, ShareTargetType.Profile, mei.Id, default);
        urls["board"] = $"/u/mei/boards/{board.Id}";
        urls["share-page"] = $"/share/{link.Code}";
        urls["short-link"] = $"/s/{link.Code}";
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("/u/mei", false)]
    [InlineData("/u/mei?tab=boards", false)]
    [InlineData("/u/mei?tab=liked", false)]
    [InlineData("/u/mei", true)]
    [InlineData("/u/mei?tab=boards", true)]
    [InlineData("/u/mei?tab=liked", true)]
    [InlineData("/u/mei?tab=notes&after=638000000000000000-99", true)]
    [InlineData("board", false)]
    [InlineData("share-page", false)]
    [InlineData("short-link", false)]
    public async Task Page_RendersWithinSixRoundTrips(string url, bool signedIn)
    {
        url = urls.GetValueOrDefault(url, url);
        var client = signedIn ? await app.SignedInBrowserAsync("mei") : app.Browser();
        await client.GetAsync(url); // warm caches that a real visitor would find warm

        app.Commands.Reset();
        var response = await client.GetAsync(url);

        Assert.True((int)response.StatusCode is 200 or 302, $"{url}: {(int)response.StatusCode}");
        Assert.True(app.Commands.Count <= 6, $"{url}: {app.Commands.Count} round trips:\n{string.Join("\n---\n", app.Commands.Commands)}");
        Assert.True(app.Commands.Count >= 1);
    }
}
