using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Points;
using SocialStore.Domain.Referrals.Invites;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Referrals;

/// <summary>Referral invites (ADR-046): binding once, no self-referral, no cycles, the reward after the window and its reversal.</summary>
public class InviteTests
{
    private static InviteService Service(ReferralTestBed r) =>
        new(r.Factory, r.Bed.Clock, Options.Create(new InviteOptions { InviterPoints = 200, InviteePoints = 100 }));

    [Fact]
    public void CycleDetection_FindsLoopsOfAnyLength_AndStopsOnALoopAlreadyInTheData()
    {
        // B was invited by A, C by B, D by C.
        var parents = new Dictionary<string, string> { ["B"] = "A", ["C"] = "B", ["D"] = "C" };
        Assert.True(InviteService.WouldCycle("A", "A", parents)); // oneself
        Assert.True(InviteService.WouldCycle("A", "B", parents)); // A→B→A
        Assert.True(InviteService.WouldCycle("A", "C", parents)); // A→B→C→A
        Assert.True(InviteService.WouldCycle("A", "D", parents)); // length 4
        Assert.True(InviteService.WouldCycle("B", "D", parents));
        Assert.False(InviteService.WouldCycle("D", "A", parents)); // moving D up the chain is fine
        Assert.False(InviteService.WouldCycle("C", "E", parents)); // a stranger
        // A loop already present (X→Y→X) ends the walk instead of spinning.
        var broken = new Dictionary<string, string> { ["X"] = "Y", ["Y"] = "X" };
        Assert.False(InviteService.WouldCycle("Z", "X", broken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SelfReferral_AndUnknownCode_BindNothing(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var invites = Service(r);
        var code = await invites.CodeForAsync(r.Creator.Id, default);
        Assert.Equal(code, await invites.CodeForAsync(r.Creator.Id, default)); // stable
        Assert.Equal(InviteCode.Length, code.Length);

        Assert.Equal(BindResult.SelfReferral, await invites.BindAtSignUpAsync(r.Creator.Id, code, default));
        Assert.Equal(BindResult.UnknownCode, await invites.BindAtSignUpAsync(r.Buyer.Id, "NOPE2345", default));
        Assert.Null(await invites.LandingAsync("NOPE2345", default));
        Assert.Null(await invites.LandingAsync("", default));
        Assert.Equal(0, await r.Bed.QueryAsync(db => db.InviteBindings.CountAsync()));

        // The code is case-insensitive; a second touch never moves the first.
        Assert.Equal(BindResult.Bound, await invites.BindAtSignUpAsync(r.Buyer.Id, code.ToLowerInvariant(), default));
        var other = await invites.CodeForAsync((await r.Bed.UserAsync("other")).Id, default);
        Assert.Equal(BindResult.AlreadyBound, await invites.BindAtSignUpAsync(r.Buyer.Id, other, default));
        Assert.Equal(r.Creator.Id, (await r.Bed.QueryAsync(db => db.InviteBindings.SingleAsync())).InviterId);
        var landing = await invites.LandingAsync(code, default);
        Assert.Equal((r.Creator.Id, 200, 100), (landing!.InviterId, landing.InviterPoints, landing.InviteePoints));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BindingOnce_TenParallelSignUpsWithTenCodes_OneRowOneWinner(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var invites = Service(r);
        var codes = new List<(string UserId, string Code)>();
        for (var i = 0; i < 10; i++)
        {
            var inviter = await r.Bed.UserAsync("inviter" + i);
            codes.Add((inviter.Id, await invites.CodeForAsync(inviter.Id, default)));
        }
        var results = await Task.WhenAll(codes.Select(c => Task.Run(() => invites.BindAtSignUpAsync(r.Buyer.Id, c.Code, default))));
        Assert.Equal(1, results.Count(x => x == BindResult.Bound));
        Assert.Equal(9, results.Count(x => x == BindResult.AlreadyBound));
        var row = Assert.Single(await r.Bed.QueryAsync(db => db.InviteBindings.AsNoTracking().ToListAsync()));
        Assert.Equal(codes[Array.IndexOf(results, BindResult.Bound)].UserId, row.InviterId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AdminRebinding_RefusesCyclesOfAnyLength_AndAuditsWhatItChanges(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var invites = Service(r);
        var a = await r.Bed.UserAsync("alice");
        var b = await r.Bed.UserAsync("bob");
        var c = await r.Bed.UserAsync("carol");
        Assert.Equal(BindResult.Bound, await invites.BindAtSignUpAsync(b.Id, await invites.CodeForAsync(a.Id, default), default));
        Assert.Equal(BindResult.Bound, await invites.BindAtSignUpAsync(c.Id, await invites.CodeForAsync(b.Id, default), default));

        async Task<string> Refused(string invitee, string inviter) =>
            (await Assert.ThrowsAsync<DomainException>(() => invites.RebindAsync(r.AdminPrincipal, invitee, inviter, default))).Code;
        Assert.Equal(InviteErrors.Cycle, await Refused("alice", "carol")); // A→B→C→A
        Assert.Equal(InviteErrors.Cycle, await Refused("alice", "bob")); // A→B→A
        Assert.Equal(InviteErrors.SelfReferral, await Refused("alice", "@alice"));
        Assert.Equal(InviteErrors.UserNotFound, await Refused("alice", "nobody"));
        Assert.Equal(InviteErrors.AlreadyBound, await Refused("carol", "bob"));
        var notAdmin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, a.Id), new Claim(ClaimTypes.Role, Roles.Moderator)], "test"));
        Assert.Equal(InviteErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() => invites.RebindAsync(notAdmin, "carol", "alice", default))).Code);
        Assert.Equal(0, await r.Bed.QueryAsync(db => db.AuditLog.CountAsync(x => x.Action == "invite.rebind")));

        // Carol moves from Bob to Alice: allowed, audited with before and after.
        await invites.RebindAsync(r.AdminPrincipal, "@carol", "alice", default);
        var audit = Assert.Single(await r.Bed.QueryAsync(db => db.AuditLog.AsNoTracking().Where(x => x.Action == "invite.rebind").ToListAsync()));
        Assert.Equal((c.Id, b.Id, a.Id), (audit.TargetId, audit.Before, audit.After));
        var tree = await invites.TreeAsync(r.AdminPrincipal, "alice", default);
        Assert.Equal(["bob", "carol"], tree.Invitees.Select(x => x.Handle).Order());
        Assert.Null(tree.InviterHandle);
        Assert.Equal("alice", (await invites.TreeAsync(r.AdminPrincipal, "carol", default)).InviterHandle);
        // Now Alice under Bob would be A→B→A: still refused.
        Assert.Equal(InviteErrors.Cycle, await Refused("alice", "bob"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reward_BothSidesOnceAfterTheWindow_ReversedOnRefund_CountedInProgressAndKFactor(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var invites = Service(r);
        var inviter = await r.Bed.UserAsync("inviter");
        var code = await invites.CodeForAsync(inviter.Id, default);
        Assert.True(await invites.RecordVisitAsync(inviter.Id, InviteService.VisitorKey(null, "203.0.113.5", "phone"), default));
        Assert.False(await invites.RecordVisitAsync(inviter.Id, InviteService.VisitorKey(null, "203.0.113.5", "phone"), default));
        Assert.False(await invites.RecordVisitAsync(inviter.Id, InviteService.VisitorKey(inviter.Id, null, null), default)); // not oneself
        Assert.Equal(BindResult.Bound, await invites.BindAtSignUpAsync(r.Buyer.Id, code, default));

        var order = await r.BuyAsync(r.Buyer.Id);
        await OrderTestData.PayAsync(r.Factory, order, r.Bed.Clock.GetUtcNow());
        await OrderTestData.ShipAsync(r.Factory, order, r.Bed.Clock.GetUtcNow());
        await OrderTestData.DeliverAsync(r.Factory, order, r.Bed.Clock.GetUtcNow());
        var deliveredAt = r.Bed.Clock.GetUtcNow();
        Assert.Equal(0, await r.Bed.QueryAsync(db => db.InviteRewards.CountAsync())); // paid and delivered: not yet

        r.Bed.Clock.Advance(TimeSpan.FromDays(2));
        await r.Bed.MoveAsync(order.Id, OrderStatus.Delivered, OrderStatus.Completed, OrderActor.Buyer);
        var scheduled = await r.Bed.QueryAsync(db => db.InviteRewards.AsNoTracking().SingleAsync());
        Assert.Equal((InviteRewardState.Scheduled, deliveredAt.AddDays(7), inviter.Id, order.Id), (scheduled.State, scheduled.DueAt, scheduled.InviterId, scheduled.OrderId));

        r.Bed.Clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await invites.ReleaseDueAsync(default));
        Assert.Equal(0, await ReferralPointsAsync(r, inviter.Id));
        r.Bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var releases = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => invites.ReleaseDueAsync(default))));
        Assert.Equal(1, releases.Sum());
        Assert.Equal(0, await invites.ReleaseDueAsync(default));
        Assert.Equal((200, 100), (await ReferralPointsAsync(r, inviter.Id), await ReferralPointsAsync(r, r.Buyer.Id)));

