using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.GroupBuys;

public sealed class GroupBuyServiceTests
{
    [Fact]
    public async Task Start_LeaderPays_GroupOpensWithItsDeadline()
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var campaign = await bed.CampaignAsync(size: 3, minutes: 120);
        var leader = await bed.BuyerAsync();

        var order = await bed.Service.StartAsync(leader, campaign, GroupBuyTestBed.Key(), default);
        var pending = await bed.GroupAsync(order.GroupId);
        Assert.Equal(GroupBuyStatus.Pending, pending.Status);
        Assert.Null(pending.Deadline);
        Assert.Null(await bed.Queries.GroupAsync(order.GroupId, null, default)); // not shown before the leader paid
        var written = await bed.OrderAsync(order.OrderId);
        Assert.Equal(79m, written.Subtotal);
        Assert.Equal((99, 99, 29), await bed.StockAsync(campaign));

        bed.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(CallbackOutcome.Applied, await bed.PayAsync(leader, order));
        var open = await bed.GroupAsync(order.GroupId);
        Assert.Equal(GroupBuyStatus.Open, open.Status);
        Assert.Equal(bed.Clock.GetUtcNow().AddMinutes(120), open.Deadline);
        Assert.Equal((1, 1), (open.Taken, open.PaidCount));
        var page = await bed.Queries.GroupAsync(order.GroupId, leader, default);
        Assert.NotNull(page);
        Assert.Equal(2, page.Needed);
        Assert.True(Assert.Single(page.Members).IsLeader);
    }

    [Fact]
    public async Task Join_NthPaidMember_CompletesGroupInThePaymentTransaction()
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var campaign = await bed.CampaignAsync(size: 3);
        var (groupId, _, _) = await bed.OpenGroupAsync(campaign);
        var b = await bed.BuyerAsync();
        var c = await bed.BuyerAsync();
        var bOrder = await bed.Service.JoinAsync(b, groupId, GroupBuyTestBed.Key(), default);
        var cOrder = await bed.Service.JoinAsync(c, groupId, GroupBuyTestBed.Key(), default);
        Assert.Equal((3, 1), ((await bed.GroupAsync(groupId)).Taken, (await bed.GroupAsync(groupId)).PaidCount));

        await bed.PayAsync(c, cOrder);
        Assert.Equal(GroupBuyStatus.Open, (await bed.GroupAsync(groupId)).Status); // held seats do not count: only paid members
        await bed.PayAsync(b, bOrder);

        var done = await bed.GroupAsync(groupId);
        Assert.Equal(GroupBuyStatus.Succeeded, done.Status);
        Assert.Equal(3, done.PaidCount);
        Assert.Equal(bed.Clock.GetUtcNow(), done.ClosedAt);
        var page = (await bed.Queries.GroupAsync(groupId, b, default))!;
        Assert.Equal(3, page.Members.Count);
        Assert.Equal(GroupBuyMemberStatus.Paid, page.ViewerStatus);
        Assert.Equal(OrderStatus.Paid, (await bed.OrderAsync(bOrder.OrderId)).Status);
    }

    [Fact]
    public async Task Join_OwnGroupTwice_FullGroup_FailedGroup_ExpiredGroup_Refused()
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var campaign = await bed.CampaignAsync(size: 2, perUser: 5, minutes: 60);
        var (groupId, leader, _) = await bed.OpenGroupAsync(campaign);

        var own = await Assert.ThrowsAsync<DomainException>(() => bed.Service.JoinAsync(leader, groupId, GroupBuyTestBed.Key(), default));
        Assert.Equal(GroupBuyErrors.AlreadyMember, own.Code);

        var b = await bed.BuyerAsync();
        await bed.Service.JoinAsync(b, groupId, GroupBuyTestBed.Key(), default);
        var full = await Assert.ThrowsAsync<DomainException>(async () => await bed.Service.JoinAsync(await bed.BuyerAsync(), groupId, GroupBuyTestBed.Key(), default));
        Assert.Equal(GroupBuyErrors.GroupFull, full.Code);

        var (second, _, _) = await bed.OpenGroupAsync(campaign);
        bed.Clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await Assert.ThrowsAsync<DomainException>(async () => await bed.Service.JoinAsync(await bed.BuyerAsync(), second, GroupBuyTestBed.Key(), default));
        Assert.Equal(GroupBuyErrors.GroupClosed, expired.Code);
        await bed.Expirer.SweepAsync(default);
        var failed = await Assert.ThrowsAsync<DomainException>(async () => await bed.Service.JoinAsync(await bed.BuyerAsync(), second, GroupBuyTestBed.Key(), default));
        Assert.Equal(GroupBuyErrors.GroupClosed, failed.Code);
    }

    [Fact]
    public async Task Join_PerUserLimit_CountsSeatsAcrossGroups()
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var campaign = await bed.CampaignAsync(size: 3, perUser: 1);
        var (first, _, _) = await bed.OpenGroupAsync(campaign);
        var (second, _, _) = await bed.OpenGroupAsync(campaign);
        var b = await bed.BuyerAsync();
        await bed.Service.JoinAsync(b, first, GroupBuyTestBed.Key(), default);

        var limit = await Assert.ThrowsAsync<DomainException>(() => bed.Service.JoinAsync(b, second, GroupBuyTestBed.Key(), default));
        Assert.Equal(GroupBuyErrors.LimitReached, limit.Code);
        Assert.Equal(1, (await bed.GroupAsync(second)).Taken);
    }

    [Fact]
    public async Task UnpaidSeat_TimesOut_SeatStockAndCampaignUnitComeBack_AnotherCanJoin()
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var campaign = await bed.CampaignAsync(size: 2);
        var (groupId, _, _) = await bed.OpenGroupAsync(campaign);
        var b = await bed.BuyerAsync();
        var held = await bed.Service.JoinAsync(b, groupId, GroupBuyTestBed.Key(), default);
        Assert.Equal((98, 98, 28), await bed.StockAsync(campaign));

        bed.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await bed.Sweeper.SweepAsync(default));

        Assert.Equal(OrderStatus.Cancelled, (await bed.OrderAsync(held.OrderId)).Status);
        Assert.Equal(1, (await bed.GroupAsync(groupId)).Taken);
        Assert.Equal((99, 99, 29), await bed.StockAsync(campaign));
        var c = await bed.BuyerAsync();
        await bed.PayAsync(c, await bed.Service.JoinAsync(c, groupId, GroupBuyTestBed.Key(), default));
        Assert.Equal(GroupBuyStatus.Succeeded, (await bed.GroupAsync(groupId)).Status);
    }

    [Fact]
    public async Task LeaderUnpaid_Cancelled_GroupAbandoned()
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var campaign = await bed.CampaignAsync();
        var leader = await bed.BuyerAsync();
        var order = await bed.Service.StartAsync(leader, campaign, GroupBuyTestBed.Key(), default);
        var session = await bed.StartPaymentAsync(leader, order);
        bed.Clock.Advance(TimeSpan.FromMinutes(16));
        await bed.Sweeper.SweepAsync(default);

        Assert.Equal(GroupBuyStatus.Abandoned, (await bed.GroupAsync(order.GroupId)).Status);
        Assert.Equal((100, 100, 30), await bed.StockAsync(campaign));
        // A payment that lands now is refunded by the payment callback (the order is no longer waiting for money).
        Assert.Equal(CallbackOutcome.Stale, await bed.SucceedAsync(session));
        Assert.Equal(GroupBuyStatus.Abandoned, (await bed.GroupAsync(order.GroupId)).Status);
    }

    [Fact]
    public async Task LeaderRefundedBeforeSuccess_EarliestPaidMemberLeads_DeadlineStays()
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var campaign = await bed.CampaignAsync(size: 4);
        var (groupId, leader, leaderOrder) = await bed.OpenGroupAsync(campaign);
        var deadline = (await bed.GroupAsync(groupId)).Deadline;
        var b = await bed.BuyerAsync();
        var c = await bed.BuyerAsync();
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        await bed.PayAsync(b, await bed.Service.JoinAsync(b, groupId, GroupBuyTestBed.Key(), default));
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        await bed.PayAsync(c, await bed.Service.JoinAsync(c, groupId, GroupBuyTestBed.Key(), default));

        // A full refund ends the order: Paid → Cancelled through the one transition.
        await using (var db = await bed.Factory.CreateDbContextAsync())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            Assert.True(await OrderTransitions.TryMoveAsync(db, leaderOrder.OrderId, OrderStatus.Paid, OrderStatus.Cancelled, OrderActor.System, null, "refunded", bed.Clock.GetUtcNow(), default));
            await tx.CommitAsync();
        }

        var group = await bed.GroupAsync(groupId);
        Assert.Equal(b, group.LeaderId);
        Assert.Equal(deadline, group.Deadline);
        Assert.Equal((2, 2, GroupBuyStatus.Open), (group.Taken, group.PaidCount, group.Status));
        var page = (await bed.Queries.GroupAsync(groupId, null, default))!;
        Assert.DoesNotContain(page.Members, m => m.UserId == leader);
        Assert.True(page.Members.Single(m => m.UserId == b).IsLeader);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100)]
    [InlineData(120)]
    [InlineData(1.005)]
    public async Task CreateCampaign_BadPrice_RefusedAndNothingWritten(decimal price)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var ex = await Assert.ThrowsAsync<DomainException>(() => bed.CampaignAsync(price: price));
        Assert.Equal(price >= GroupBuyTestBed.SinglePrice ? GroupBuyErrors.PriceNotBelowSingle : GroupBuyErrors.PriceInvalid, ex.Code);
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.GroupBuyCampaigns.CountAsync());
    }

    [Fact]
    public async Task CreateCampaign_StockAboveProduct_SizeOutOfRange_WindowBackwards_Refused()
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite, productStock: 10);
        Assert.Equal(GroupBuyErrors.StockAboveProduct, (await Assert.ThrowsAsync<DomainException>(() => bed.CampaignAsync(stock: 11))).Code);
        Assert.Equal(GroupBuyErrors.SizeInvalid, (await Assert.ThrowsAsync<DomainException>(() => bed.CampaignAsync(size: 1, stock: 5))).Code);
        Assert.Equal(GroupBuyErrors.SizeInvalid, (await Assert.ThrowsAsync<DomainException>(() => bed.CampaignAsync(size: 11, stock: 5))).Code);
        Assert.Equal(GroupBuyErrors.StockInvalid, (await Assert.ThrowsAsync<DomainException>(() => bed.CampaignAsync(stock: 0))).Code);
        var backwards = bed.Input(stock: 5) with { EndsAt = GroupBuyTestBed.Start.AddHours(-2) };
        Assert.Equal(GroupBuyErrors.WindowInvalid, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.CreateCampaignAsync(bed.Admin, backwards, default))).Code);
        var shopper = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        Assert.Equal(GroupBuyErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() => bed.Service.CreateCampaignAsync(shopper, bed.Input(stock: 5), default))).Code);
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(0, await db.GroupBuyCampaigns.CountAsync());
        Assert.NotEqual(0, await bed.CampaignAsync(stock: 10));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PausedCampaign_CannotStart_Figures_AreRealCounts(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(size: 2, minutes: 60);
        var (won, _, _) = await bed.OpenGroupAsync(campaign);
        var b = await bed.BuyerAsync();
        await bed.PayAsync(b, await bed.Service.JoinAsync(b, won, GroupBuyTestBed.Key(), default));
        await bed.OpenGroupAsync(campaign);
        bed.Clock.Advance(TimeSpan.FromMinutes(61));
        await bed.Expirer.SweepAsync(default);
        await bed.DispatchAllAsync();
        await bed.OpenGroupAsync(campaign);

        var figures = (await bed.Queries.CampaignsAsync(default)).Single();
        Assert.Equal((1, 1, 1), (figures.Open, figures.Succeeded, figures.Failed));
        Assert.Equal(0.5m, figures.FillRate);
        Assert.Equal(1, figures.RefundsIssued);
        Assert.Equal(79m + 10m, figures.RefundedTotal); // the group price plus shipping under ¥99

        await bed.Service.SetPausedAsync(bed.Admin, campaign, true, default);
        var paused = await Assert.ThrowsAsync<DomainException>(() => bed.Service.StartAsync(b, campaign, GroupBuyTestBed.Key(), default));
        Assert.Equal(GroupBuyErrors.NotRunning, paused.Code);
        Assert.Null(await bed.Queries.PanelAsync(bed.Product.Id, null, default));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Panel_ListsOpenGroups_FollowedLeadersFirst_ThenNearestToFull(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(size: 4, perUser: 3);
        var (far, _, _) = await bed.OpenGroupAsync(campaign);
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var (near, _, _) = await bed.OpenGroupAsync(campaign);
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var (followed, friend, _) = await bed.OpenGroupAsync(campaign);
        var (full, _, _) = await bed.OpenGroupAsync(campaign);
        for (var i = 0; i < 2; i++)
        {
            var joiner = await bed.BuyerAsync();
            await bed.PayAsync(joiner, await bed.Service.JoinAsync(joiner, near, GroupBuyTestBed.Key(), default));
        }
        for (var i = 0; i < 3; i++)
        {
            var joiner = await bed.BuyerAsync();
            await bed.Service.JoinAsync(joiner, full, GroupBuyTestBed.Key(), default); // held seats fill it too
        }
        var viewer = await bed.BuyerAsync();
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            db.Follows.Add(new SocialStore.Domain.Social.Follow { FollowerId = viewer, FolloweeId = friend, CreatedAt = GroupBuyTestBed.Start });
            await db.SaveChangesAsync();
        }

        var panel = (await bed.Queries.PanelAsync(bed.Product.Id, viewer, default))!;
        Assert.Equal([followed, near, far], panel.Groups.Select(g => g.Id));
        Assert.Equal([3, 1, 3], panel.Groups.Select(g => g.SeatsLeft));
        Assert.True(panel.Groups[0].LeaderFollowed);
        Assert.Equal((79m, GroupBuyTestBed.SinglePrice), (panel.GroupPrice, panel.SinglePrice));
        var anonymous = (await bed.Queries.PanelAsync(bed.Product.Id, null, default))!;
        Assert.Equal([near, far, followed], anonymous.Groups.Select(g => g.Id));
    }

    [Fact]
    public async Task Ship_BeforeTheGroupSucceeded_Refused_AfterwardsAllowed()
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var campaign = await bed.CampaignAsync(size: 2);
        var (groupId, _, leaderOrder) = await bed.OpenGroupAsync(campaign);
        var orders = new OrderService(bed.Factory, bed.Clock);

        var early = await Assert.ThrowsAsync<DomainException>(() => orders.ShipAsync(bed.Admin, leaderOrder.OrderId, "顺丰速运", "SF1234567890", default));
        Assert.Equal(GroupBuyErrors.NotYetSucceeded, early.Code);
        Assert.Equal(OrderStatus.Paid, (await bed.OrderAsync(leaderOrder.OrderId)).Status);

        var b = await bed.BuyerAsync();
        await bed.PayAsync(b, await bed.Service.JoinAsync(b, groupId, GroupBuyTestBed.Key(), default));
        await orders.ShipAsync(bed.Admin, leaderOrder.OrderId, "顺丰速运", "SF1234567890", default);
        Assert.Equal(OrderStatus.Shipped, (await bed.OrderAsync(leaderOrder.OrderId)).Status);
    }
}
