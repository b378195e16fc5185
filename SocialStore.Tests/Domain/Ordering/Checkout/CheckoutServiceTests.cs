using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Ordering;

public class CheckoutServiceTests : IAsyncLifetime
{
    private CartTestBed bed = default!;

    public async Task InitializeAsync() => bed = await CartTestBed.CreateAsync(DatabaseProvider.Sqlite, new CheckoutOptions { UnpaidTimeout = TimeSpan.FromMinutes(20), MaxOrdersPerMinute = 3 });

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private static PlaceOrderRequest Request(string buyer, long address, params long[] skus) => new(buyer, Guid.NewGuid().ToString(), address, skus);

    [Fact]
    public async Task PlaceOrder_TwoLinesUnderThreshold_WritesLinesShippingAllocationsEventAndEmptiesThoseLines()
    {
        var cream = await bed.SimpleProductAsync("面霜", 33.33m, 10);
        var mask = await bed.SimpleProductAsync("面膜", 9.9m, 10);
        var other = await bed.SimpleProductAsync("精华", 199m, 10);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 33.33m, 2), (mask.ProductId, mask.SkuId, 9.9m, 1), (other.ProductId, other.SkuId, 199m, 1));

        var result = await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address, cream.SkuId, mask.SkuId), default);

        Assert.True(result.Created);
        Assert.True(OrderNumbers.IsWellFormed(result.Number));
        var order = await bed.QueryAsync(db => db.Orders.Include(o => o.Lines).Include(o => o.Adjustments).ThenInclude(a => a.Allocations).Include(o => o.Events).SingleAsync());
        Assert.Equal(76.56m, order.Subtotal);
        Assert.Equal(10m, order.AdjustmentTotal);
        Assert.Equal(86.56m, order.Total);
        Assert.Equal(order.Total, order.Lines.Sum(l => l.Payable));
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(CartTestBed.Start.AddMinutes(20), order.PayBy);
        Assert.Equal(("张三", "13812345678", "徐汇区"), (order.Recipient, order.Mobile, order.District));
        var shipping = Assert.Single(order.Adjustments);
        Assert.Equal((ShippingAdjuster.Kind, 10m), (shipping.Kind, shipping.Amount));
        Assert.Equal(10m, shipping.Allocations.Sum(a => a.Amount));
        foreach (var line in order.Lines)
        {
            Assert.Equal(line.UnitPrice * line.Quantity, line.Subtotal);
            Assert.Equal(shipping.Allocations.Single(a => a.OrderLineId == line.Id).Amount, line.AdjustmentTotal);
            Assert.Equal("seed/p.svg", line.CoverKey);
        }
        var created = Assert.Single(order.Events);
        Assert.Equal((null, OrderStatus.PendingPayment, OrderActor.Buyer, buyer.Id), (created.FromStatus, created.ToStatus, created.Actor, created.ActorId));
        Assert.Equal(1, await bed.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Type == OrderTransitions.StatusChangedMessage)));
        Assert.Equal([other.SkuId], await bed.QueryAsync(db => db.CartItems.Select(c => c.SkuId).ToListAsync()));
        Assert.Equal(8, await bed.SkuStockAsync(cream.SkuId));
    }

    [Fact]
    public async Task PlaceOrder_AtTheThreshold_ShipsFree()
    {
        var cream = await bed.SimpleProductAsync("面霜", 99m, 10);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 99m, 1));

        var preview = await bed.Checkout.PreviewAsync(buyer.Id, [], default);
        Assert.Equal(0m, Assert.Single(preview.Quote!.Adjustments).Amount);
        var result = await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default);
        Assert.Equal(99m, result.Total);
    }

    [Fact]
    public async Task PlaceOrder_PriceChangedSinceAdded_RefusedUntilConfirmed_ThenUsesTheNewPrice()
    {
        var cream = await bed.SimpleProductAsync("面霜", 59m, 10);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 59m, 1));
        await bed.SetSkuAsync(cream.SkuId, price: 64m);

        var preview = await bed.Checkout.PreviewAsync(buyer.Id, [], default);
        Assert.False(preview.CanPlace);
        Assert.Equal(5m, Assert.Single(preview.PriceChanged).PriceChange);
        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default));
        Assert.Equal((OrderErrors.PriceChanged, "面霜"), (error.Code, error.Arguments.Single()));
        Assert.Equal(10, await bed.SkuStockAsync(cream.SkuId));

        await bed.Cart.ConfirmPricesAsync(CartItem.UserOwner(buyer.Id), [], default);
        var result = await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default);
        Assert.Equal(74m, result.Total);
    }

    [Fact]
    public async Task PlaceOrder_OffShelfEmptyCartOrSomeoneElsesAddress_RefusedWithTheReason()
    {
        var cream = await bed.SimpleProductAsync("面霜", 59m, 10);
        var serum = await bed.SimpleProductAsync("精华", 199m, 10);
        var buyer = await bed.UserAsync("buyer");
        var stranger = await bed.UserAsync("stranger");
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 59m, 1), (serum.ProductId, serum.SkuId, 199m, 1));
        var strangersAddress = await bed.PrepareBuyerAsync(stranger.Id);

        Assert.Equal(OrderErrors.AddressRequired, (await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(Request(buyer.Id, strangersAddress), default))).Code);
        Assert.Equal(OrderErrors.CartEmpty, (await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(Request(stranger.Id, strangersAddress), default))).Code);
        Assert.Equal(CartErrors.CheckoutKeyInvalid, (await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(new(buyer.Id, "<script>", address, []), default))).Code);

        await bed.SetProductStatusAsync(serum.ProductId, ProductStatus.OffShelf);
        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default));
        Assert.Equal((OrderErrors.SkuUnavailable, "精华"), (error.Code, error.Arguments.Single()));
        Assert.Equal(10, await bed.SkuStockAsync(cream.SkuId));
        Assert.Equal(0, await bed.QueryAsync(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task PlaceOrder_MoreThanTheLimitPerMinute_RateLimited()
    {
        var cream = await bed.SimpleProductAsync("面霜", 59m, 100);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id);
        for (var i = 0; i < 3; i++)
        {
            await bed.Cart.AddAsync(CartItem.UserOwner(buyer.Id), cream.SkuId, 1, default);
            await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default);
        }
        await bed.Cart.AddAsync(CartItem.UserOwner(buyer.Id), cream.SkuId, 1, default);
        Assert.Equal(CartErrors.RateLimited, (await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default))).Code);

        bed.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default)).Created);
    }

    [Fact]
    public async Task PlaceOrder_WithFiveOrdersAwaitingPayment_IsRefusedUntilOneIsPaidOrCancelled()
    {
        var cream = await bed.SimpleProductAsync("面霜", 59m, 100);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id);
        for (var i = 0; i < 5; i++)
        {
            bed.Clock.Advance(TimeSpan.FromMinutes(1)); // not the per-minute limit that refuses
            await bed.Cart.AddAsync(CartItem.UserOwner(buyer.Id), cream.SkuId, 1, default);
            await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default);
        }
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        await bed.Cart.AddAsync(CartItem.UserOwner(buyer.Id), cream.SkuId, 1, default);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default));

        Assert.Equal((CartErrors.TooManyUnpaid, (object)5), (error.Code, error.Arguments.Single()));
        Assert.Equal(95, await bed.SkuStockAsync(cream.SkuId));
        await bed.QueryAsync(db => db.Orders.Where(o => o.BuyerId == buyer.Id).OrderBy(o => o.Id).Take(1)
            .ExecuteUpdateAsync(x => x.SetProperty(o => o.Status, OrderStatus.Cancelled)));
        Assert.True((await bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default)).Created);
    }

    [Fact]
    public async Task PlaceOrder_MoreThanTwentyOfOneSku_IsRefusedAndHoldsNothing()
    {
        var cream = await bed.SimpleProductAsync("面霜", 59m, 62);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 59m, 21));

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Checkout.PlaceOrderAsync(Request(buyer.Id, address), default));

        Assert.Equal(CartErrors.TooManyUnits, error.Code);
        Assert.Equal(["面霜", 20], error.Arguments);
        Assert.Equal(62, await bed.SkuStockAsync(cream.SkuId));
        Assert.Equal(0, await bed.QueryAsync(db => db.Orders.CountAsync()));
    }
}