        var progress = await invites.ProgressAsync(inviter.Id, default);
        Assert.Equal((code, 1, 1, 1, 1, 200), (progress.Code, progress.Invited, progress.SignedUp, progress.FirstOrder, progress.Rewarded, progress.PointsEarned));
        Assert.Equal(InviteRewardState.Credited, Assert.Single(progress.Invitees).Reward);
        var week = (await invites.KFactorAsync(r.AdminPrincipal, 4, default)).Single(w => w.Invites > 0);
        Assert.Equal((1, 1, 1, 1.00m), (week.Inviters, week.Invites, week.Converted, week.K));

        // A refund of that order (an after-sales case settled late) takes both credits back, once.
        await using (var db = await r.Factory.CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await OrderHooks.OnLineRefundedAsync(db, 9101, order.Id, order.Lines.Single().Id, 50m, r.Bed.Clock.GetUtcNow(), default);
            await OrderHooks.OnLineRefundedAsync(db, 9102, order.Id, order.Lines.Single().Id, 50m, r.Bed.Clock.GetUtcNow(), default);
            await tx.CommitAsync();
        }
        Assert.Equal((0, 0), (await ReferralPointsAsync(r, inviter.Id), await ReferralPointsAsync(r, r.Buyer.Id)));
        Assert.Equal(InviteRewardState.Reversed, (await r.Bed.QueryAsync(db => db.InviteRewards.AsNoTracking().SingleAsync())).State);
        Assert.Equal(0, (await invites.ProgressAsync(inviter.Id, default)).Rewarded);
        // A second order completing never rewards again: one reward per invitee.
        await CompleteAsync(r, await r.BuyAsync(r.Buyer.Id));
        r.Bed.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await invites.ReleaseDueAsync(default));
        Assert.Equal(1, await r.Bed.QueryAsync(db => db.InviteRewards.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RefundBeforeTheWindowEnds_CancelsTheReward_NothingIsCredited(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var invites = Service(r);
        await invites.BindAtSignUpAsync(r.Buyer.Id, await invites.CodeForAsync(r.Creator.Id, default), default);
        var order = await r.BuyAsync(r.Buyer.Id);
        await CompleteAsync(r, order);
        await using (var db = await r.Factory.CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await OrderHooks.OnLineRefundedAsync(db, 9201, order.Id, order.Lines.Single().Id, 10m, r.Bed.Clock.GetUtcNow(), default);
            await tx.CommitAsync();
        }
        r.Bed.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(0, await invites.ReleaseDueAsync(default));
        Assert.Equal(InviteRewardState.Cancelled, (await r.Bed.QueryAsync(db => db.InviteRewards.AsNoTracking().SingleAsync())).State);
        Assert.Equal((0, 0), (await ReferralPointsAsync(r, r.Creator.Id), await ReferralPointsAsync(r, r.Buyer.Id)));
    }

    private static async Task CompleteAsync(ReferralTestBed r, Order order)
    {
        var now = r.Bed.Clock.GetUtcNow();
        await OrderTestData.PayAsync(r.Factory, order, now);
        await OrderTestData.ShipAsync(r.Factory, order, now);
        await OrderTestData.DeliverAsync(r.Factory, order, now);
        await r.Bed.MoveAsync(order.Id, OrderStatus.Delivered, OrderStatus.Completed, OrderActor.Buyer);
    }

    private static async Task<int> ReferralPointsAsync(ReferralTestBed r, string userId) =>
        await r.Bed.QueryAsync(db => db.PointsEntries.Where(e => e.UserId == userId && e.Kind == PointsKind.Referral).SumAsync(e => (int?)e.Amount)) ?? 0;
}
