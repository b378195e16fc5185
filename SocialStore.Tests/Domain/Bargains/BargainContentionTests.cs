using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Bargains;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Bargains;

/// <summary>Cuts and purchases under contention, on SQLite and on the real PostgreSQL server.</summary>
public sealed class BargainContentionTests
{
    private static async Task<List<string>> AllAtOnceAsync(int count, Func<int, Task> work)
    {
        using var go = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, count).Select(async i =>
        {
            await go.WaitAsync();
            try { await work(i); return "ok"; }
            catch (DomainException ex) { return ex.Code; }
        }).ToList();
        go.Release(count);
        return [.. await Task.WhenAll(attempts)];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThirtyHelpersAtOnce_OnABargainNeedingFive_ExactlyFiveCuts_FloorReachedExactly(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(floor: 9.9m, helpers: 5);
        var owner = await bed.UserAsync();
        var id = await bed.Service.StartAsync(owner, campaign, default);
        var helpers = new List<string>();
        for (var i = 0; i < 30; i++) helpers.Add(await bed.UserAsync());

        var results = await AllAtOnceAsync(30, i => bed.Service.HelpAsync(helpers[i], id, default));

        Assert.Equal(5, results.Count(r => r == "ok"));
        Assert.All(results.Where(r => r != "ok"), r => Assert.Equal(BargainErrors.FloorReached, r));
        var bargain = await bed.BargainAsync(id);
        var cuts = await bed.CutsAsync(id);
        Assert.Equal(5, cuts.Count);
        Assert.Equal([1, 2, 3, 4, 5], cuts.Select(c => c.Sequence));
        Assert.Equal((5, 90.10m, 9.90m), (bargain.HelperCount, bargain.TotalCut, bargain.CurrentPrice));
        Assert.Equal(bargain.TotalCut, cuts.Sum(c => c.Amount));
        Assert.All(cuts, c => Assert.True(c.Amount >= 0.01m));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OneHelperTenTimesAtOnce_OneCut(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(helpers: 5);
        var owner = await bed.UserAsync();
        var id = await bed.Service.StartAsync(owner, campaign, default);
        var helper = await bed.UserAsync();

        var results = await AllAtOnceAsync(10, _ => bed.Service.HelpAsync(helper, id, default));

        Assert.Equal(1, results.Count(r => r == "ok"));
        Assert.All(results.Where(r => r != "ok"), r => Assert.Equal(BargainErrors.AlreadyHelped, r));
        var bargain = await bed.BargainAsync(id);
        var cuts = await bed.CutsAsync(id);
        Assert.Single(cuts);
        Assert.Equal((1, cuts[0].Amount), (bargain.HelperCount, bargain.TotalCut));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OwnerBuysTenTimesInParallel_OneOrder_OneUnit(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(helpers: 2, stock: 5);
        var owner = await bed.UserAsync();
        var id = await bed.Service.StartAsync(owner, campaign, default);
        await bed.Service.HelpAsync(await bed.UserAsync(), id, default);
        await bed.Service.HelpAsync(await bed.UserAsync(), id, default);

        var results = await AllAtOnceAsync(10, _ => bed.Service.BuyAsync(owner, id, BargainTestBed.Key(), default));

        Assert.Equal(1, results.Count(r => r == "ok"));
        Assert.All(results.Where(r => r != "ok"), r => Assert.Equal(BargainErrors.Closed, r));
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Orders.CountAsync(o => o.BuyerId == owner));
        Assert.Equal(4, await bed.CampaignStockAsync(campaign));
        var bargain = await bed.BargainAsync(id);
        Assert.Equal(BargainStatus.Bought, bargain.Status);
        Assert.Equal(9.90m, await db.OrderLines.Where(l => l.OrderId == bargain.OrderId).Select(l => l.UnitPrice).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OwnerStartsTenTimesAtOnce_OneOpenBargain(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync();
        var owner = await bed.UserAsync();
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        var results = await AllAtOnceAsync(10, async _ => ids.Add(await bed.Service.StartAsync(owner, campaign, default)));
        Assert.All(results, r => Assert.Equal("ok", r));
        Assert.Single(ids.Distinct());
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Bargains.CountAsync(b => b.OwnerId == owner));
    }
}