/// <summary>The per-buyer caps hold when one buyer checks out many times at once, on both databases.</summary>
public class BuyerLimitsContentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TenCheckoutsOfOneBuyerAtOnce_WithACapOfThreeUnpaid_PlaceThree(DatabaseProvider provider)
    {
        await using var bed = await CartTestBed.CreateAsync(provider, new CheckoutOptions { MaxOrdersPerMinute = 100, MaxOpenUnpaidOrders = 3 });
        var skus = new List<long>();
        for (var i = 0; i < 10; i++) skus.Add((await bed.SimpleProductAsync("面霜" + i, 59m, 10)).SkuId);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id);
        foreach (var sku in skus) await bed.Cart.AddAsync(CartItem.UserOwner(buyer.Id), sku, 1, default);

        var results = await Task.WhenAll(skus.Select(sku => Task.Run(async () =>
        {
            try
            {
                await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [sku]), default);
                return "placed";
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        })));

        Assert.Equal(3, results.Count(r => r == "placed"));
        Assert.All(results.Where(r => r != "placed"), r => Assert.Equal(CartErrors.TooManyUnpaid, r));
        Assert.Equal(3, await bed.QueryAsync(db => db.Orders.CountAsync(o => o.BuyerId == buyer.Id && o.Status == OrderStatus.PendingPayment)));
        Assert.Equal(97, await bed.QueryAsync(db => db.Skus.Where(s => skus.Contains(s.Id)).SumAsync(s => s.Stock)));
    }
}
