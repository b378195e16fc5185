using Microsoft.Extensions.DependencyInjection;
using SocialStore.Tests.Infrastructure;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Ordering;

namespace SocialStore.Tests.Integration.Catalog;

/// <summary>
/// An admin's stock edit against checkouts selling the same SKU, on SQLite and PostgreSQL: the edit lands
/// only while the stock is still what the form read, so no sale is ever undone.
/// </summary>
public class AdminStockContentionTests
{
    private const int Read = 100;
    private const int AdminValue = 80;
    private const int Buyers = 40;

    public static TheoryData<DatabaseProvider, bool> Cases => new()
    {
        { DatabaseProvider.Sqlite, false }, { DatabaseProvider.Sqlite, true },
        { DatabaseProvider.PostgreSql, false }, { DatabaseProvider.PostgreSql, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AdminSave_RacingManyCheckouts_LosesNoSale(DatabaseProvider provider, bool bulk)
    {
        await using var bed = await CartTestBed.CreateAsync(provider);
        var (admin, catalog) = await AdminAsync(bed);
        var (productId, skuId) = await bed.SimpleProductAsync("限量面霜", 129m, Read);
        var buyers = await bed.ManyUsersAsync("buyer", Buyers);
        var addresses = new Dictionary<string, long>();
        foreach (var b in buyers) addresses[b.Id] = await bed.PrepareBuyerAsync(b.Id, (productId, skuId, 129m, 1));
        // The admin's form is read before anything is sold.
        var form = await catalog.GetAsync(admin, productId, default);

        var gate = new TaskCompletionSource();
        var checkouts = buyers.Select((b, i) => Task.Run(async () =>
        {
            await gate.Task;
            // Spread the buyers out, so sales land before, during and after the admin's save.
            await Task.Delay(i % 8);
            await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(b.Id, Guid.NewGuid().ToString(), addresses[b.Id], [skuId]), default);
        })).ToList();
        var save = Task.Run(async () =>
        {
            await gate.Task;
            await Task.Delay(3);
            return bulk
                ? (await catalog.SetStockAsync(admin, [new StockEdit(skuId, AdminValue, Read)], default)).Conflicts
                : (await catalog.SaveAsync(admin, productId, EditOf(form!, "限量面霜 新版", AdminValue), default)).Conflicts;
        });
        gate.SetResult();
        await Task.WhenAll(checkouts);
        var conflicts = await save;

        var sold = await bed.QueryAsync(db => db.OrderLines.SumAsync(l => l.Quantity));
        Assert.Equal(Buyers, sold);
        var stock = await bed.SkuStockAsync(skuId);
        var product = await bed.QueryAsync(db => db.Products.Where(p => p.Id == productId).Select(p => new { p.Stock, p.Title }).SingleAsync());
        var stockAudit = await bed.QueryAsync(db => db.CatalogAuditLog.Where(a => a.ProductId == productId && a.Field == nameof(Sku.Stock)).ToListAsync());
        if (conflicts.Count == 0)
        {
            // Nothing was sold before the save: every sale came out of the admin's value.
            Assert.Equal(AdminValue - sold, stock);
            var entry = Assert.Single(stockAudit);
            Assert.Equal(("100", "80"), (entry.OldValue, entry.NewValue));
        }
        else
        {
            var conflict = Assert.Single(conflicts);
            Assert.Equal((skuId, Read), (conflict.SkuId, conflict.Read));
            Assert.InRange(conflict.Now, Read - sold, Read - 1);
            Assert.Equal(Read - sold, stock);
            Assert.Empty(stockAudit);
        }
        Assert.Equal(stock, product.Stock);
        // The product's other fields save either way.
        Assert.Equal(bulk ? "限量面霜" : "限量面霜 新版", product.Title);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AdminSave_SaleAfterFormWasRead_RefusedWithStockNowAndNothingOfThatSkuOverwritten(DatabaseProvider provider, bool bulk)
    {
        await using var bed = await CartTestBed.CreateAsync(provider);
        var (admin, catalog) = await AdminAsync(bed);
        var (productId, skuId) = await bed.SimpleProductAsync("面霜", 59m, 10);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id, (productId, skuId, 59m, 3));
        var form = await catalog.GetAsync(admin, productId, default);

        await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [skuId]), default);
        var conflicts = bulk
            ? (await catalog.SetStockAsync(admin, [new StockEdit(skuId, 20, 10)], default)).Conflicts
            : (await catalog.SaveAsync(admin, productId, EditOf(form!, "面霜 新版", 20, price: 49m), default)).Conflicts;

