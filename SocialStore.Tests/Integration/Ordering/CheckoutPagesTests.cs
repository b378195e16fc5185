using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Ordering;

/// <summary>Checkout and the address book over HTTP: sign-in redirect, address forms, idempotent submit, price confirm, sold out.</summary>
public sealed class CheckoutPagesTests : IAsyncLifetime
{
    private readonly AppFactory app = new() { Settings = { ["Ordering:UnpaidTimeout"] = "00:30:00" } };
    private IDbContextFactory<SocialStoreDbContext> db = default!;

    public Task InitializeAsync()
    {
        _ = app.Server;
        db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static async Task AddToCartAsync(HttpClient client, Product product, int quantity = 1)
    {
        var form = await TestForm.ReadAsync(client, $"/products/{product.Id}", "[data-testid=add-to-cart-form]");
        var response = await form.PostAsync(client, new() { ["quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.EndsWith("added=1", response.Headers.Location!.OriginalString);
    }

    private static async Task<HttpResponseMessage> AddAddressAsync(HttpClient client, string mobile = "13812345678", string returnUrl = "", bool makeDefault = false, string detail = "漕溪北路 88 号")
    {
        var form = await TestForm.ReadAsync(client, "/me/addresses/new" + returnUrl, "[data-testid=address-form]");
        var values = new Dictionary<string, string>
        {
            ["Input.Recipient"] = "张三",
            ["Input.Mobile"] = mobile,
            ["Input.Province"] = "上海市",
            ["Input.City"] = "上海市",
            ["Input.District"] = "徐汇区",
            ["Input.Detail"] = detail,
        };
        if (makeDefault) values["Input.MakeDefault"] = "true";
        return await form.PostAsync(client, values);
    }

    /// <summary>Where a redirect goes, as a local path (Blazor's NavigateTo answers with an absolute URL).</summary>
    private static string Target(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private async Task<T> QueryAsync<T>(Func<SocialStoreDbContext, Task<T>> query)
    {
        await using var context = await db.CreateDbContextAsync();
        return await query(context);
    }

    [Fact]
    public async Task Checkout_Anonymous_GoesToSignInAndBack()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/checkout?sku=5");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Contains("/Account/Login", location);
        Assert.Contains(Uri.EscapeDataString("/checkout?sku=5"), location);
    }

    [Fact]
    public async Task Checkout_EmptyCart_SaysSo()
    {
        var (client, _) = await TestAccounts.SignedInClientAsync(app);
        var page = await PageAsync(client, "/checkout");
        Assert.Equal("购物车是空的，没有可结算的商品。", page.QuerySelector("[data-testid=checkout-empty] p")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=place-order]"));
    }

    [Fact]
    public async Task Checkout_AddAddressThenSubmitTwice_OneOrderBothLandOnIt()
    {
        var cream = await CatalogTestData.SimpleAsync(db, "保湿面霜", 45m, 10);
        var (client, user) = await TestAccounts.SignedInClientAsync(app);
        await AddToCartAsync(client, cream, 2);

        var before = await PageAsync(client, "/checkout");
        Assert.NotNull(before.QuerySelector("[data-testid=no-address]"));
        Assert.True(before.QuerySelector("[data-testid=place-order]")!.HasAttribute("disabled"));
        var saved = await AddAddressAsync(client, returnUrl: "?returnUrl=" + Uri.EscapeDataString("/checkout"));
        Assert.Equal("/checkout", Target(saved));

        var page = await PageAsync(client, "/checkout");
        Assert.Equal("¥90", page.QuerySelector("[data-testid=subtotal]")!.TextContent.Trim());
        Assert.Equal("¥10", page.QuerySelector("[data-testid=adjustment-shipping] span:last-child")!.TextContent.Trim());
        Assert.Equal("¥100", page.QuerySelector("[data-testid=total]")!.TextContent.Trim());
        Assert.Contains("138****5678", page.QuerySelector("[data-testid=address-option]")!.TextContent);
        Assert.Contains("30", page.QuerySelector(".pay-hint")!.TextContent);

        var form = await TestForm.ReadAsync(client, "/checkout", "[data-testid=place-order]");
        var first = await form.PostAsync(client, []);
        var second = await form.PostAsync(client, []);
        var location = Target(first);
        Assert.Matches("^/orders/[0-9]{16}/pay$", location);
        Assert.Equal(location, Target(second));

        var order = await QueryAsync(c => c.Orders.Include(o => o.Lines).SingleAsync());
        Assert.Equal((user.Id, 100m, "张三"), (order.BuyerId, order.Total, order.Recipient));
        Assert.Equal(order.CreatedAt.AddMinutes(30), order.PayBy);
        Assert.Equal(8, await QueryAsync(c => c.Skus.Where(s => s.ProductId == cream.Id).Select(s => s.Stock).SingleAsync()));
        Assert.Empty(await QueryAsync(c => c.CartItems.ToListAsync()));

        // A new render of the page is a new checkout: with an empty cart it says so.
        Assert.NotNull((await PageAsync(client, "/checkout")).QuerySelector("[data-testid=checkout-empty]"));
    }

    [Fact]
    public async Task Checkout_PriceRaisedSinceAdded_ShownAndNeedsConfirm_ThenOrderUsesNewPrice()
    {
        var cream = await CatalogTestData.SimpleAsync(db, "保湿面霜", 120m, 10);
        var (client, _) = await TestAccounts.SignedInClientAsync(app);
        await AddToCartAsync(client, cream);
        await AddAddressAsync(client);
        await QueryAsync(c => c.Skus.Where(s => s.ProductId == cream.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Price, 125m)));

        var page = await PageAsync(client, "/checkout");
        Assert.Equal("涨价 ¥5", page.QuerySelector("[data-testid=price-change]")!.TextContent.Trim());
        Assert.True(page.QuerySelector("[data-testid=place-order]")!.HasAttribute("disabled"));
        // Submitting anyway (a stale tab) is refused with the reason.
        var place = await TestForm.ReadAsync(client, "/checkout", "[data-testid=place-order]");
        var refused = new HtmlParser().ParseDocument(await (await place.PostAsync(client, [])).Content.ReadAsStringAsync());
        Assert.Equal("保湿面霜 的价格有变动，请确认新价格后再提交。", refused.QuerySelector("[data-testid=checkout-error]")!.TextContent.Trim());
        Assert.Equal(0, await QueryAsync(c => c.Orders.CountAsync()));

        var confirm = await TestForm.ReadAsync(client, "/checkout", "[data-testid=confirm-prices]");
        Assert.Equal("/checkout", Target(await confirm.PostAsync(client, [])));
        var confirmed = await PageAsync(client, "/checkout");
        Assert.Null(confirmed.QuerySelector("[data-testid=price-change]"));
        Assert.Equal("¥125", confirmed.QuerySelector("[data-testid=total]")!.TextContent.Trim());
        var form = await TestForm.ReadAsync(client, "/checkout", "[data-testid=place-order]");
        Assert.Matches("^/orders/[0-9]{16}/pay$", Target(await form.PostAsync(client, [])));
        Assert.Equal(125m, await QueryAsync(c => c.Orders.Select(o => o.Total).SingleAsync()));
    }

    [Fact]
    public async Task Checkout_SoldOutOrOffShelfAfterRender_ToldWhichLineAndNothingReserved()
    {
        var cream = await CatalogTestData.SimpleAsync(db, "保湿面霜", 45m, 10);
        var serum = await CatalogTestData.SimpleAsync(db, "修护精华", 199m, 1);
        var (client, _) = await TestAccounts.SignedInClientAsync(app);
        await AddToCartAsync(client, cream);
        await AddToCartAsync(client, serum);
        await AddAddressAsync(client);

        var form = await TestForm.ReadAsync(client, "/checkout", "[data-testid=place-order]");
        await QueryAsync(c => c.Skus.Where(s => s.ProductId == serum.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stock, 0)));
        var soldOut = new HtmlParser().ParseDocument(await (await form.PostAsync(client, [])).Content.ReadAsStringAsync());
        Assert.StartsWith("修护精华 库存不足", soldOut.QuerySelector("[data-testid=checkout-error]")!.TextContent.Trim());
        Assert.Equal(10, await QueryAsync(c => c.Skus.Where(s => s.ProductId == cream.Id).Select(s => s.Stock).SingleAsync()));

        await QueryAsync(c => c.Skus.Where(s => s.ProductId == serum.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stock, 5)));
        await QueryAsync(c => c.Products.Where(p => p.Id == serum.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ProductStatus.OffShelf)));
        var offShelf = new HtmlParser().ParseDocument(await (await form.PostAsync(client, [])).Content.ReadAsStringAsync());
        Assert.StartsWith("修护精华 已下架", offShelf.QuerySelector("[data-testid=checkout-error]")!.TextContent.Trim());
        Assert.NotNull(offShelf.QuerySelector("[data-testid=unavailable-notice]"));
        Assert.Equal(0, await QueryAsync(c => c.Orders.CountAsync()));
    }

