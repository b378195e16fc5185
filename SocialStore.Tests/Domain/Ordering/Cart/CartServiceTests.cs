using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Ordering;

public class CartServiceTests : IAsyncLifetime
{
    private CartTestBed bed = default!;

    public async Task InitializeAsync() => bed = await CartTestBed.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await bed.DisposeAsync();

    private static string Owner(string userId) => CartItem.UserOwner(userId);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(999_999)]
    [InlineData(CartItem.MaxQuantity + 1)]
    public async Task Add_QuantityOutOfRange_RefusedAndNothingChanges(int quantity)
    {
        var (_, sku) = await bed.SimpleProductAsync("面霜", 59m, 1_000);
        var buyer = await bed.UserAsync("buyer");
        await bed.Cart.AddAsync(Owner(buyer.Id), sku, 2, default);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Cart.AddAsync(Owner(buyer.Id), sku, quantity, default));
        Assert.Equal(OrderErrors.QuantityInvalid, error.Code);
        var setError = await Assert.ThrowsAsync<DomainException>(() => bed.Cart.SetQuantityAsync(Owner(buyer.Id), sku, quantity, default));
        Assert.Equal(OrderErrors.QuantityInvalid, setError.Code);

        var cart = await bed.Cart.GetAsync(Owner(buyer.Id), default);
        Assert.Equal(2, cart.Lines.Single().Quantity);
    }

    [Fact]
    public async Task Add_Twice_AddsToTheLineAndStopsAtStock()
    {
        var (_, sku) = await bed.SimpleProductAsync("面霜", 59m, 5);
        var buyer = await bed.UserAsync("buyer");

        Assert.Equal(2, await bed.Cart.AddAsync(Owner(buyer.Id), sku, 2, default));
        Assert.Equal(5, await bed.Cart.AddAsync(Owner(buyer.Id), sku, 3, default));
        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Cart.AddAsync(Owner(buyer.Id), sku, 1, default));
        Assert.Equal(CartErrors.NotEnoughStock, error.Code);

        var cart = await bed.Cart.GetAsync(Owner(buyer.Id), default);
        Assert.Equal(5, Assert.Single(cart.Lines).Quantity);
        Assert.Equal(5, cart.Count);
    }

    [Fact]
    public async Task Add_SoldOutOrOffShelf_Refused()
    {
        var soldOut = await bed.SimpleProductAsync("售罄", 59m, 0);
        var offShelf = await bed.SimpleProductAsync("下架", 59m, 9);
        await bed.SetProductStatusAsync(offShelf.ProductId, ProductStatus.OffShelf);
        var buyer = await bed.UserAsync("buyer");

        Assert.Equal(OrderErrors.SoldOut, (await Assert.ThrowsAsync<DomainException>(() => bed.Cart.AddAsync(Owner(buyer.Id), soldOut.SkuId, 1, default))).Code);
        Assert.Equal(OrderErrors.SkuUnavailable, (await Assert.ThrowsAsync<DomainException>(() => bed.Cart.AddAsync(Owner(buyer.Id), offShelf.SkuId, 1, default))).Code);
        Assert.Empty((await bed.Cart.GetAsync(Owner(buyer.Id), default)).Lines);
    }

    [Fact]
    public async Task Get_PriceChangedAndOffShelf_ShownPerLine()
    {
        var cream = await bed.SimpleProductAsync("面霜", 59m, 9);
        var serum = await bed.SimpleProductAsync("精华", 199m, 9);
        var buyer = await bed.UserAsync("buyer");
        await bed.Cart.AddAsync(Owner(buyer.Id), cream.SkuId, 1, default);
        await bed.Cart.AddAsync(Owner(buyer.Id), serum.SkuId, 1, default);
        await bed.SetSkuAsync(cream.SkuId, price: 54m);
        await bed.SetProductStatusAsync(serum.ProductId, ProductStatus.OffShelf);

        var lines = (await bed.Cart.GetAsync(Owner(buyer.Id), default)).Lines.ToDictionary(l => l.SkuId);
        Assert.Equal(-5m, lines[cream.SkuId].PriceChange);
        Assert.True(lines[cream.SkuId].CanBuy);
        Assert.False(lines[serum.SkuId].Available);

        await bed.Cart.ConfirmPricesAsync(Owner(buyer.Id), [cream.SkuId], default);
        Assert.Equal(0m, (await bed.Cart.GetAsync(Owner(buyer.Id), default)).Lines.Single(l => l.SkuId == cream.SkuId).PriceChange);
    }

    [Fact]
    public async Task Merge_AnonymousCartIntoAccount_QuantitiesAddCappedAndAnonymousEmptied()
    {
        var cream = await bed.SimpleProductAsync("面霜", 59m, 200);
        var serum = await bed.SimpleProductAsync("精华", 199m, 3);
        var mask = await bed.SimpleProductAsync("面膜", 9m, 50);
        var buyer = await bed.UserAsync("buyer");
        var token = CartService.NewToken();
        var anonymous = CartItem.AnonymousOwner(token);
        await bed.Cart.AddAsync(Owner(buyer.Id), cream.SkuId, 60, default);
        await bed.Cart.AddAsync(Owner(buyer.Id), serum.SkuId, 2, default);
        await bed.Cart.AddAsync(anonymous, cream.SkuId, 60, default);
        await bed.Cart.AddAsync(anonymous, serum.SkuId, 2, default);
        await bed.Cart.AddAsync(anonymous, mask.SkuId, 4, default);

        var seen = new List<int>();
        using var _ = bed.Notifier.Subscribe(Owner(buyer.Id), c => { seen.Add(c); return Task.CompletedTask; });
        var count = await bed.Cart.MergeAsync(token, buyer.Id, default);

        var lines = (await bed.Cart.GetAsync(Owner(buyer.Id), default)).Lines.ToDictionary(l => l.SkuId, l => l.Quantity);
        Assert.Equal(CartItem.MaxQuantity, lines[cream.SkuId]);
        Assert.Equal(3, lines[serum.SkuId]);
        Assert.Equal(4, lines[mask.SkuId]);
        Assert.Equal(CartItem.MaxQuantity + 3 + 4, count);
        Assert.Equal([count], seen);
        Assert.Empty((await bed.Cart.GetAsync(anonymous, default)).Lines);
        Assert.Equal(0, await bed.Cart.MergeAsync(token, buyer.Id, default));
        Assert.Equal(0, await bed.Cart.MergeAsync("not-a-token", buyer.Id, default));
    }

    [Fact]
    public async Task Add_DoubleClickAtOnce_OneLineWithBothQuantities()
    {
        var (_, sku) = await bed.SimpleProductAsync("面霜", 59m, 50);
        var buyer = await bed.UserAsync("buyer");
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => bed.Cart.AddAsync(Owner(buyer.Id), sku, 1, default))));
        var line = Assert.Single((await bed.Cart.GetAsync(Owner(buyer.Id), default)).Lines);
        Assert.Equal(6, line.Quantity);
    }

    [Fact]
    public async Task Remove_TakesTheLineAndTellsTheBadge()
    {
        var (_, sku) = await bed.SimpleProductAsync("面霜", 59m, 50);
        var buyer = await bed.UserAsync("buyer");
        await bed.Cart.AddAsync(Owner(buyer.Id), sku, 3, default);
        var seen = new List<int>();
        using var _ = bed.Notifier.Subscribe(Owner(buyer.Id), c => { seen.Add(c); return Task.CompletedTask; });

        Assert.Equal(0, await bed.Cart.RemoveAsync(Owner(buyer.Id), sku, default));
        Assert.Equal([0], seen);
        Assert.Equal(0, await bed.QueryAsync(db => db.CartItems.CountAsync()));
    }
}
