using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Points;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Points;

/// <summary>Parallel check-ins and parallel orders spending points, on SQLite and PostgreSQL: the database decides, the ledger sums to the balance.</summary>
public class PointsContentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CheckIn_20Parallel_OneAward(DatabaseProvider provider)
    {
        await using var bed = await PointsTestBed.CreateAsync(provider);
        var user = await bed.UserAsync("clicker");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try { await bed.Points.CheckInAsync(user.Id, default); return "ok"; }
            catch (DomainException ex) { return ex.Code; }
        })));

        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.All(outcomes.Where(o => o != "ok"), o => Assert.Equal(PointsErrors.AlreadyCheckedIn, o));
        Assert.Equal(1, await bed.QueryAsync(db => db.PointsCheckIns.CountAsync(c => c.UserId == user.Id)));
        Assert.Equal(1, await bed.QueryAsync(db => db.PointsEntries.CountAsync(e => e.UserId == user.Id)));
        await bed.AssertConsistentAsync(user.Id, 5);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PlaceOrder_5ParallelOrdersEachSpending60Of100Points_OneSpends(DatabaseProvider provider)
    {
        await using var bed = await PointsTestBed.CreateAsync(provider);
        var buyer = await bed.UserAsync("spender");
        await bed.CreditAsync(buyer.Id, 100, "referral:seed");
        var skus = new List<(long ProductId, long SkuId)>();
        for (var i = 0; i < 5; i++) skus.Add(await bed.ProductAsync("精华" + i, 120m));
        var address = await bed.PrepareBuyerAsync(buyer.Id, [.. skus.Select(s => (s.ProductId, s.SkuId, 120m, 1))]);

        var outcomes = await Task.WhenAll(skus.Select(s => Task.Run(async () =>
        {
            try
            {
                var r = await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [s.SkuId], new PricingChoices(NoCoupon: true, Points: 60)), default);
                return "ok:" + Money.Plain(r.Total);
            }
            catch (DomainException ex) { return ex.Code; }
        })));

        // 60 points = ¥0.60 off ¥120 (shipping free over ¥99).
        Assert.Equal(["ok:119.40"], outcomes.Where(o => o.StartsWith("ok", StringComparison.Ordinal)));
        Assert.All(outcomes.Where(o => !o.StartsWith("ok", StringComparison.Ordinal)), o => Assert.Equal(PointsErrors.NotEnough, o));
        Assert.Equal(1, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(1, await bed.QueryAsync(db => db.PointsEntries.CountAsync(e => e.Kind == PointsKind.Spend)));
        await bed.AssertConsistentAsync(buyer.Id, 40);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ledger_ParallelCreditsSpendsAndCheckIns_SumEqualsBalance(DatabaseProvider provider)
    {
        await using var bed = await PointsTestBed.CreateAsync(provider);
        var user = await bed.UserAsync("busy");
        await bed.CreditAsync(user.Id, 50, "referral:seed");

        var work = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            await using var db = await bed.Db.Factory.CreateDbContextAsync();
            try
            {
                switch (i % 3)
                {
                    case 0: await bed.CreditAsync(user.Id, 7, "referral:" + (i % 6)); break; // duplicates on purpose
                    case 1: await PointsLedger.SpendAsync(db, user.Id, 9, "test-spend:" + i, bed.Clock.GetUtcNow(), default); break;
                    default: await bed.Points.CheckInAsync(user.Id, default); break;
                }
            }
            catch (DomainException)
            {
            }
        }));
        await Task.WhenAll(work);

        var sum = await bed.LedgerSumAsync(user.Id);
        Assert.Equal(sum, await bed.BalanceAsync(user.Id));
        Assert.True(sum >= 0);
        Assert.Equal(1, await bed.QueryAsync(db => db.PointsCheckIns.CountAsync(c => c.UserId == user.Id)));
        // referral:0 and referral:3 are the only two distinct sources of the i % 3 == 0 tasks (i = 0, 3, …, 27 → i % 6 ∈ {0, 3}).
        Assert.Equal(2, await bed.QueryAsync(db => db.PointsEntries.CountAsync(e => e.UserId == user.Id && e.Kind == PointsKind.Referral && e.SourceKey != "referral:seed")));
    }
}
