using System.Net;
using System.Reflection;
using System.Security.Claims;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Media;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Catalog;

public sealed class AdminCatalogTests : AppPageTest
{
    private async Task<string[]> AdminUrlsAsync()
    {
        var product = await CatalogTestData.SimpleAsync(db, "面霜", 99m);
        return ["/admin", "/admin/users", "/admin/payments", "/admin/products", "/admin/products/new", "/admin/products/stock", $"/admin/products/{product.Id}", "/admin/orders", "/admin/orders/2611221234567890", "/admin/orders/export.csv"];
    }

    [Fact]
    public async Task AdminPages_Anonymous_RedirectToSignIn()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var url in await AdminUrlsAsync())
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task AdminPagesAndForms_Shopper_AreRefusedAndChangeNothing()
    {
        var urls = await AdminUrlsAsync();
        using var shopper = await AccountTestClient.SignedInAsync(app);
        await using var before = await db.CreateDbContextAsync();
        var products = await before.Products.CountAsync();
        var stock = await before.Skus.SumAsync(s => s.Stock);

        foreach (var url in urls)
        {
            var page = await shopper.GetAsync(url);
            Assert.True(page.Path.StartsWith("/Account/AccessDenied", StringComparison.Ordinal), $"{url} → {page.Path}");
            Assert.Null(page.Document.QuerySelector("[data-testid=product-form], [data-testid=stock-form], [data-testid=admin-products]"));

            // A forged post (with the shopper's own anti-forgery token from a page they can see) is refused too.
            var token = (await shopper.GetAsync("/me/settings")).Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
            var post = await shopper.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = url.EndsWith("stock") ? "stock" : "product",
                ["Input.Title"] = "hacked",
                ["Input.CategoryId"] = "1",
                ["Input.Rows[0].SkuId"] = "1",
                ["Input.Rows[0].Stock"] = "999",
            }));
            Assert.True(post.StatusCode != HttpStatusCode.OK || post.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/Account/AccessDenied"), $"POST {url}: {post.StatusCode}");
        }

        await using var after = await db.CreateDbContextAsync();
        Assert.Equal(products, await after.Products.CountAsync());
        Assert.Equal(stock, await after.Skus.SumAsync(s => s.Stock));
        Assert.False(await after.Products.AnyAsync(p => p.Title == "hacked"));
    }

    public static TheoryData<string> NonAdmins => new() { "anonymous", "shopper", "moderator" };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task CatalogAdminService_EveryPublicMethod_RefusesNonAdmins(string who)
    {
        var principal = who switch
        {
            "anonymous" => new ClaimsPrincipal(new ClaimsIdentity()),
            "shopper" => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "test")),
            _ => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u2"), new Claim(ClaimTypes.Role, Roles.Moderator)], "test")),
        };
        var service = app.Services.GetRequiredService<CatalogAdminService>();
        var methods = typeof(CatalogAdminService).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        Assert.True(methods.Length >= 8);

        foreach (var method in methods)
        {
            var args = method.GetParameters().Select(p => p.ParameterType == typeof(ClaimsPrincipal) ? principal
                : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
            var error = await Assert.ThrowsAsync<DomainException>(() => (Task)method.Invoke(service, args)!);
            Assert.Equal(CatalogErrors.AdminOnly, error.Code);
        }
    }

    [Fact]
    public async Task Admin_CreatesProductWithTwoSkusAndAnImage_PutsItOnSale_AuditLogged()
    {
        await CatalogTestData.CategoryAsync(db);
        using var admin = await TestAdmins.ClientAsync(app);

        var list = await admin.GetAsync("/admin/products");
        Assert.NotNull(list.Document.QuerySelector("[data-testid=admin-products]"));
        Assert.NotNull(list.Document.QuerySelector("link[href*='MudBlazor'][href$='.css']"));

        var create = await TestForm.ReadAsync(admin.Http, "/admin/products/new", "[data-testid=product-form]");
        var created = await create.PostAsync(admin.Http, new()
        {
            ["Input.Title"] = "纯棉T恤",
            ["Input.Brand"] = "棉棉",
            ["Input.Options"] = "颜色: 红, 白",
            ["Input.DefaultPrice"] = "99",
            ["Input.DefaultOriginalPrice"] = "129",
            ["Input.DefaultStock"] = "5",
            ["Input.Status"] = "OnSale",
        }, new TestFile("Input.Image", "tee.png", "image/png", TestImages.Solid(400, 400, ".png")));
        var editUrl = created.RequestMessage!.RequestUri!.PathAndQuery;
        Assert.True(editUrl.Contains("saved=true"), $"{editUrl} {(int)created.StatusCode}");
        Assert.Matches(@"^/admin/products/\d+\?saved=true$", editUrl);
        var id = long.Parse(editUrl.Split('/')[3].Split('?')[0]);

        // Make white cheaper and give it an original price below the price: saved, with a warning.
        var edit = await TestForm.ReadAsync(admin.Http, editUrl, "[data-testid=product-form]");
        var whiteRow = edit.Fields.Single(f => f.Key.EndsWith(".Key") && f.Value == "白").Key.Replace(".Key", "");
        var saved = await edit.PostAsync(admin.Http, new() { [whiteRow + ".Price"] = "89", [whiteRow + ".OriginalPrice"] = "79", [whiteRow + ".Stock"] = "2" });
        var doc = new HtmlParser().ParseDocument(await saved.Content.ReadAsStringAsync());
        Assert.Contains("白", doc.QuerySelector("[data-testid=warning]")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll("[data-testid=audit] td"), td => td.TextContent.Contains("99.00 → 89.00"));

        await using var context = await db.CreateDbContextAsync();
        var product = await context.Products.Include(p => p.Skus).Include(p => p.Images).SingleAsync(p => p.Id == id);
        Assert.Equal(ProductStatus.OnSale, product.Status);
        Assert.Equal(2, product.Skus.Count);
        Assert.Single(product.Images);
        Assert.Equal(89m, product.Price);
        Assert.Equal(7, product.Stock);
        var audit = await context.CatalogAuditLog.Where(a => a.ProductId == id).ToListAsync();
        Assert.Contains(audit, a => a.SkuKey == "白" && a.Field == "Stock" && a.OldValue == "5" && a.NewValue == "2");
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a.ActorId)));

        var shop = await AccountTestClient.Create(app).GetAsync($"/products/{id}?sel=%E7%99%BD");
        Assert.Contains("仅剩 2 件", shop.TextOf("[data-testid=stock]"));
        Assert.Null(shop.Document.QuerySelector("link[href*='MudBlazor']"));
    }

    [Fact]
    public async Task Admin_DuplicateOptionValueOrNegativeStock_GetsAMessageAndNothingIsSaved()
    {
        await CatalogTestData.CategoryAsync(db);
        using var admin = await TestAdmins.ClientAsync(app);
        await using var before = await db.CreateDbContextAsync();
        var count = await before.Products.CountAsync();

        var form = await TestForm.ReadAsync(admin.Http, "/admin/products/new", "[data-testid=product-form]");
        var duplicate = await form.PostAsync(admin.Http, new() { ["Input.Title"] = "T", ["Input.Options"] = "颜色: 红, 红", ["Input.DefaultPrice"] = "1" });
        var negative = await form.PostAsync(admin.Http, new() { ["Input.Title"] = "T", ["Input.DefaultPrice"] = "1", ["Input.DefaultStock"] = "-1" });

        Assert.Contains("重复", new HtmlParser().ParseDocument(await duplicate.Content.ReadAsStringAsync()).QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Contains("库存不能为负数", new HtmlParser().ParseDocument(await negative.Content.ReadAsStringAsync()).QuerySelector("[data-testid=error]")!.TextContent);
        await using var after = await db.CreateDbContextAsync();
        Assert.Equal(count, await after.Products.CountAsync());
    }

    [Fact]
    public async Task Admin_BulkStockEdit_ChangesStockAndLogsEachChange()
    {
        var a = await CatalogTestData.SimpleAsync(db, "A货", 10m, stock: 1);
        var b = await CatalogTestData.SimpleAsync(db, "B货", 20m, stock: 2);
        using var admin = await TestAdmins.ClientAsync(app);

        var form = await TestForm.ReadAsync(admin.Http, "/admin/products/stock", "[data-testid=stock-form]");
        var rowOf = (long productId) =>
        {
            using var context = db.CreateDbContext();
            var skuId = context.Skus.Single(s => s.ProductId == productId).Id.ToString();
            return form.Fields.Single(f => f.Key.EndsWith(".SkuId") && f.Value == skuId).Key.Replace(".SkuId", ".Stock");
        };
        var response = await form.PostAsync(admin.Http, new() { [rowOf(a.Id)] = "50", [rowOf(b.Id)] = "2" });

        Assert.EndsWith("changed=1", response.RequestMessage!.RequestUri!.Query);
        await using var after = await db.CreateDbContextAsync();
        Assert.Equal(50, (await after.Products.SingleAsync(p => p.Id == a.Id)).Stock);
        Assert.Single(await after.CatalogAuditLog.Where(l => l.ProductId == a.Id && l.Field == "Stock" && l.OldValue == "1" && l.NewValue == "50").ToListAsync());
        Assert.Empty(await after.CatalogAuditLog.Where(l => l.ProductId == b.Id && l.Field == "Stock" && l.OldValue == "2").ToListAsync());
    }

    [Fact]
    public async Task Admin_EditorSavedAfterASale_StockRefusedWithStockNowAndOtherFieldsSaved()
    {
        var product = await CatalogTestData.SimpleAsync(db, "面霜", 59m, stock: 10);
        var skuId = product.Skus.Single().Id;
        using var admin = await TestAdmins.ClientAsync(app);
        var form = await TestForm.ReadAsync(admin.Http, $"/admin/products/{product.Id}", "[data-testid=product-form]");
        await SellAsync(skuId, product.Id, 3);

        var response = await form.PostAsync(admin.Http, new() { ["Input.Title"] = "面霜 新版", ["Input.Skus[0].Stock"] = "20", ["Input.Skus[0].Price"] = "49" });

        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("现为 7", doc.QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Equal("7", doc.QuerySelector("input[name='Input.Skus[0].Stock']")!.GetAttribute("value"));
        await using var after = await db.CreateDbContextAsync();
        var saved = await after.Products.Include(p => p.Skus).SingleAsync(p => p.Id == product.Id);
        Assert.Equal(("面霜 新版", 7, 7, 59m), (saved.Title, saved.Stock, saved.Skus.Single().Stock, saved.Skus.Single().Price));
        Assert.Empty(await after.CatalogAuditLog.Where(l => l.ProductId == product.Id).ToListAsync());

        // The form now carries the stock as it is: saved again, it lands.
        var again = await TestForm.ReadAsync(admin.Http, $"/admin/products/{product.Id}", "[data-testid=product-form]");
        var saved2 = await again.PostAsync(admin.Http, new() { ["Input.Skus[0].Stock"] = "20" });
        Assert.Contains("saved=true", saved2.RequestMessage!.RequestUri!.Query);
        await using var last = await db.CreateDbContextAsync();
        Assert.Equal(20, (await last.Skus.SingleAsync(s => s.Id == skuId)).Stock);
        Assert.Single(await last.CatalogAuditLog.Where(l => l.ProductId == product.Id && l.Field == "Stock" && l.OldValue == "7" && l.NewValue == "20").ToListAsync());
    }

    [Fact]
    public async Task Admin_BulkStockSavedAfterASale_ThatRowRefusedOthersSaved()
    {
        var a = await CatalogTestData.SimpleAsync(db, "A货", 10m, stock: 10);
        var b = await CatalogTestData.SimpleAsync(db, "B货", 20m, stock: 2);
        using var admin = await TestAdmins.ClientAsync(app);
        var form = await TestForm.ReadAsync(admin.Http, "/admin/products/stock", "[data-testid=stock-form]");
        var rowOf = (Product product) => form.Fields.Single(f => f.Key.EndsWith(".SkuId") && f.Value == product.Skus.Single().Id.ToString()).Key.Replace(".SkuId", ".Stock");
        await SellAsync(a.Skus.Single().Id, a.Id, 4);

        var response = await form.PostAsync(admin.Http, new() { [rowOf(a)] = "50", [rowOf(b)] = "30" });

        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("现为 6", doc.QuerySelector("[data-testid=error]")!.TextContent);
        await using var after = await db.CreateDbContextAsync();
        Assert.Equal((6, 6), ((await after.Skus.SingleAsync(s => s.ProductId == a.Id)).Stock, (await after.Products.SingleAsync(p => p.Id == a.Id)).Stock));
        Assert.Equal((30, 30), ((await after.Skus.SingleAsync(s => s.ProductId == b.Id)).Stock, (await after.Products.SingleAsync(p => p.Id == b.Id)).Stock));
        Assert.Empty(await after.CatalogAuditLog.Where(l => l.ProductId == a.Id).ToListAsync());
        Assert.Single(await after.CatalogAuditLog.Where(l => l.ProductId == b.Id && l.OldValue == "2" && l.NewValue == "30").ToListAsync());
    }

    /// <summary>A sale as checkout makes it: the SKU and the product's summary stock go down.</summary>
    private async Task SellAsync(long skuId, long productId, int quantity)
    {
        await using var context = await db.CreateDbContextAsync();
        await context.Skus.Where(s => s.Id == skuId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stock, x => x.Stock - quantity));
        await context.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stock, x => x.Stock - quantity));
    }

    [Fact]
    public async Task DeliveredOrderLine_ShopperReviewsWithAPhoto_ReviewShowsVerifiedAndJsonLdRates()
    {
        var product = await CatalogTestData.ProductAsync(db, "纯棉T恤", [CatalogTestData.Colour], [new(["红"], 99m, 129m, 5), new(["白"], 89m, 99m, 5)]);
        var shopperEmail = AccountTestClient.NewEmail("buyer");
        using var shopper = AccountTestClient.Create(app);
        await shopper.RegisterAndConfirmAsync(shopperEmail);
        await shopper.LoginAsync(shopperEmail, TestAccounts.Password);

        // Without a purchase there is no review form.
        Assert.Null((await shopper.GetAsync($"/products/{product.Id}")).Document.QuerySelector("[data-testid=review-form]"));
        Assert.NotNull((await shopper.GetAsync($"/products/{product.Id}")).Document.QuerySelector("[data-testid=no-reviews]"));

        // The purchase is a delivered order line (ADR-020): checkout, payment, shipping and delivery written to the database.
        await using (var context = await db.CreateDbContextAsync())
        {
            var buyerId = await context.Users.Where(u => u.NormalizedEmail == shopperEmail.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
            await OrderTestData.DeliveredPurchaseAsync(db, buyerId, product.Skus.Single(s => s.Key == "白"));
        }

        var form = await TestForm.ReadAsync(shopper.Http, $"/products/{product.Id}", "[data-testid=review-form]");
        var posted = await form.PostAsync(shopper.Http, new() { ["Write.Stars"] = "4", ["Write.Body"] = "面料舒服，白色不透" },
            new TestFile("Write.Photos", "me.png", "image/png", TestImages.Solid(300, 300, ".png")));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Null(new HtmlParser().ParseDocument(await posted.Content.ReadAsStringAsync()).QuerySelector("[data-testid=review-error]")?.TextContent);

        var page = await AccountTestClient.Create(app).GetAsync($"/products/{product.Id}");
        var review = page.Document.QuerySelector("[data-testid=review]")!;
        Assert.Contains("面料舒服", review.TextContent);
        Assert.Contains("已购买", review.QuerySelector("[data-testid=verified]")!.TextContent);
        Assert.Contains("白", review.TextContent);
        Assert.Single(review.QuerySelectorAll(".review-photos img"));
        var ld = System.Text.Json.JsonDocument.Parse(page.Document.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("4.0", ld.GetProperty("aggregateRating").GetProperty("ratingValue").GetString());
        Assert.Equal(1, ld.GetProperty("aggregateRating").GetProperty("reviewCount").GetInt32());

        // The line is reviewed: no second form; the author cannot vote on their own review.
        var again = await shopper.GetAsync($"/products/{product.Id}");
        Assert.Null(again.Document.QuerySelector("[data-testid=review-form]"));
        Assert.Null(again.Document.QuerySelector("[data-testid=review] form"));
    }
}