    [Fact]
    public async Task Addresses_BadMobileRefused_ListMasks_DefaultMovesAndDeletePromotes_OthersGet404()
    {
        var (client, user) = await TestAccounts.SignedInClientAsync(app);
        var bad = await AddAddressAsync(client, mobile: "2381234567");
        var badPage = new HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync());
        Assert.Contains("请填写以 1 开头的 11 位手机号。", badPage.QuerySelector("#err-Mobile")!.TextContent);
        Assert.Equal(0, await QueryAsync(c => c.Addresses.CountAsync()));

        Assert.Equal("/me/addresses?saved=true", Target(await AddAddressAsync(client, mobile: "138 1234 5678")));
        await AddAddressAsync(client, mobile: "13900001111", detail: "公司");
        var list = await PageAsync(client, "/me/addresses");
        var cards = list.QuerySelectorAll("[data-testid=address-card]");
        Assert.Equal(2, cards.Length);
        Assert.Equal("138****5678", cards[0].QuerySelector("[data-testid=masked-mobile]")!.TextContent);
        Assert.NotNull(cards[0].QuerySelector("[data-testid=default-tag]"));
        Assert.DoesNotContain("13812345678", list.Body!.InnerHtml);

        var makeDefault = await TestForm.ReadAsync(client, "/me/addresses", "[data-testid=make-default]");
        await makeDefault.PostAsync(client, []);
        var afterDefault = await QueryAsync(c => c.Addresses.Where(a => a.IsDefault).Select(a => a.Mobile).ToListAsync());
        Assert.Equal(["13900001111"], afterDefault);

