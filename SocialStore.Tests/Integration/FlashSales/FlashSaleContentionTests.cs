using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.FlashSales;
using SocialStore.Tests.Domain.FlashSales;
using SocialStore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialStore.Tests.Integration.FlashSales;

/// <summary>
/// Flash-sale stock and caps under contention, decided in the database: every reservation is its own transaction
/// on its own context, on SQLite (one writer at a time) and PostgreSQL (row locks, parallel transactions).
/// </summary>
public class FlashSaleContentionTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reserve_1000BuyersFor100UnitsCap1_Exactly100OrdersNoUserTwiceAndOnlySoldOut(DatabaseProvider provider)
    {
        await using var bed = await FlashTestBed.CreateAsync(provider);
        var (item, productId, skuId) = await bed.LiveItemAsync(slotStock: 100, limit: 1, skuStock: 500);
        // 500 people, each pressing twice at once: 1,000 concurrent requests.
        var buyers = await bed.BuyersAsync("crowd", 500);
        var requests = buyers.SelectMany(b => new[] { b, b }).ToList();

        var watch = Stopwatch.StartNew();
        var gate = new TaskCompletionSource();
        var attempts = requests.Select(b => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                return (Buyer: b, Result: await bed.ReserveAsync(b, item), Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Buyer: b, Result: (FlashReservationResult?)null, Error: ex);
            }
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(attempts);
        output.WriteLine($"{provider}: {requests.Count} requests in {watch.ElapsedMilliseconds} ms");

        var winners = outcomes.Where(o => o.Result is not null).ToList();
        Assert.Equal(100, winners.Count);
        Assert.Equal(100, winners.Select(w => w.Buyer).Distinct().Count());
        Assert.All(outcomes.Where(o => o.Error is not null), o =>
            Assert.Contains(Assert.IsType<DomainException>(o.Error).Code, new[] { FlashSaleErrors.SoldOut, FlashSaleErrors.LimitReached }));
        // Nobody who got nothing was told "limit reached".
        var winnerIds = winners.Select(w => w.Buyer).ToHashSet();
        Assert.All(outcomes.Where(o => o.Error is DomainException { Code: FlashSaleErrors.LimitReached }), o => Assert.Contains(o.Buyer, winnerIds));

        Assert.Equal(100, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(0, await bed.QueryAsync(db => db.Orders.GroupBy(o => o.BuyerId).CountAsync(g => g.Count() > 1)));
        Assert.Equal(0, await bed.RemainingAsync(item));
        Assert.Equal(400, await bed.SkuStockAsync(skuId));
        Assert.Equal(100, await bed.QueryAsync(db => db.FlashSaleQuotas.SumAsync(q => q.Count)));
        Assert.Equal(100, await bed.QueryAsync(db => db.FlashSaleReservations.CountAsync()));
        Assert.Equal(100, await bed.QueryAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.SalesCount).SingleAsync()));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reserve_20ParallelRequestsOfOneUserCap1_ExactlyOne(DatabaseProvider provider)
    {
        await using var bed = await FlashTestBed.CreateAsync(provider);
        var (item, _, _) = await bed.LiveItemAsync(slotStock: 100, limit: 1);
        var buyer = (await bed.BuyersAsync("solo", 1))[0];

        var gate = new TaskCompletionSource();
        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                await bed.ReserveAsync(buyer, item);
                return null;
            }
            catch (DomainException ex)
            {
                return ex.Code;
            }
        })).ToList();
        gate.SetResult();
        var codes = await Task.WhenAll(attempts);

        Assert.Equal(1, codes.Count(c => c is null));
        Assert.All(codes.Where(c => c is not null), c => Assert.Equal(FlashSaleErrors.LimitReached, c));
        Assert.Equal(1, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(1, await bed.QuotaAsync(item, buyer));
        Assert.Equal(99, await bed.RemainingAsync(item));
    }
}
