using Bunit;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Pages.Cart;

namespace SocialStore.Tests.Components.Cart;

public class CartBadgeTests
{
    private static string? Badge(IRenderedComponent<CartBadge> cut) => cut.FindAll(".cart-count-badge").SingleOrDefault()?.TextContent;

    [Fact]
    public async Task Render_SignedInWithItems_ShowsThePieceCount()
    {
        await using var bed = await CartTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var buyer = await bed.UserAsync("buyer");
        var cream = await bed.SimpleProductAsync("面霜", 99m, stock: 10);
        var mask = await bed.SimpleProductAsync("面膜", 19m, stock: 10);
        await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 99m, 1), (mask.ProductId, mask.SkuId, 19m, 2));
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(buyer.Id);

        var cut = ctx.Render<CartBadge>();

        Assert.Equal("3", Badge(cut));
        Assert.Equal("购物车中有 3 件商品", cut.Find(".visually-hidden").TextContent);
        Assert.Equal("true", cut.Find("[data-testid=cart-badge]").GetAttribute("data-ready"));
    }

    [Fact]
    public async Task Render_MoreThan99_Caps()
    {
        await using var bed = await CartTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var buyer = await bed.UserAsync("buyer");
        var cream = await bed.SimpleProductAsync("面霜", 99m, stock: 500);
        var mask = await bed.SimpleProductAsync("面膜", 19m, stock: 500);
        await bed.PrepareBuyerAsync(buyer.Id, (cream.ProductId, cream.SkuId, 99m, 60), (mask.ProductId, mask.SkuId, 19m, 60));
        await using var ctx = new ComponentTestContext("en-US").UseDatabase(bed.Db, bed.Clock).SignIn(buyer.Id);

        var cut = ctx.Render<CartBadge>();

        Assert.Equal("99+", Badge(cut));
        Assert.Equal("120 items in your cart", cut.Find(".visually-hidden").TextContent);
    }

    [Fact]
    public async Task CartChanges_WhileShown_UpdateTheBadge()
    {
        await using var bed = await CartTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var buyer = await bed.UserAsync("buyer");
        var other = await bed.UserAsync("other");
        var cream = await bed.SimpleProductAsync("面霜", 99m, stock: 10);
        await using var ctx = new ComponentTestContext().UseDatabase(bed.Db, bed.Clock).SignIn(buyer.Id);
        var cut = ctx.Render<CartBadge>();
        Assert.Null(Badge(cut));
        // The cart page (or another tab) changes the cart through the circuit's CartService, which tells the notifier.
        var carts = ctx.Service<CartService>();

        await carts.AddAsync(CartItem.UserOwner(buyer.Id), cream.SkuId, 2, default);
        cut.WaitForAssertion(() => Assert.Equal("2", Badge(cut)));

        await carts.AddAsync(CartItem.UserOwner(other.Id), cream.SkuId, 5, default);
        await carts.SetQuantityAsync(CartItem.UserOwner(buyer.Id), cream.SkuId, 4, default);
        cut.WaitForAssertion(() => Assert.Equal("4", Badge(cut)));

        await carts.RemoveAsync(CartItem.UserOwner(buyer.Id), cream.SkuId, default);
        cut.WaitForAssertion(() => Assert.Null(Badge(cut)));
        Assert.Equal("0", cut.Find("[data-testid=cart-badge]").GetAttribute("data-count"));
    }
}
