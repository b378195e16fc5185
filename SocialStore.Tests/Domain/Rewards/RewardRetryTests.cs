using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Referrals;
using SocialStore.Domain.Rewards;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Domain.Coupons;
using SocialStore.Tests.Domain.Referrals;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Rewards;

/// <summary>
/// A reward due while its campaign cannot issue (ADR-062) is recorded as not given with the reason, shown to the admin,
/// given once when the campaign is available again within its window, never after it ends or after what it rewarded
/// was refunded.
/// </summary>
public class RewardRetryTests
{
    private static RewardService Service(ReferralTestBed r) => new(r.Factory, r.Bed.Clock);

    private static Task<long> CampaignAsync(ReferralTestBed r, int days = 60) =>
        r.Bed.TemplateAsync(new CouponTemplateInput("分享红包", CouponKind.NoThreshold, 0m, 5m, 0, 0m, CouponScope.AllProducts, null, [],
            CouponTestBed.Start.AddHours(-1), CouponTestBed.Start.AddDays(days), 30, 100, 1, GrantOnly: true));

    private static async Task<ApplicationUser> PersonAsync(ReferralTestBed r, string handle, TimeSpan offset = default)
    {
        var user = await r.Bed.UserAsync(handle);
        var at = r.Bed.Clock.GetUtcNow() + offset;
        await using var db = await r.Factory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, at));
        return user;
    }

    /// <summary>A sharer's link, followed by a new person who signs up a minute later (their touches carried over).</summary>
    private static async Task<(ApplicationUser Sharer, ApplicationUser Newbie)> SignUpThroughLinkAsync(ReferralTestBed r, string newbieHandle = "newbie")
    {
        var sharer = await r.Bed.QueryAsync(db => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Handle == "sharer")) ?? await PersonAsync(r, "sharer", TimeSpan.FromDays(-30));
        var link = await TestServices.Get<ShareService>(r.Bed.Db, r.Bed.Clock).GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Note, r.NoteId.ToString(CultureInfo.InvariantCulture), default);
        var token = AttributionService.NewBrowserToken();
        Assert.True((await r.Attribution.RecordAsync(new TouchInput(null, token, "198.51.100." + Random.Shared.Next(1, 250), 0, 0, link.Code), default)).Recorded);
        r.Bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var newbie = await PersonAsync(r, newbieHandle);
        Assert.True(await r.Attribution.CarryOverAsync(newbie.Id, token, default) > 0);
        return (sharer, newbie);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PausedCampaign_GrantRecordedNotGivenWithReason_GivenOnceWhenResumed(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var rewards = Service(r);
        var campaign = await CampaignAsync(r);
        await rewards.SaveAsync(r.AdminPrincipal, new RewardSettingsInput(RewardKind.Coupon, campaign, 0, RewardKind.None, null, 0, null, null), default);
        Assert.True(await r.Bed.Coupons.SetPausedAsync(CouponTestBed.Admin, campaign, true, default));

        var (sharer, newbie) = await SignUpThroughLinkAsync(r);

        var grant = Assert.Single(await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().ToListAsync()));
        Assert.Equal((RewardGrantState.Unavailable, RewardUnavailableReason.Paused, (long?)null), (grant.State, grant.UnavailableReason, grant.CouponId));
        var shown = Assert.Single(await rewards.NotGivenAsync(r.AdminPrincipal, default));
        Assert.Equal((grant.Id, RewardUnavailableReason.Paused, "sharer", "newbie", (DateTimeOffset?)CouponTestBed.Start.AddDays(60)),
            (shown.Id, shown.Reason, shown.BeneficiaryName, shown.NewUserName, shown.RetryUntil));
        Assert.Equal(1, (await rewards.GrantsAsync(r.AdminPrincipal, default)).Figures.Single(f => f.Trigger == RewardTrigger.ShareSignUp).Unavailable);

        // Still paused: the sweep gives nothing and changes nothing.
        Assert.Equal(0, await RewardGrants.RetryUnavailableAsync(r.Factory, r.Bed.Clock.GetUtcNow(), default));
        Assert.Empty(await r.Bed.QueryAsync(db => db.Coupons.AsNoTracking().ToListAsync()));

        await r.Bed.Coupons.SetPausedAsync(CouponTestBed.Admin, campaign, false, default);
        r.Bed.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await rewards.RetryNowAsync(r.AdminPrincipal, default));
        Assert.Equal(0, await RewardGrants.RetryUnavailableAsync(r.Factory, r.Bed.Clock.GetUtcNow(), default));

        var coupon = Assert.Single(await r.Bed.QueryAsync(db => db.Coupons.AsNoTracking().ToListAsync()));
        Assert.Equal((sharer.Id, CouponSource.ShareReward, CouponState.Available), (coupon.UserId, coupon.Source, coupon.State));
        grant = await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().SingleAsync());
        Assert.Equal((RewardGrantState.Granted, (RewardUnavailableReason?)null, (long?)coupon.Id, 1), (grant.State, grant.UnavailableReason, grant.CouponId, grant.Retries));
        Assert.Empty(await rewards.NotGivenAsync(r.AdminPrincipal, default));
        Assert.Equal(1, (await r.Bed.QueryAsync(db => db.CouponTemplates.AsNoTracking().SingleAsync(t => t.Id == campaign))).Issued);
        // "My coupons" says where it came from, as for a reward given at once.
        Assert.Equal(RewardTrigger.ShareSignUp, (await rewards.CouponOriginsAsync(sharer.Id, [coupon.Id], default))[coupon.Id].Trigger);
        Assert.Equal("newbie", (await rewards.CouponOriginsAsync(sharer.Id, [coupon.Id], default))[coupon.Id].OtherName);
        _ = newbie;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Retry_SixSweepsAtOnce_GiveEachGrantOnce(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var rewards = Service(r);
        var campaign = await CampaignAsync(r);
        await rewards.SaveAsync(r.AdminPrincipal, new RewardSettingsInput(RewardKind.Coupon, campaign, 0, RewardKind.None, null, 0, null, null), default);
        await r.Bed.Coupons.SetPausedAsync(CouponTestBed.Admin, campaign, true, default);
        for (var i = 0; i < 3; i++) await SignUpThroughLinkAsync(r, "newbie" + i);
        Assert.Equal(3, (await rewards.NotGivenAsync(r.AdminPrincipal, default)).Count);
        await r.Bed.Coupons.SetPausedAsync(CouponTestBed.Admin, campaign, false, default);

        var now = r.Bed.Clock.GetUtcNow();
        var given = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => RewardGrants.RetryUnavailableAsync(r.Factory, now, default))));

        Assert.Equal(3, given.Sum());
        Assert.Equal(3, await r.Bed.QueryAsync(db => db.Coupons.CountAsync()));
        Assert.Equal(3, (await r.Bed.QueryAsync(db => db.CouponTemplates.AsNoTracking().SingleAsync(t => t.Id == campaign))).Issued);
        var grants = await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().ToListAsync());
        Assert.All(grants, g => Assert.Equal(RewardGrantState.Granted, g.State));
        Assert.Equal(3, grants.Select(g => g.CouponId).Distinct().Count());
    }

    [Fact]
    public async Task EndedCampaign_MarkedEndedAndNeverRetried_RefundedOrder_CancelsTheGrant()
    {
        await using var r = await ReferralTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var rewards = Service(r);
        var signUp = await CampaignAsync(r, days: 2);
        var firstOrder = await CampaignAsync(r);
        await rewards.SaveAsync(r.AdminPrincipal, new RewardSettingsInput(RewardKind.Coupon, signUp, 0, RewardKind.Coupon, firstOrder, 0, null, null), default);
        await r.Bed.Coupons.SetPausedAsync(CouponTestBed.Admin, signUp, true, default);
        await r.Bed.Coupons.SetPausedAsync(CouponTestBed.Admin, firstOrder, true, default);
        var (_, newbie) = await SignUpThroughLinkAsync(r);

        // The first order is paid while its campaign is paused, then fully refunded: nothing left to reward.
        var order = await r.BuyAsync(newbie.Id);
        await r.Bed.MoveAsync(order.Id, OrderStatus.PendingPayment, OrderStatus.Paid, OrderActor.Gateway);
        Assert.Equal(2, (await rewards.NotGivenAsync(r.AdminPrincipal, default)).Count);
        await r.Bed.MoveAsync(order.Id, OrderStatus.Paid, OrderStatus.Cancelled, OrderActor.Admin);
        var cancelled = await r.Bed.QueryAsync(db => db.RewardGrants.AsNoTracking().SingleAsync(g => g.Trigger == RewardTrigger.ShareFirstOrder));
        Assert.Equal(RewardGrantState.Cancelled, cancelled.State);

        // The sign-up campaign ends while paused: the grant says so and is never given, even if the campaign is resumed.
        r.Bed.Clock.Advance(TimeSpan.FromDays(3));
        await r.Bed.Coupons.SetPausedAsync(CouponTestBed.Admin, signUp, false, default);
        await r.Bed.Coupons.SetPausedAsync(CouponTestBed.Admin, firstOrder, false, default);
        Assert.Equal(0, await RewardGrants.RetryUnavailableAsync(r.Factory, r.Bed.Clock.GetUtcNow(), default));
        var ended = Assert.Single(await rewards.NotGivenAsync(r.AdminPrincipal, default));
        Assert.Equal((RewardTrigger.ShareSignUp, RewardUnavailableReason.Ended), (ended.Trigger, ended.Reason));
        Assert.Empty(await r.Bed.QueryAsync(db => db.Coupons.AsNoTracking().ToListAsync()));
        Assert.Equal(0, (await r.Bed.QueryAsync(db => db.CouponTemplates.AsNoTracking().ToListAsync())).Sum(t => t.Issued));
    }
}