        Assert.Equal(new StockConflict(skuId, "", 10, 7), Assert.Single(conflicts));
        var sku = await bed.QueryAsync(db => db.Skus.SingleAsync(s => s.Id == skuId));
        Assert.Equal((7, 59m), (sku.Stock, sku.Price));
        var product = await bed.QueryAsync(db => db.Products.SingleAsync(p => p.Id == productId));
        Assert.Equal((7, 59m), (product.Stock, product.Price));
        Assert.Equal(bulk ? "面霜" : "面霜 新版", product.Title);
        Assert.Empty(await bed.QueryAsync(db => db.CatalogAuditLog.Where(a => a.ProductId == productId).ToListAsync()));

        // Saved again from what is stored now, it lands.
        var again = await catalog.GetAsync(admin, productId, default);
        var second = bulk
            ? (await catalog.SetStockAsync(admin, [new StockEdit(skuId, 20, 7)], default)).Conflicts
            : (await catalog.SaveAsync(admin, productId, EditOf(again!, "面霜 新版", 20), default)).Conflicts;
        Assert.Empty(second);
        Assert.Equal(20, await bed.SkuStockAsync(skuId));
        Assert.Equal(20, await bed.QueryAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync()));
        var audit = Assert.Single(await bed.QueryAsync(db => db.CatalogAuditLog.Where(a => a.ProductId == productId).ToListAsync()));
        Assert.Equal((nameof(Sku.Stock), "7", "20"), (audit.Field, audit.OldValue, audit.NewValue));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AdminSave_StockNotEdited_SaleMeanwhileIsKept(DatabaseProvider provider)
    {
        await using var bed = await CartTestBed.CreateAsync(provider);
        var (admin, catalog) = await AdminAsync(bed);
        var (productId, skuId) = await bed.SimpleProductAsync("面霜", 59m, 10);
        var buyer = await bed.UserAsync("buyer");
        var address = await bed.PrepareBuyerAsync(buyer.Id, (productId, skuId, 59m, 2));
        var form = await catalog.GetAsync(admin, productId, default);

        await bed.Checkout.PlaceOrderAsync(new PlaceOrderRequest(buyer.Id, Guid.NewGuid().ToString(), address, [skuId]), default);
        var result = await catalog.SaveAsync(admin, productId, EditOf(form!, "面霜", 10, price: 49m), default);

        Assert.Empty(result.Conflicts);
        var sku = await bed.QueryAsync(db => db.Skus.SingleAsync(s => s.Id == skuId));
        Assert.Equal((8, 49m), (sku.Stock, sku.Price));
        Assert.Equal(8, await bed.QueryAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync()));
    }

    private static async Task<(ClaimsPrincipal Admin, CatalogAdminService Catalog)> AdminAsync(CartTestBed bed)
    {
        var user = await bed.UserAsync("admin");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var images = new ImagePipeline(new LocalMediaStore(Path.GetTempPath()), TimeProvider.System, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        return (principal, TestServices.Get<CatalogAdminService>(bed.Db, TimeProvider.System, s => s.AddSingleton(images)));
    }

    /// <summary>What the editor posts for a one-SKU product: the form's values, a new title and stock, the stock it read.</summary>
    private static ProductEdit EditOf(Product form, string title, int stock, decimal? price = null)
    {
        var sku = form.Skus.Single();
        return new ProductEdit(title, form.Subtitle, form.Description, form.Brand, form.CategoryId, form.Tags, form.Status, [],
            [new SkuInput([], price ?? sku.Price, sku.OriginalPrice, stock, sku.IsActive, ReadStock: sku.Stock)]);
    }
}
