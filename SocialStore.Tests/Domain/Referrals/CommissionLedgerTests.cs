using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Referrals;
using SocialStore.Tests.Domain.Coupons;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Referrals;

/// <summary>The commission ledger through real checkout, payment, delivery, completion and refunds (ADR-042 §2).</summary>
public class CommissionLedgerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Commission_OnThePaidAmountAfterTheCoupon_PendingFrozenAvailableWithdrawnPaid(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        var template = await r.Bed.TemplateAsync(CouponTestBed.Input(threshold: 300m, amount: 33m));
        var coupon = (await r.Bed.Coupons.ClaimAsync(r.Buyer.Id, template, CouponSource.CouponCentre, default)).CouponId;
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, r.Product.ProductId, null), default);
        var order = await r.BuyAsync(r.Buyer.Id, quantity: 2, coupon: coupon);
        Assert.Equal(400m - 33m, order.Total); // over ¥99: free shipping

        // Not paid yet: nothing earned.
        Assert.Empty(await r.EntriesAsync());
        await OrderTestData.PayAsync(r.Factory, order, r.Bed.Clock.GetUtcNow());
        var earned = Assert.Single(await r.EntriesAsync());
        Assert.Equal((CommissionKind.Earned, CommissionState.Pending, 367m, 36.70m), (earned.Kind, earned.State, earned.BaseAmount, earned.Amount));

        await OrderTestData.ShipAsync(r.Factory, order, r.Bed.Clock.GetUtcNow());
        r.Bed.Clock.Advance(TimeSpan.FromDays(2));
        await OrderTestData.DeliverAsync(r.Factory, order, r.Bed.Clock.GetUtcNow());
        Assert.Equal(CommissionState.Frozen, (await r.EntriesAsync()).Single().State);
        var deliveredAt = r.Bed.Clock.GetUtcNow();

        r.Bed.Clock.Advance(TimeSpan.FromDays(3));
        await r.Bed.MoveAsync(order.Id, OrderStatus.Delivered, OrderStatus.Completed, OrderActor.Buyer);
        var frozen = (await r.EntriesAsync()).Single();
        Assert.Equal((CommissionState.Frozen, deliveredAt.AddDays(7)), (frozen.State, frozen.AvailableAt));
        await Assert.ThrowsAsync<DomainException>(() => r.Ledger.RequestPayoutAsync(r.Creator.Id, default));

        r.Bed.Clock.Advance(TimeSpan.FromDays(4) - TimeSpan.FromSeconds(1));
        Assert.Equal(0m, (await r.Ledger.BalanceAsync(r.Creator.Id, default)).Available);
        r.Bed.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(36.70m, (await r.Ledger.BalanceAsync(r.Creator.Id, default)).Available);

        var payout = await r.Ledger.RequestPayoutAsync(r.Creator.Id, default);
        Assert.Equal(36.70m, payout.Amount);
        var balance = await r.Ledger.BalanceAsync(r.Creator.Id, default);
        Assert.Equal((0m, 36.70m), (balance.Available, balance.Withdrawn));
        Assert.True(await r.Admin.MarkPaidAsync(r.AdminPrincipal, payout.Id, default));
        Assert.False(await r.Admin.MarkPaidAsync(r.AdminPrincipal, payout.Id, default));
        await r.AssertLedgerInvariantAsync(r.Creator.Id);

        var centre = await r.Centre.LoadAsync(r.Creator.Id, 30, default);
        var figures = Assert.Single(centre.Notes);
        Assert.Equal((1, 367m, 36.70m, 1), (figures.Orders, figures.Gmv, figures.Commission, figures.ProductClicks));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PartialRefundOfTheLine_ClawsBackProRata_FullRefundClawsBackTheRest(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, 0, null), default);
        var order = await r.BuyAsync(r.Buyer.Id, quantity: 3); // ¥600, commission ¥60
        await OrderTestData.PayAsync(r.Factory, order, r.Bed.Clock.GetUtcNow());
        var line = order.Lines.Single();

        var request = await r.Refunds.RequestAsync(r.Buyer.Id, order.Number, line.Id, 200m, "少了一瓶", [], default);
        await r.Refunds.ApproveAsync(r.AdminPrincipal, request, false, default);
        var entries = await r.EntriesAsync();
        Assert.Equal([60m, -20m], entries.Select(e => e.Amount));
        Assert.All(entries, e => Assert.Equal(CommissionState.Pending, e.State));
        await r.AssertLedgerInvariantAsync(r.Creator.Id);

        // A line refunded whole (here a second order, which the refund cancels) claws back the rest of its commission.
        var second = await r.BuyAsync(r.Buyer.Id, quantity: 1); // ¥200, free shipping
        await OrderTestData.PayAsync(r.Factory, second, r.Bed.Clock.GetUtcNow());
        var whole = await r.Refunds.RequestAsync(r.Buyer.Id, second.Number, second.Lines.Single().Id, null, "全退", [], default);
        Assert.True((await r.Refunds.ApproveAsync(r.AdminPrincipal, whole, false, default)).OrderCancelled);
        entries = await r.EntriesAsync();
        Assert.Equal([60m, -20m, 20m, -20m], entries.Select(e => e.Amount));
        var balance = await r.Ledger.BalanceAsync(r.Creator.Id, default);
        Assert.Equal((80m, 40m, 40m), (balance.Earned, balance.ClawedBack, balance.Total));
        await r.AssertLedgerInvariantAsync(r.Creator.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClawbackAfterPayout_IsANegativeAvailableBalance_ThatBlocksTheNextPayoutUntilRecovered(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, 0, null), default);
        var first = await CompletedOrderAsync(r, quantity: 1); // ¥20
        r.Bed.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(20m, (await r.Ledger.RequestPayoutAsync(r.Creator.Id, default)).Amount);

        // A refund after the payout (e.g. an after-sales case settled late) goes through the refund hook.
        await using (var db = await r.Factory.CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await OrderHooks.OnLineRefundedAsync(db, 9001, first.Id, first.Lines.Single().Id, 100m, r.Bed.Clock.GetUtcNow(), default);
            await OrderHooks.OnLineRefundedAsync(db, 9001, first.Id, first.Lines.Single().Id, 100m, r.Bed.Clock.GetUtcNow(), default); // idempotent
            await tx.CommitAsync();
        }
        var balance = await r.Ledger.BalanceAsync(r.Creator.Id, default);
        Assert.Equal((-10m, 20m, 10m), (balance.Available, balance.Withdrawn, balance.ClawedBack));
        var blocked = await Assert.ThrowsAsync<DomainException>(() => r.Ledger.RequestPayoutAsync(r.Creator.Id, default));
        Assert.Equal(ReferralErrors.BalanceNegative, blocked.Code);

        // A new sale of ¥40 commission recovers it: the payout is the net ¥30.
        r.Bed.Clock.Advance(TimeSpan.FromMinutes(5));
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, 0, null), default);
        await CompletedOrderAsync(r, quantity: 2);
        r.Bed.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(30m, (await r.Ledger.RequestPayoutAsync(r.Creator.Id, default)).Amount);
        await r.AssertLedgerInvariantAsync(r.Creator.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NoCommission_OnOnesOwnPurchase_OrForACreatorTheAdminDidNotEnable(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider, enableCreator: false);
        var shares = SocialStore.Tests.Infrastructure.TestServices.Get<SocialStore.Domain.Sharing.ShareService>(r.Bed.Db, r.Bed.Clock);
        var link = await shares.GetOrCreateLinkAsync(r.Creator.Id, SocialStore.Domain.Sharing.ShareTargetType.Product,
            r.Product.ProductId.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        // The creator buys through their own link: no touch, no attribution.
        Assert.False((await r.Attribution.RecordAsync(new TouchInput(r.Creator.Id, null, null, 0, 0, link.Code), default)).Recorded);
        var own = await r.BuyAsync(r.Creator.Id);
        await OrderTestData.PayAsync(r.Factory, own, r.Bed.Clock.GetUtcNow());
        // B buys through it, but the creator is not enabled: attributed, no commission.
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, 0, 0, link.Code), default);
        var order = await r.BuyAsync(r.Buyer.Id);
        await OrderTestData.PayAsync(r.Factory, order, r.Bed.Clock.GetUtcNow());
        Assert.Equal(1, await r.Bed.QueryAsync(db => db.OrderLineAttributions.CountAsync()));
        Assert.Empty(await r.EntriesAsync());
        var refused = await Assert.ThrowsAsync<DomainException>(() => r.Ledger.RequestPayoutAsync(r.Creator.Id, default));
        Assert.Equal(ReferralErrors.NotACreator, refused.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TenPayoutRequestsAtOnce_ForOneBalance_MakeOnePayout(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, 0, null), default);
        await CompletedOrderAsync(r, quantity: 1);
        r.Bed.Clock.Advance(TimeSpan.FromDays(8));
        await r.Ledger.ReleaseDueAsync(default);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try { return "ok:" + Money.Plain((await r.Ledger.RequestPayoutAsync(r.Creator.Id, default)).Amount); }
            catch (DomainException ex) { return ex.Code; }
        })));

        Assert.Equal(["ok:20.00"], outcomes.Where(o => o.StartsWith("ok", StringComparison.Ordinal)));
        Assert.All(outcomes.Where(o => !o.StartsWith("ok", StringComparison.Ordinal)),
            o => Assert.Contains(o, new[] { ReferralErrors.NothingToWithdraw, ReferralErrors.PayoutConflict }));
        Assert.Equal(1, await r.Bed.QueryAsync(db => db.PayoutRequests.CountAsync()));
        await r.AssertLedgerInvariantAsync(r.Creator.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Settings_RefuseBadInput_AndNonAdmins_ChangingNothing(DatabaseProvider provider)
    {
        await using var r = await ReferralTestBed.CreateAsync(provider);
        Assert.Equal(ReferralErrors.RateInvalid, (await Assert.ThrowsAsync<DomainException>(() => r.Admin.SaveSettingsAsync(r.AdminPrincipal, 6000, 7, 7, default))).Code);
        Assert.Equal(ReferralErrors.DaysInvalid, (await Assert.ThrowsAsync<DomainException>(() => r.Admin.SaveSettingsAsync(r.AdminPrincipal, 500, 7, 3, default))).Code);
        var shopper = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, r.Buyer.Id)], "test"));
        Assert.Equal(ReferralErrors.AdminOnly, (await Assert.ThrowsAsync<DomainException>(() => r.Admin.SetCreatorAsync(shopper, "buyer", true, default))).Code);
        Assert.Equal(ReferralErrors.UserNotFound, (await Assert.ThrowsAsync<DomainException>(() => r.Admin.SetCreatorAsync(r.AdminPrincipal, "nobody", true, default))).Code);
        var settings = await r.Admin.SettingsAsync(default);
        Assert.Equal((1000, 7, 7), (settings.CommissionRateBasisPoints, settings.AttributionDays, settings.AfterSalesDays));
        // A product's own rate wins over the global one.
        await r.Admin.SetProductRateAsync(r.AdminPrincipal, r.Product.ProductId, 250, default);
        await r.Attribution.RecordAsync(new TouchInput(r.Buyer.Id, null, null, r.NoteId, 0, null), default);
        var order = await r.BuyAsync(r.Buyer.Id, quantity: 2);
        await OrderTestData.PayAsync(r.Factory, order, r.Bed.Clock.GetUtcNow());
        Assert.Equal(10m, (await r.EntriesAsync()).Single().Amount);
        Assert.Equal(3, await r.Bed.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action.StartsWith("referral") || a.Action.StartsWith("creator") || a.Action.StartsWith("commission"))));
    }

    /// <summary>An order of the bed's product by its buyer, paid, shipped, delivered and completed at once.</summary>
    private static async Task<Order> CompletedOrderAsync(ReferralTestBed r, int quantity)
    {
        var order = await r.BuyAsync(r.Buyer.Id, quantity);
        var now = r.Bed.Clock.GetUtcNow();
        await OrderTestData.PayAsync(r.Factory, order, now);
        await OrderTestData.ShipAsync(r.Factory, order, now);
        await OrderTestData.DeliverAsync(r.Factory, order, now);
        await r.Bed.MoveAsync(order.Id, OrderStatus.Delivered, OrderStatus.Completed, OrderActor.Buyer);
        return order;
    }
}
