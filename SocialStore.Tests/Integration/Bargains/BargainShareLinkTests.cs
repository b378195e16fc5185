using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Bargains;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Sharing;

namespace SocialStore.Tests.Integration.Bargains;

/// <summary>The bargain owner's share link over HTTP: /s/{code} redirects to /bargains/{id} and records the visit (ADR-057).</summary>
public sealed class BargainShareLinkTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Follow_BargainShareLink_RedirectsToTheBargainPage_AndRecordsTheVisit()
    {
        var factory = app.Db();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var product = await CatalogTestData.SimpleAsync(factory, "砍价分享台灯", 99m, 20);
        var admin = await TestData.UserAsync(factory, "bgadmin");
        var owner = await TestData.UserAsync(factory, "bgowner");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var bargains = app.Services.GetRequiredService<BargainService>();
        var campaign = await bargains.CreateCampaignAsync(principal,
            new BargainCampaignInput(product.Skus.Single().Id, 9.9m, 3, BargainCampaign.DefaultTimeLimitMinutes, now.AddHours(-1), now.AddDays(7), 10), default);
        var bargainId = await bargains.StartAsync(owner.Id, campaign, default);
        var link = await app.Services.GetRequiredService<ShareService>()
            .GetOrCreateLinkAsync(owner.Id, ShareTargetType.Bargain, bargainId.ToString(CultureInfo.InvariantCulture), default);

        var response = await app.Browser().GetAsync($"/s/{link.Code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/bargains/{bargainId}", response.Headers.Location!.OriginalString);
        await using var db = await factory.CreateDbContextAsync();
        var linkId = await db.ShareLinks.Where(l => l.Code == link.Code).Select(l => l.Id).SingleAsync();
        Assert.Equal(1, await db.ShareVisits.CountAsync(v => v.ShareLinkId == linkId));
        var page = await app.Browser().GetAsync($"/bargains/{bargainId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
