using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Ordering;

/// <summary>The cart and the add-to-cart form over HTTP, as a browser without JavaScript uses them.</summary>
public sealed class CartPagesTests : AppPageTest
{
    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, long skuId, string quantity, string returnUrl, string buy = "cart", IEnumerable<KeyValuePair<string, string>>? extra = null) =>
        client.PostAsync("/cart/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sku"] = skuId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quantity"] = quantity,
            ["returnUrl"] = returnUrl,
            ["buy"] = buy,
        }.Concat(extra ?? [])));

    private async Task<List<CartItem>> LinesAsync()
    {
        await using var context = await db.CreateDbContextAsync();
        return await context.CartItems.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Anonymous_AddsFromProductPage_CartShowsIt_SignInMergesIntoAccount()
    {
        var product = await CatalogTestData.SimpleAsync(db, "保湿面霜", 89m, 20);
        var sku = product.Skus.Single().Id;
        var client = Anonymous();

        var page = await PageAsync(client, $"/products/{product.Id}");
        var form = page.QuerySelector("[data-testid=add-to-cart-form]")!;
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(sku.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("input[name=sku]")!.GetAttribute("value"));
        // The layout's cart link carries no per-visitor count (the page may be served from the output cache).
        Assert.NotNull(page.QuerySelector("[data-testid=cart-link]"));
        Assert.Null(page.QuerySelector("[data-testid=cart-badge]"));

        var added = await AddAsync(client, sku, "2", $"/products/{product.Id}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/products/{product.Id}?added=1", added.Headers.Location!.OriginalString);
        Assert.Contains(added.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ss_cart=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull((await PageAsync(client, added.Headers.Location.OriginalString)).QuerySelector("[data-testid=added-notice]"));

        var cart = await PageAsync(client, "/cart");
        var line = Assert.Single(cart.QuerySelectorAll("[data-testid=cart-line]"));
        Assert.Equal("2", line.QuerySelector("[data-testid=qty-input]")!.GetAttribute("value"));
        Assert.Contains("178", cart.QuerySelector("[data-testid=cart-subtotal]")!.TextContent);
        Assert.StartsWith("a:", Assert.Single(await LinesAsync()).OwnerKey);

        // Signing in moves the anonymous line into the account, adding to what the account already had.
        var user = await TestAccounts.CreateConfirmedUserAsync(app);
        await using (var context = await db.CreateDbContextAsync())
        {
            context.CartItems.Add(new CartItem { OwnerKey = CartItem.UserOwner(user.Id), ProductId = product.Id, SkuId = sku, Quantity = 1, PriceWhenAdded = 89m, AddedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            await context.SaveChangesAsync();
        }
        await TestAccounts.SignInAsync(client, user);
        var merged = Assert.Single(await LinesAsync());
        Assert.Equal((CartItem.UserOwner(user.Id), 3), (merged.OwnerKey, merged.Quantity));
        var signedInCart = await PageAsync(client, "/cart");
        Assert.Equal("3", signedInCart.QuerySelector("[data-testid=cart-badge]")!.GetAttribute("data-count"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("999999")]
    [InlineData("1e3")]
    [InlineData("")]
    public async Task Add_BadQuantity_LocalisedMessageAndNothingChanges(string quantity)
    {
        var product = await CatalogTestData.SimpleAsync(db, "保湿面霜", 89m, 20);
        var client = Anonymous();

        var response = await AddAsync(client, product.Skus.Single().Id, quantity, $"/products/{product.Id}");

        Assert.Equal($"/products/{product.Id}?cartError=quantity", response.Headers.Location!.OriginalString);
        var page = await PageAsync(client, response.Headers.Location.OriginalString);
        Assert.Equal("数量须为 1 到 99 之间的整数。", page.QuerySelector("[data-testid=add-error]")!.TextContent.Trim());
        Assert.Empty(await LinesAsync());
    }

    [Fact]
    public async Task Add_MoreThanInStock_Refused_CrossSiteRefused_SignedInNeedsToken()
    {
        var product = await CatalogTestData.SimpleAsync(db, "保湿面霜", 89m, 3);
        var sku = product.Skus.Single().Id;
        var anonymous = Anonymous();

        var tooMany = await AddAsync(anonymous, sku, "4", $"/products/{product.Id}");
        Assert.EndsWith("cartError=stock", tooMany.Headers.Location!.OriginalString);
        var crossSite = new HttpRequestMessage(HttpMethod.Post, "/cart/add")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["sku"] = sku.ToString(System.Globalization.CultureInfo.InvariantCulture), ["quantity"] = "1" }),
        };
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.SendAsync(crossSite)).StatusCode);
        Assert.Empty(await LinesAsync());

        var (client, _) = await TestAccounts.SignedInClientAsync(app);
        Assert.Equal(HttpStatusCode.BadRequest, (await AddAsync(client, sku, "1", "/cart")).StatusCode);
        var form = await TestForm.ReadAsync(client, $"/products/{product.Id}", "[data-testid=add-to-cart-form]");
        Assert.Contains(form.Fields, f => f.Key == "__RequestVerificationToken");
        var ok = await form.PostAsync(client, new() { ["quantity"] = "2", ["buy"] = "now" });
        Assert.Equal($"/checkout?sku={sku}", ok.Headers.Location!.OriginalString);
        Assert.Equal(2, Assert.Single(await LinesAsync()).Quantity);
    }

    [Fact]
    public async Task CartPage_ChangeQuantity_BadValuesRefused_RemoveEmpties()
    {
        var product = await CatalogTestData.SimpleAsync(db, "保湿面霜", 89m, 5);
        var sku = product.Skus.Single().Id;
        var (client, _) = await TestAccounts.SignedInClientAsync(app);
        var add = await TestForm.ReadAsync(client, $"/products/{product.Id}", "[data-testid=add-to-cart-form]");
        await add.PostAsync(client, new() { ["quantity"] = "1" });

        var qty = await TestForm.ReadAsync(client, "/cart", "[data-testid=qty-form]");
        Assert.Equal("/cart", (await qty.PostAsync(client, new() { ["quantity"] = "4" })).Headers.Location!.OriginalString);
        Assert.Equal(4, Assert.Single(await LinesAsync()).Quantity);

        foreach (var bad in new[] { "0", "-1", "999999" })
        {
            var refused = await qty.PostAsync(client, new() { ["quantity"] = bad });
            Assert.Equal($"/cart?error=quantity&sku={sku}", refused.Headers.Location!.OriginalString);
            Assert.Equal(4, Assert.Single(await LinesAsync()).Quantity);
        }
        var beyondStock = await qty.PostAsync(client, new() { ["quantity"] = "6" });
        var page = await PageAsync(client, beyondStock.Headers.Location!.OriginalString);
        Assert.Equal("库存不足：仅剩 5 件。", page.QuerySelector("[data-testid=line-error]")!.TextContent.Trim());
        Assert.Equal(4, Assert.Single(await LinesAsync()).Quantity);

        // Without the anti-forgery token nothing changes.
        var forged = await client.PostAsync("/cart/update", new FormUrlEncodedContent(new Dictionary<string, string> { ["sku"] = sku.ToString(System.Globalization.CultureInfo.InvariantCulture), ["quantity"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var remove = await TestForm.ReadAsync(client, "/cart", "[data-testid=remove-line]");
        await remove.PostAsync(client, []);
        Assert.Empty(await LinesAsync());
        Assert.NotNull((await PageAsync(client, "/cart")).QuerySelector("[data-testid=cart-empty]"));
    }

    [Fact]
    public async Task CartPage_PriceDropAndOffShelf_ShownPerLine()
    {
        var cream = await CatalogTestData.SimpleAsync(db, "保湿面霜", 89m, 5);
        var serum = await CatalogTestData.SimpleAsync(db, "精华", 199m, 5);
        var (client, _) = await TestAccounts.SignedInClientAsync(app);
        foreach (var p in new[] { cream, serum })
            await (await TestForm.ReadAsync(client, $"/products/{p.Id}", "[data-testid=add-to-cart-form]")).PostAsync(client, []);
        await using (var context = await db.CreateDbContextAsync())
        {
            await context.Skus.Where(s => s.ProductId == cream.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Price, 84m));
            await context.Products.Where(p => p.Id == serum.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SocialStore.Domain.Catalog.ProductStatus.OffShelf));
        }

        var page = await PageAsync(client, "/cart");
        var creamLine = page.QuerySelector($"[data-testid=cart-line][data-sku='{cream.Skus.Single().Id}']")!;
        Assert.Equal("降价 ¥5", creamLine.QuerySelector("[data-testid=price-change]")!.TextContent.Trim());
        var serumLine = page.QuerySelector($"[data-testid=cart-line][data-sku='{serum.Skus.Single().Id}']")!;
        Assert.NotNull(serumLine.QuerySelector("[data-testid=line-unavailable]"));
        // Checkout takes only the line that can be bought.
        Assert.Equal($"/checkout?sku={cream.Skus.Single().Id}", page.QuerySelector("[data-testid=go-checkout]")!.GetAttribute("href"));
    }
}
