using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Points;
using SocialStore.Domain.Referrals;
using SocialStore.Domain.Referrals.Invites;
using SocialStore.Domain.Rewards;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Domain.Coupons;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Domain.Referrals;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Rewards;

/// <summary>Sharer red packets and invite coupons (ADR-054): once per new person and trigger, never for oneself or an older account, reversed on a full refund.</summary>
public class SharerRewardTests
{
    private static RewardService Service(ReferralTestBed r) => new(r.Factory, r.Bed.Clock);

    private static Task<long> CampaignAsync(ReferralTestBed r, string name = "分享红包", int total = 100) =>
        r.Bed.TemplateAsync(new CouponTemplateInput(name, CouponKind.NoThreshold, 0m, 5m, 0, 0m, CouponScope.AllProducts, null, [],
            CouponTestBed.Start.AddHours(-1), CouponTestBed.Start.AddDays(60), 30, total, 1, GrantOnly: true));

    /// <summary>A person whose account was created at the test clock's now (plus <paramref name="offset"/>).</summary>
    private static async Task<ApplicationUser> PersonAsync(ReferralTestBed r, string handle, TimeSpan offset = default)
    {
        var user = await r.Bed.UserAsync(handle);
        var at = r.Bed.Clock.GetUtcNow() + offset;
        await using var db = await r.Factory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, at));
        user.CreatedAt = at;
        return user;
    }

    /// <summary>An anonymous browser follows the sharer's link to the note; returns its cookie token.</summary>
    private static async Task<string> VisitAsync(ReferralTestBed r, ShareTarget link)
    {
        var token = AttributionService.NewBrowserToken();
        var touch = await r.Attribution.RecordAsync(new TouchInput(null, token, "198.51.100." + Random.Shared.Next(1, 250), 0, 0, link.Code), default);
        Assert.True(touch.Recorded);
        return token;
    }

    private static async Task<(ApplicationUser Sharer, ShareTarget Link)> SharerAsync(ReferralTestBed r)
    {
        var sharer = await PersonAsync(r, "sharer", TimeSpan.FromDays(-30));
        var link = await TestServices.Get<ShareService>(r.Bed.Db, r.Bed.Clock).GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, r.NoteId.ToString(CultureInfo.InvariantCulture), default);
        return (sharer, link);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignUp_ThroughAShareLink_GivesTheSharerOneCoupon_NeverForAnOlderAccountOrOneself(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var rewards = Service(r);
        var campaign = await CampaignAsync(r);
        await rewards.SaveAsync(r.AdminPrincipal, new RewardSettingsInput(RewardKind.Coupon, campaign, 0, RewardKind.None, null, 0, null, null), default);
        var (sharer, link) = await SharerAsync(r);

        // B opens the link, then signs up a minute later: the carry-over gives the sharer the red packet.
        var token = await VisitAsync(r, link);
        r.Bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var newbie = await PersonAsync(r, "newbie");
        Assert.True(await r.Attribution.CarryOverAsync(newbie.Id, token, default) > 0);
        Assert.Equal(0, await r.Attribution.CarryOverAsync(newbie.Id, token, default)); // a second request: nothing to carry, nothing granted

        var coupon = Assert.Single(await r.Bed.QueryAsync(db => db.Coupons.AsNoTracking().Where(c => c.UserId == sharer.Id).ToListAsync()));
        Assert.Equal((campaign, CouponSource.ShareReward, CouponState.Available), (coupon.TemplateId, coupon.Source, coupon.State));
        var grant = Assert.Single(await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().ToListAsync()));
        Assert.Equal((RewardTrigger.ShareSignUp, sharer.Id, newbie.Id, coupon.Id, link.Code), (grant.Trigger, grant.BeneficiaryId, grant.NewUserId, grant.CouponId, await r.Bed.QueryAsync(db => db.ShareLinks.Where(l => l.Id == grant.ShareLinkId).Select(l => l.Code).SingleAsync())));
        var origin = (await rewards.CouponOriginsAsync(sharer.Id, [coupon.Id], default))[coupon.Id];
        Assert.Equal((RewardTrigger.ShareSignUp, "newbie"), (origin.Trigger, origin.OtherName));
        var mine = await r.Bed.Coupons.MineAsync(sharer.Id, true, default);
        Assert.Equal(coupon.Id, Assert.Single(mine.Usable).Id);

        // An account that existed before its visit brings nothing (signing in with the cookie is not a sign-up).
        var old = await PersonAsync(r, "old", TimeSpan.FromDays(-3));
        var oldToken = await VisitAsync(r, link);
        Assert.True(await r.Attribution.CarryOverAsync(old.Id, oldToken, default) > 0);
        // The sharer's own browser: the touches are not carried to the sharer, nothing is granted.
        var ownToken = await VisitAsync(r, link);
        Assert.Equal(0, await r.Attribution.CarryOverAsync(sharer.Id, ownToken, default));
        Assert.Single(await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().ToListAsync()));
        Assert.Equal(1, (await r.Bed.QueryAsync(db => db.CouponTemplates.AsNoTracking().SingleAsync(t => t.Id == campaign))).Issued);

        var (figures, latest) = await rewards.GrantsAsync(r.AdminPrincipal, default);
        Assert.Equal(1, figures.Single(f => f.Trigger == RewardTrigger.ShareSignUp).Coupons);
        Assert.Equal(("sharer", "newbie"), (Assert.Single(latest).BeneficiaryName, latest[0].NewUserName));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SameTrigger_FiredTwentyTimesInParallel_GrantsOnce(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var rewards = Service(r);
        var campaign = await CampaignAsync(r);
        await rewards.SaveAsync(r.AdminPrincipal, new RewardSettingsInput(RewardKind.Coupon, campaign, 0, RewardKind.None, null, 0, null, null), default);
        var (sharer, link) = await SharerAsync(r);
        var token = await VisitAsync(r, link);
        r.Bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var newbie = await PersonAsync(r, "newbie");
        await using (var db = await r.Factory.CreateDbContextAsync())
            await db.AttributionTouches.Where(t => t.BrowserToken == token).ExecuteUpdateAsync(s => s.SetProperty(t => t.UserId, newbie.Id));

        var now = r.Bed.Clock.GetUtcNow();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => RewardGrants.OnSignUpCarriedOverAsync(r.Factory, newbie.Id, now, default))));

        Assert.Equal(1, results.Count(x => x));
        Assert.Single(await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().ToListAsync()));
        Assert.Single(await r.Bed.QueryAsync(db => db.Coupons.AsNoTracking().Where(c => c.UserId == sharer.Id).ToListAsync()));
        Assert.Equal(1, (await r.Bed.QueryAsync(db => db.CouponTemplates.AsNoTracking().SingleAsync(t => t.Id == campaign))).Issued);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstPaidOrder_GivesTheSharerPointsOnce_TakenBackWhenThatOrderIsFullyRefunded(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var rewards = Service(r);
        await rewards.SaveAsync(r.AdminPrincipal, new RewardSettingsInput(RewardKind.None, null, 0, RewardKind.Points, null, 300, null, null), default);
        var (sharer, link) = await SharerAsync(r);
        var token = await VisitAsync(r, link);
        r.Bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var newbie = await PersonAsync(r, "newbie");
        await r.Attribution.CarryOverAsync(newbie.Id, token, default);
        Assert.Empty(await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().ToListAsync())); // sign-up pays nothing in these settings

        var first = await r.BuyAsync(newbie.Id);
        Assert.Equal(0, await BalanceAsync(r, sharer.Id)); // placed, not paid
        await r.Bed.MoveAsync(first.Id, OrderStatus.PendingPayment, OrderStatus.Paid, OrderActor.Gateway);
        Assert.Equal(300, await BalanceAsync(r, sharer.Id));
        var second = await r.BuyAsync(newbie.Id);
        await r.Bed.MoveAsync(second.Id, OrderStatus.PendingPayment, OrderStatus.Paid, OrderActor.Gateway);
        Assert.Equal(300, await BalanceAsync(r, sharer.Id)); // only the first paid order
        var origins = await rewards.PointsOriginsAsync(sharer.Id, await r.Bed.QueryAsync(db => db.PointsEntries.Where(e => e.UserId == sharer.Id).Select(e => e.Id).ToListAsync()), default);
        Assert.Equal((RewardTrigger.ShareFirstOrder, "newbie", false), (Assert.Single(origins.Values).Trigger, origins.Values.Single().OtherName, origins.Values.Single().Reversal));

        // The second order's refund changes nothing; the first's takes the points back, once.
        await r.Bed.MoveAsync(second.Id, OrderStatus.Paid, OrderStatus.Cancelled, OrderActor.Admin);
        Assert.Equal(300, await BalanceAsync(r, sharer.Id));
        await r.Bed.MoveAsync(first.Id, OrderStatus.Paid, OrderStatus.Cancelled, OrderActor.Admin);
        Assert.Equal(0, await BalanceAsync(r, sharer.Id));
        var grant = Assert.Single(await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().ToListAsync()));
        Assert.Equal((RewardTrigger.ShareFirstOrder, RewardGrantState.Reversed, first.Id), (grant.Trigger, grant.State, grant.OrderId));
        var entries = await r.Bed.QueryAsync(db => db.PointsEntries.AsNoTracking().Where(e => e.UserId == sharer.Id).ToListAsync());
        Assert.Equal([PointsKind.ShareReward, PointsKind.ShareRewardReversed], entries.OrderBy(e => e.Id).Select(e => e.Kind));
        Assert.Equal(entries.Sum(e => e.Amount), await BalanceAsync(r, sharer.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadSettings_AreRefusedWithTheirCode_AndChangeNothing(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var rewards = Service(r);
        var open = await r.Bed.TemplateAsync(CouponTestBed.Input()); // a public campaign, not grant-only
        async Task<string> Refused(RewardSettingsInput input) => (await Assert.ThrowsAsync<DomainException>(() => rewards.SaveAsync(r.AdminPrincipal, input, default))).Code;
        Assert.Equal(RewardErrors.CampaignRequired, await Refused(new(RewardKind.Coupon, null, 0, RewardKind.None, null, 0, null, null)));
        Assert.Equal(RewardErrors.CampaignInvalid, await Refused(new(RewardKind.Coupon, open, 0, RewardKind.None, null, 0, null, null)));
        Assert.Equal(RewardErrors.PointsInvalid, await Refused(new(RewardKind.None, null, 0, RewardKind.Points, null, 0, null, null)));
        Assert.Equal(RewardErrors.PointsInvalid, await Refused(new(RewardKind.None, null, 0, RewardKind.Points, null, RewardSettings.MaxPoints + 1, null, null)));
        Assert.Equal(RewardErrors.CampaignInvalid, await Refused(new(RewardKind.None, null, 0, RewardKind.None, null, 0, 999_999, null)));
        var notAdmin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, r.Buyer.Id), new(System.Security.Claims.ClaimTypes.Role, Roles.Moderator)], "test"));
        Assert.Equal(RewardErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() => rewards.SaveAsync(notAdmin, new(RewardKind.None, null, 0, RewardKind.None, null, 0, null, null), default))).Code);
        Assert.Equal(0, await r.Bed.QueryAsync(db => db.RewardSettings.CountAsync()));
        Assert.Equal(RewardKind.None, (await rewards.SettingsAsync(r.AdminPrincipal, default)).SignUpKind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InviteCoupons_GivenWithTheInvitePoints_RefundRevokesTheUnusedOne_KeepsTheUsedOne(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var rewards = Service(r);
        var forInviter = await CampaignAsync(r, "邀请人券");
        var forInvitee = await CampaignAsync(r, "新人券");
        await rewards.SaveAsync(r.AdminPrincipal, new RewardSettingsInput(RewardKind.None, null, 0, RewardKind.None, null, 0, forInviter, forInvitee), default);
        var invites = new InviteService(r.Factory, r.Bed.Clock, Options.Create(new InviteOptions { InviterPoints = 200, InviteePoints = 100 }));
        Assert.Equal(("邀请人券", "新人券"), await rewards.InviteCouponsAsync(default)); // what the landing page names
        var inviter = await r.Bed.UserAsync("inviter");
        Assert.Equal(BindResult.Bound, await invites.BindAtSignUpAsync(r.Buyer.Id, await invites.CodeForAsync(inviter.Id, default), default));

        var order = await r.BuyAsync(r.Buyer.Id);
        await CompleteAsync(r, order);
        Assert.Empty(await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().ToListAsync())); // not before the window
        r.Bed.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await invites.ReleaseDueAsync(default));
        var inviterCoupon = Assert.Single(await r.Bed.QueryAsync(db => db.Coupons.AsNoTracking().Where(c => c.UserId == inviter.Id).ToListAsync()));
        var inviteeCoupon = Assert.Single(await r.Bed.QueryAsync(db => db.Coupons.AsNoTracking().Where(c => c.UserId == r.Buyer.Id && c.TemplateId == forInvitee).ToListAsync()));
        Assert.Equal((forInviter, CouponSource.InviteReward), (inviterCoupon.TemplateId, inviterCoupon.Source));
        Assert.Equal("buyer", (await rewards.CouponOriginsAsync(inviter.Id, [inviterCoupon.Id], default))[inviterCoupon.Id].OtherName);
        Assert.Equal("inviter", (await rewards.CouponOriginsAsync(r.Buyer.Id, [inviteeCoupon.Id], default))[inviteeCoupon.Id].OtherName);
        Assert.Equal(0, await invites.ReleaseDueAsync(default));
        Assert.Equal(2, await r.Bed.QueryAsync(db => db.RewardGrants.CountAsync()));

        // The invitee spends the coupon on a second order (paid: used).
        var second = await r.BuyAsync(r.Buyer.Id, coupon: inviteeCoupon.Id);
        await r.Bed.MoveAsync(second.Id, OrderStatus.PendingPayment, OrderStatus.Paid, OrderActor.Gateway);
        Assert.Equal(CouponState.Used, (await r.Bed.CouponAsync(inviteeCoupon.Id)).State);

        // A late refund of the rewarded order: the inviter's unused coupon is revoked, the used one stays.
        await using (var db = await r.Factory.CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await OrderHooks.OnLineRefundedAsync(db, 9301, order.Id, order.Lines.Single().Id, 50m, r.Bed.Clock.GetUtcNow(), default);
            await OrderHooks.OnLineRefundedAsync(db, 9302, order.Id, order.Lines.Single().Id, 50m, r.Bed.Clock.GetUtcNow(), default);
            await tx.CommitAsync();
        }
        Assert.Equal(CouponState.Revoked, (await r.Bed.CouponAsync(inviterCoupon.Id)).State);
        Assert.Equal(CouponState.Used, (await r.Bed.CouponAsync(inviteeCoupon.Id)).State);
        var states = await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().OrderBy(g => g.Trigger).Select(g => new { g.Trigger, g.State }).ToListAsync());
        Assert.Equal(RewardGrantState.Revoked, states.Single(s => s.Trigger == RewardTrigger.InviteInviter).State);
        Assert.Equal(RewardGrantState.Kept, states.Single(s => s.Trigger == RewardTrigger.InviteInvitee).State);
        var mine = await r.Bed.Coupons.MineAsync(inviter.Id, true, default);
        Assert.Equal(inviterCoupon.Id, Assert.Single(mine.Expired).Id);
        Assert.Empty(mine.Usable);
    }

    private static Task<int> BalanceAsync(ReferralTestBed r, string userId) => r.Bed.QueryAsync(db => PointsLedger.BalanceAsync(db, userId, default));

    private static async Task CompleteAsync(ReferralTestBed r, Order order)
    {
        var now = r.Bed.Clock.GetUtcNow();
        await OrderTestData.PayAsync(r.Factory, order, now);
        await OrderTestData.ShipAsync(r.Factory, order, now);
        await OrderTestData.DeliverAsync(r.Factory, order, now);
        await r.Bed.MoveAsync(order.Id, OrderStatus.Delivered, OrderStatus.Completed, OrderActor.Buyer);
    }
}
