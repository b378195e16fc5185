using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.GroupBuys;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.GroupBuys;

/// <summary>Seats and refunds under contention, on SQLite and on the real PostgreSQL server.</summary>
public sealed class GroupBuyContentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FiftyConcurrentJoins_ForTheLastTwoSeats_ExactlyTwoMembers_OthersNeverCharged(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(size: 4, stock: 60);
        var (groupId, _, _) = await bed.OpenGroupAsync(campaign);
        var early = await bed.BuyerAsync();
        await bed.PayAsync(early, await bed.Service.JoinAsync(early, groupId, GroupBuyTestBed.Key(), default));
        var buyers = new List<string>();
        for (var i = 0; i < 50; i++) buyers.Add(await bed.BuyerAsync());

        using var go = new SemaphoreSlim(0);
        var attempts = buyers.Select(async buyer =>
        {
            await go.WaitAsync();
            try { return (buyer, order: (GroupBuyOrder?)await bed.Service.JoinAsync(buyer, groupId, GroupBuyTestBed.Key(), default), code: (string?)null); }
            catch (DomainException ex) { return (buyer, order: null, code: ex.Code); }
        }).ToList();
        go.Release(buyers.Count);
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r.order is not null).ToList();
        Assert.Equal(2, winners.Count);
        Assert.All(results.Where(r => r.order is null), r => Assert.Equal(GroupBuyErrors.GroupFull, r.code));
        foreach (var w in winners) Assert.Equal(CallbackOutcome.Applied, await bed.PayAsync(w.buyer, w.order!));

        var group = await bed.GroupAsync(groupId);
        Assert.Equal((GroupBuyStatus.Succeeded, 4, 4), (group.Status, group.Taken, group.PaidCount));
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(4, await db.GroupBuyMembers.CountAsync(m => m.GroupId == groupId && m.Status == GroupBuyMemberStatus.Paid));
        var losers = results.Where(r => r.order is null).Select(r => r.buyer).ToList();
        Assert.Equal(0, await db.Orders.CountAsync(o => losers.Contains(o.BuyerId))); // never an order, so never charged
        Assert.Equal((96, 96, 56), await bed.StockAsync(campaign));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OneUser_JoiningTheSameGroupTenTimesAtOnce_GetsOneSeat(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(size: 10, perUser: 20);
        var (groupId, _, _) = await bed.OpenGroupAsync(campaign);
        var b = await bed.BuyerAsync();

        using var go = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 10).Select(async _ =>
        {
            await go.WaitAsync();
            try { await bed.Service.JoinAsync(b, groupId, GroupBuyTestBed.Key(), default); return "ok"; }
            catch (DomainException ex) { return ex.Code; }
        }).ToList();
        go.Release(10);
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r == "ok"));
        Assert.All(results.Where(r => r != "ok"), r => Assert.Equal(GroupBuyErrors.AlreadyMember, r));
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.GroupBuyMembers.CountAsync(m => m.GroupId == groupId && m.UserId == b));
        Assert.Equal(1, await db.Orders.CountAsync(o => o.BuyerId == b));
        Assert.Equal(2, (await bed.GroupAsync(groupId)).Taken);
        Assert.Equal((98, 98, 28), await bed.StockAsync(campaign));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Expiry_FakeClock_EveryPaidMemberRefundedExactlyOnce_StockReturned_WorkerRunTwice(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(size: 4, minutes: 60);
        var (groupId, leader, leaderOrder) = await bed.OpenGroupAsync(campaign);
        var b = await bed.BuyerAsync();
        var bOrder = await bed.Service.JoinAsync(b, groupId, GroupBuyTestBed.Key(), default);
        await bed.PayAsync(b, bOrder);
        var c = await bed.BuyerAsync();
        bed.Clock.Advance(TimeSpan.FromMinutes(50));
        var unpaid = await bed.Service.JoinAsync(c, groupId, GroupBuyTestBed.Key(), default);
        Assert.Equal((97, 97, 27), await bed.StockAsync(campaign));

        bed.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await bed.Expirer.SweepAsync(default));
        Assert.Equal(0, await bed.Expirer.SweepAsync(default)); // the second run finds nothing to fail
        await bed.DispatchAllAsync();
        Assert.Equal(0, await bed.Expirer.SweepAsync(default));
        await bed.DispatchAllAsync();

        Assert.Equal(2, bed.Gateway.Calls);
        Assert.Equal(1, bed.Gateway.ByKey[GroupBuyRefundHandler.IdempotencyKey(leaderOrder.OrderId)]);
        Assert.Equal(1, bed.Gateway.ByKey[GroupBuyRefundHandler.IdempotencyKey(bOrder.OrderId)]);
        foreach (var paid in new[] { leaderOrder, bOrder })
        {
            var order = await bed.OrderAsync(paid.OrderId);
            Assert.Equal(OrderStatus.Cancelled, order.Status);
            Assert.Equal(order.Total, order.RefundedAmount);
        }
        Assert.Equal(OrderStatus.Cancelled, (await bed.OrderAsync(unpaid.OrderId)).Status);
        Assert.Equal(GroupBuyStatus.Refunded, (await bed.GroupAsync(groupId)).Status);
        Assert.Equal((100, 100, 30), await bed.StockAsync(campaign));

        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.GroupBuyMembers.CountAsync(m => m.GroupId == groupId && m.Status == GroupBuyMemberStatus.Refunded));
        Assert.Equal(0, await db.GroupBuyMembers.CountAsync(m => m.GroupId == groupId && m.Status != GroupBuyMemberStatus.Refunded));
        Assert.Equal(1, await db.OrderEvents.CountAsync(e => e.OrderId == bOrder.OrderId && e.Note == GroupBuyRefundHandler.RefundedNote));
        // Each member is told: one notification per order status change, leader and joiner alike.
        foreach (var member in new[] { leader, b })
            Assert.True(await db.Notifications.CountAsync(n => n.RecipientId == member) >= 1);
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null));
        Assert.Empty((await bed.Queries.GroupAsync(groupId, null, default))!.Members);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LastSeatPaidAtTheDeadline_RacingExpiry_NeverCompletes_EveryPaymentRefundedOnce(DatabaseProvider provider)
    {
        await using var bed = await GroupBuyTestBed.CreateAsync(provider);
        var campaign = await bed.CampaignAsync(size: 2, minutes: 10, stock: 60);
        var groups = new List<(long Group, string Session)>();
        for (var i = 0; i < 6; i++)
        {
            var (groupId, _, _) = await bed.OpenGroupAsync(campaign);
            var b = await bed.BuyerAsync();
            groups.Add((groupId, await bed.StartPaymentAsync(b, await bed.Service.JoinAsync(b, groupId, GroupBuyTestBed.Key(), default))));
        }
        // The deadline (10 min) comes before the joiners' pay-by time (15 min): their money lands as the group expires.
        bed.Clock.Advance(TimeSpan.FromMinutes(10));

        var pays = groups.Select(g => (Task)bed.SucceedAsync(g.Session)).ToList();
        pays.Add(bed.Expirer.SweepAsync(default));
        await Task.WhenAll(pays);
        await bed.Expirer.SweepAsync(default);
        await bed.DispatchAllAsync();

        await using var db = await bed.Factory.CreateDbContextAsync();
        foreach (var (groupId, _) in groups)
        {
            Assert.Equal(GroupBuyStatus.Refunded, (await bed.GroupAsync(groupId)).Status);
            Assert.All(await db.Orders.Where(o => db.GroupBuyMembers.Any(m => m.GroupId == groupId && m.OrderId == o.Id) || o.CheckoutKey == "").ToListAsync(),
                o => Assert.Equal(OrderStatus.Cancelled, o.Status));
        }
        // 6 leaders and 6 joiners paid; each payment went back once — by the group's refund, or by the callback's
        // automatic refund when the joiner's money landed after the expiry had cancelled the unpaid order.
        Assert.Equal(12, bed.Gateway.Calls);
        Assert.All(bed.Gateway.ByKey.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, await db.GroupBuyMembers.CountAsync(m => m.Status == GroupBuyMemberStatus.Paid));
    }
}
