using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.GroupBuys;

/// <summary>The optional leader price (issue 12 §1): the person who starts a group pays it, joiners pay the group price.</summary>
public sealed class GroupBuyLeaderPriceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Leader_PaysTheLeaderPrice_JoinerPaysTheGroupPrice_PanelShowsIt(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        var campaign = await bed.Service.CreateCampaignAsync(bed.Admin, bed.Input(size: 2, price: 79m) with { LeaderPrice = 69.5m }, default);
        Assert.Equal(69.5m, (await bed.Queries.PanelAsync(bed.Product.Id, null, default))!.LeaderPrice);

        var (groupId, _, leaderOrder) = await bed.OpenGroupAsync(campaign);
        var joiner = await bed.BuyerAsync();
        var joinOrder = await bed.Service.JoinAsync(joiner, groupId, GroupBuyTestBed.Key(), default);
        await bed.PayAsync(joiner, joinOrder);

        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(69.5m, await db.OrderLines.Where(l => l.OrderId == leaderOrder.OrderId).Select(l => l.UnitPrice).SingleAsync());
        Assert.Equal(79m, await db.OrderLines.Where(l => l.OrderId == joinOrder.OrderId).Select(l => l.UnitPrice).SingleAsync());
        Assert.Equal(GroupBuyStatus.Succeeded, (await bed.GroupAsync(groupId)).Status);
        Assert.Equal(69.5m, (await bed.Queries.CampaignsAsync(default)).Single().LeaderPrice);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LeaderPrice_ZeroNegativeAboveGroupPriceOrThreeDecimals_Refused_NothingWritten(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        foreach (var bad in new[] { 0m, -1m, 79.01m, 50.123m })
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() => bed.Service.CreateCampaignAsync(bed.Admin, bed.Input(price: 79m) with { LeaderPrice = bad }, default));
            Assert.Equal(GroupBuyErrors.LeaderPriceInvalid, ex.Code);
        }
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.GroupBuyCampaigns.CountAsync());
    }
}
