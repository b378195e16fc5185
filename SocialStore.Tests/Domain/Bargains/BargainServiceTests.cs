using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Bargains;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Bargains;

/// <summary>Campaign validation, the bargain lifecycle and the refusals, on SQLite and PostgreSQL.</summary>
public sealed class BargainServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Campaign_BadInput_ClearCode_NothingWritten(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider, productStock: 50);
        async Task<string> Refused(BargainCampaignInput input) =>
            (await Assert.ThrowsAsync<DomainException>(() => bed.Service.CreateCampaignAsync(bed.Admin, input, default))).Code;

        Assert.Equal(BargainErrors.FloorInvalid, await Refused(bed.Input(floor: 0m)));
        Assert.Equal(BargainErrors.FloorInvalid, await Refused(bed.Input(floor: -5m)));
        Assert.Equal(BargainErrors.FloorInvalid, await Refused(bed.Input(floor: 1.234m)));
        Assert.Equal(BargainErrors.FloorNotBelowPrice, await Refused(bed.Input(floor: 100m)));
        Assert.Equal(BargainErrors.HelpersInvalid, await Refused(bed.Input(helpers: 0)));
        Assert.Equal(BargainErrors.HelpersInvalid, await Refused(bed.Input(helpers: 51)));
        Assert.Equal(BargainErrors.CutTooSmall, await Refused(bed.Input(floor: 99.99m, helpers: 2)));
        Assert.Equal(BargainErrors.StockAboveProduct, await Refused(bed.Input(stock: 51)));
        Assert.Equal(BargainErrors.StockInvalid, await Refused(bed.Input(stock: 0)));
        Assert.Equal(BargainErrors.TimeLimitInvalid, await Refused(bed.Input(minutes: 1)));
        var noAdmin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        Assert.Equal(BargainErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.CreateCampaignAsync(noAdmin, bed.Input(), default))).Code);

        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.BargainCampaigns.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiveHelpers_ReachTheFloorExactly_OwnerBuysAtFloor_Once(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(floor: 9.9m, helpers: 5, stock: 3);
        var owner = await bed.UserAsync();
        var id = await bed.Service.StartAsync(owner, campaign, default);
        Assert.Equal(id, await bed.Service.StartAsync(owner, campaign, default)); // one open bargain per owner per campaign

        Assert.Equal(BargainErrors.SelfHelp, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.HelpAsync(owner, id, default))).Code);
        var helpers = new List<string>();
        for (var i = 0; i < 5; i++) helpers.Add(await bed.UserAsync());
        var total = 0m;
        foreach (var (h, i) in helpers.Select((h, i) => (h, i)))
        {
            var cut = await bed.Service.HelpAsync(h, id, default);
            total += cut.Amount;
            Assert.Equal(4 - i, cut.HelpersLeft);
            Assert.Equal(90.10m - total, cut.Remaining);
        }
        Assert.Equal(BargainErrors.AlreadyHelped, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.HelpAsync(helpers[0], id, default))).Code);
        var late = await bed.UserAsync();
        Assert.Equal(BargainErrors.FloorReached, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.HelpAsync(late, id, default))).Code);

        var bargain = await bed.BargainAsync(id);
        Assert.Equal((90.10m, 5, 9.90m), (bargain.TotalCut, bargain.HelperCount, bargain.CurrentPrice));
        Assert.Equal(bargain.TotalCut, (await bed.CutsAsync(id)).Sum(c => c.Amount));

        var page = await bed.Queries.BargainAsync(id, default);
        Assert.NotNull(page);
        Assert.Equal((0m, 0, 5), (page.Remaining, page.HelpersLeft, page.Cuts.Count));

        var key = BargainTestBed.Key();
        var order = await bed.Service.BuyAsync(owner, id, key, default);
        Assert.Equal(order.OrderId, (await bed.Service.BuyAsync(owner, id, key, default)).OrderId); // same form twice: same order
        Assert.Equal(BargainErrors.Closed, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.BuyAsync(owner, id, BargainTestBed.Key(), default))).Code);
        Assert.Equal(CallbackOutcome.Applied, await bed.PayAsync(owner, order));
        await using var db = await bed.Factory.CreateDbContextAsync();
        var placed = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == order.OrderId);
        Assert.Equal(OrderStatus.Paid, placed.Status);
        Assert.Equal(9.90m, placed.Lines.Single().UnitPrice);
        Assert.Equal(2, await bed.CampaignStockAsync(campaign));

        var figures = (await bed.Queries.CampaignsAsync(default)).Single();
        Assert.Equal((1, 1, 1, 5), (figures.Started, figures.Completed, figures.Bought, figures.Cuts));
        Assert.Single(await bed.Queries.MineAsync(owner, default));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterExpiry_NoCut_NoPurchase_AndTheOwnerMayStartAgain(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(helpers: 3, minutes: 60);
        var owner = await bed.UserAsync();
        var id = await bed.Service.StartAsync(owner, campaign, default);
        var friend = await bed.UserAsync();
        var cut = await bed.Service.HelpAsync(friend, id, default);

        bed.Clock.Advance(TimeSpan.FromMinutes(61));
        var other = await bed.UserAsync();
        Assert.Equal(BargainErrors.Expired, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.HelpAsync(other, id, default))).Code);
        Assert.Equal(BargainErrors.Expired, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.BuyAsync(owner, id, BargainTestBed.Key(), default))).Code);
        await using (var db = await bed.Factory.CreateDbContextAsync())
            Assert.Equal(0, await db.Orders.CountAsync(o => o.BuyerId == owner));
        var page = await bed.Queries.BargainAsync(id, default);
        Assert.True(page!.Expired);
        Assert.Equal(cut.Amount, page.TotalCut);

        var again = await bed.Service.StartAsync(owner, campaign, default);
        Assert.NotEqual(id, again);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BuyingBeforeTheFloor_PaysThePriceReached_UnpaidTimeoutReturnsTheUnit(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(helpers: 4, stock: 1);
        var owner = await bed.UserAsync();
        var id = await bed.Service.StartAsync(owner, campaign, default);
        var cut = await bed.Service.HelpAsync(await bed.UserAsync(), id, default);
        var order = await bed.Service.BuyAsync(owner, id, BargainTestBed.Key(), default);
        Assert.Equal(0, await bed.CampaignStockAsync(campaign));
        var friend = await bed.UserAsync();
        Assert.Equal(BargainErrors.Closed, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.HelpAsync(friend, id, default))).Code);
        await using (var db = await bed.Factory.CreateDbContextAsync())
            Assert.Equal(100m - cut.Amount, await db.OrderLines.Where(l => l.OrderId == order.OrderId).Select(l => l.UnitPrice).SingleAsync());

        bed.Clock.Advance(new CheckoutOptions().UnpaidTimeout + TimeSpan.FromMinutes(1));
        await bed.Sweeper.SweepAsync(default);
        Assert.Equal(BargainStatus.Cancelled, (await bed.BargainAsync(id)).Status);
        Assert.Equal(1, await bed.CampaignStockAsync(campaign));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ProductPanel_NoCampaign_NoQuery_Directory(DatabaseProvider provider)
    {
        await using var bed = await BargainTestBed.CreateAsync(provider);
        Assert.Null(await bed.Queries.PanelAsync(bed.Product.Id, null, default));
        var campaign = await bed.CampaignAsync();
        var owner = await bed.UserAsync();
        var panel = await bed.Queries.PanelAsync(bed.Product.Id, owner, default);
        Assert.Equal((campaign, 9.9m, (long?)null), (panel!.CampaignId, panel.FloorPrice, panel.MyOpenBargainId));
        var id = await bed.Service.StartAsync(owner, campaign, default);
        Assert.Equal(id, (await bed.Queries.PanelAsync(bed.Product.Id, owner, default))!.MyOpenBargainId);
        await bed.Service.SetPausedAsync(bed.Admin, campaign, true, default);
        Assert.Null(await bed.Queries.PanelAsync(bed.Product.Id, owner, default));
        Assert.Equal(BargainErrors.NotRunning, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.StartAsync(owner, campaign, default))).Code);
    }
}