        var delete = await TestForm.ReadAsync(client, "/me/addresses", "[data-testid=delete-address]");
        await delete.PostAsync(client, []);
        var left = Assert.Single(await QueryAsync(c => c.Addresses.ToListAsync()));
        Assert.True(left.IsDefault);

        var (stranger, _) = await TestAccounts.SignedInClientAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/me/addresses/{left.Id}/edit")).StatusCode);
        var strangerForm = await TestForm.ReadAsync(stranger, "/me/addresses/new", "[data-testid=address-form]");
        var token = strangerForm.Fields.Single(f => f.Key == "__RequestVerificationToken");
        var id = left.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/me/addresses/{id}/delete", new FormUrlEncodedContent([token]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/me/addresses/{id}/default", new FormUrlEncodedContent([token]))).StatusCode);
        Assert.Single(await QueryAsync(c => c.Addresses.Where(a => a.UserId == user.Id).ToListAsync()));
    }
    [Fact]
    public async Task BuyNow_ChecksOutOnlyThatLine_OthersStayInTheCart()
    {
        var cream = await CatalogTestData.SimpleAsync(db, "保湿面霜", 45m, 10);
        var serum = await CatalogTestData.SimpleAsync(db, "修护精华", 199m, 10);
        var (client, _) = await TestAccounts.SignedInClientAsync(app);
        await AddToCartAsync(client, cream);
        await AddAddressAsync(client);

        var buy = await TestForm.ReadAsync(client, $"/products/{serum.Id}", "[data-testid=add-to-cart-form]");
        var buyNow = await buy.PostAsync(client, new() { ["buy"] = "now" });
        var serumSku = serum.Skus.Single().Id;
        Assert.Equal($"/checkout?sku={serumSku}", buyNow.Headers.Location!.OriginalString);

        var page = await PageAsync(client, buyNow.Headers.Location.OriginalString);
        Assert.Single(page.QuerySelectorAll("[data-testid=checkout-line]"));
        Assert.Equal("¥199", page.QuerySelector("[data-testid=total]")!.TextContent.Trim());
        var form = await TestForm.ReadAsync(client, buyNow.Headers.Location.OriginalString, "[data-testid=place-order]");
        Assert.Matches("^/orders/[0-9]{16}/pay$", Target(await form.PostAsync(client, [])));

        var order = await QueryAsync(c => c.Orders.Include(o => o.Lines).SingleAsync());
        Assert.Equal(serumSku, Assert.Single(order.Lines).SkuId);
        Assert.Equal([cream.Skus.Single().Id], await QueryAsync(c => c.CartItems.Select(i => i.SkuId).ToListAsync()));
    }
}
