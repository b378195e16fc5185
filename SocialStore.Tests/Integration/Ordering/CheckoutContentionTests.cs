using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Ordering;

namespace SocialStore.Tests.Integration.Ordering;

/// <summary>
/// Stock under contention, decided in the database: every checkout runs in its own transaction on its
/// own context, on SQLite (one writer at a time) and on PostgreSQL (row locks, real parallel transactions).
/// </summary>
public class CheckoutContentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PlaceOrder_200BuyersFor50InStock_Exactly50OrdersAndEveryLoserToldSoldOut(DatabaseProvider provider)
    {
        await using var bed = await CartTestBed.CreateAsync(provider);
        var (productId, skuId) = await bed.SimpleProductAsync("限量面霜", 129m, 50);
        var buyers = await bed.ManyUsersAsync("buyer", 200);
        var addresses = new Dictionary<string, long>();
        foreach (var b in buyers) addresses[b.Id] = await bed.PrepareBuyerAsync(b.Id, (productId, skuId, 129m, 1));

        // Every buyer gets a task that waits at the same gate, so the 200 transactions really overlap.
        var gate = new TaskCompletionSource();
        var attempts = buyers.Select(b => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                return (Result: await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(b.Id, Guid.NewGuid().ToString(), addresses[b.Id], [skuId]), default), Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Result: (PlaceOrderResult?)null, Error: ex);
            }
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        var winners = outcomes.Where(o => o.Result is not null).ToList();
        var losers = outcomes.Where(o => o.Error is not null).ToList();
        Assert.Equal(50, winners.Count);
        Assert.Equal(150, losers.Count);
        Assert.All(losers, l =>
        {
            var domain = Assert.IsType<DomainException>(l.Error);
            Assert.Equal(OrderErrors.SoldOut, domain.Code);
            Assert.Equal("限量面霜", domain.Arguments.Single());
        });
        Assert.Equal(50, winners.Select(w => w.Result!.Number).Distinct().Count());

        Assert.Equal(0, await bed.SkuStockAsync(skuId));
        Assert.Equal(50, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(50, await bed.QueryAsync(db => db.OrderLines.SumAsync(l => l.Quantity)));
        var product = await bed.QueryAsync(db => db.Products.Where(p => p.Id == productId).Select(p => new { p.Stock, p.SalesCount }).SingleAsync());
        Assert.Equal((0, 50), (product.Stock, product.SalesCount));
        // Winners' carts are empty, losers keep their line to try again later.
        Assert.Equal(150, await bed.QueryAsync(db => db.CartItems.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PlaceOrder_SecondLineSoldOut_NothingReservedAndLineNamed(DatabaseProvider provider)
    {
        await using var bed = await CartTestBed.CreateAsync(provider);
        var cream = await bed.SimpleProductAsync("面霜", 59m, 10);
        var serum = await bed.SimpleProductAsync("精华", 199m, 1);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 59m, 2), (serum.ProductId, serum.SkuId, 199m, 1));
        await bed.SetSkuAsync(serum.SkuId, stock: 0);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, []), default));

        Assert.Equal(OrderErrors.SoldOut, error.Code);
        Assert.Equal("精华", error.Arguments.Single());
        Assert.Equal(10, await bed.SkuStockAsync(cream.SkuId));
        Assert.Equal(0, await bed.SkuStockAsync(serum.SkuId));
        Assert.Equal(10, await bed.QueryAsync(db => db.Products.Where(p => p.Id == cream.ProductId).Select(p => p.Stock).SingleAsync()));
        Assert.Equal(0, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(2, await bed.QueryAsync(db => db.CartItems.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PlaceOrder_FiveSubmitsWithOneKeyAtOnce_OneOrderAndEveryCallerGetsIt(DatabaseProvider provider)
    {
        await using var bed = await CartTestBed.CreateAsync(provider);
        var cream = await bed.SimpleProductAsync("面霜", 59m, 10);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 59m, 3));
        var key = Guid.NewGuid().ToString();

        var gate = new TaskCompletionSource();
        var submits = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, key, address, []), default);
        })).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(submits);

        Assert.Single(results.Select(r => r.Number).Distinct());
        Assert.Single(results, r => r.Created);
        Assert.Equal(1, await bed.QueryAsync(db => db.Orders.CountAsync()));
        Assert.Equal(7, await bed.SkuStockAsync(cream.SkuId));
        Assert.Equal(0, await bed.QueryAsync(db => db.CartItems.CountAsync()));

        // The same form submitted again much later still lands on that order.
        var again = await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, key, address, []), default);
        Assert.Equal(results[0].Number, again.Number);
        Assert.False(again.Created);
    }
}
