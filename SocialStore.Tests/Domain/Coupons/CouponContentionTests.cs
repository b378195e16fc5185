using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Coupons;

/// <summary>The limits hold under parallel requests on SQLite and PostgreSQL: the database's affected-row counts decide.</summary>
public class CouponContentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_100ParallelOnATotalOf10_Issues10(DatabaseProvider provider)
    {
        await using var bed = await CouponTestBed.CreateAsync(provider);
        var template = await bed.TemplateAsync(CouponTestBed.Input(total: 10));
        var users = await ManyUsersAsync(bed, "claim", 100);

        var outcomes = await Task.WhenAll(users.Select(u => Task.Run(async () =>
        {
            try { await bed.Coupons.ClaimAsync(u, template, CouponSource.CouponCentre, default); return "ok"; }
            catch (DomainException ex) { return ex.Code; }
        })));

        Assert.Equal(10, outcomes.Count(o => o == "ok"));
        Assert.Equal(90, outcomes.Count(o => o == CouponErrors.SoldOut));
        Assert.Equal(10, await bed.QueryAsync(db => db.Coupons.CountAsync(c => c.TemplateId == template)));
        Assert.Equal(10, await bed.QueryAsync(db => db.CouponTemplates.Where(t => t.Id == template).Select(t => t.Issued).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_OneUser20ParallelWithLimit1_Gets1(DatabaseProvider provider)
    {
        await using var bed = await CouponTestBed.CreateAsync(provider);
        var template = await bed.TemplateAsync(CouponTestBed.Input(total: 100, perUser: 1));
        var user = await bed.UserAsync("greedy");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try { await bed.Coupons.ClaimAsync(user.Id, template, CouponSource.ProductPage, default); return "ok"; }
            catch (DomainException ex) { return ex.Code; }
        })));

        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.All(outcomes.Where(o => o != "ok"), o => Assert.Equal(CouponErrors.LimitReached, o));
        Assert.Equal(1, await bed.QueryAsync(db => db.Coupons.CountAsync(c => c.UserId == user.Id)));
        // The losers' issued counts were rolled back with them.
        Assert.Equal(1, await bed.QueryAsync(db => db.CouponTemplates.Where(t => t.Id == template).Select(t => t.Issued).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PlaceOrder_5ParallelOrdersOnOneCoupon_OneGetsIt(DatabaseProvider provider)
    {
        await using var bed = await CouponTestBed.CreateAsync(provider);
        var template = await bed.TemplateAsync(CouponTestBed.Input(threshold: 100m, amount: 20m));
        var buyer = await bed.UserAsync("buyer");
        var coupon = (await bed.Coupons.ClaimAsync(buyer.Id, template, CouponSource.CouponCentre, default)).CouponId;
        var skus = new List<(long, long)>();
        for (var i = 0; i < 5; i++) skus.Add((await bed.ProductAsync("面霜" + i, 120m)) is var p ? (p.ProductId, p.SkuId) : default);
        var address = await bed.PrepareBuyerAsync(buyer.Id, [.. skus.Select(s => (s.Item1, s.Item2, 120m, 1))]);

        var outcomes = await Task.WhenAll(skus.Select(s => Task.Run(async () =>
        {
            try
            {
                var r = await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [s.Item2], new PricingChoices(coupon)), default);
                return "ok:" + Money.Plain(r.Total);
            }
            catch (DomainException ex) { return ex.Code; }
        })));

        Assert.Equal(["ok:100.00"], outcomes.Where(o => o.StartsWith("ok", StringComparison.Ordinal)));
        Assert.All(outcomes.Where(o => !o.StartsWith("ok", StringComparison.Ordinal)), o => Assert.Equal(CouponErrors.InUse, o));
        Assert.Equal(1, await bed.QueryAsync(db => db.Orders.CountAsync()));
        var locked = await bed.CouponAsync(coupon);
        Assert.Equal(CouponState.Locked, locked.State);
        Assert.Equal(await bed.QueryAsync(db => db.Orders.Select(o => o.Id).SingleAsync()), locked.OrderId);
        // The losers' stock reservations rolled back with them.
        Assert.Equal(4 * 100 + 99, await bed.QueryAsync(db => db.Skus.SumAsync(s => s.Stock)));
    }

    private static async Task<List<string>> ManyUsersAsync(CouponTestBed bed, string prefix, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add((await bed.UserAsync($"{prefix}{i:000}")).Id);
        return ids;
    }
}
