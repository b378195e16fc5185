using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Moderation;

/// <summary>ADR-055 through the admin product editor's real form: an advertising-law superlative is refused with the term named, nothing saved.</summary>
public sealed class ProductScreeningPageTests : AppPageTest
{
    [Fact]
    public async Task AdminProductForm_AdvertisingLawTerm_GetsAMessageNamingItAndNothingIsSaved()
    {
        await CatalogTestData.CategoryAsync(db);
        using var admin = await TestAdmins.ClientAsync(app);
        await using var before = await db.CreateDbContextAsync();
        var count = await before.Products.CountAsync();

        var form = await TestForm.ReadAsync(admin.Http, "/admin/products/new", "[data-testid=product-form]");
        var refused = await form.PostAsync(admin.Http, new() { ["Input.Title"] = "全网第一 保湿面霜", ["Input.DefaultPrice"] = "99" });
        var accepted = await form.PostAsync(admin.Http, new() { ["Input.Title"] = "第一次用就爱上的面霜", ["Input.DefaultPrice"] = "99" });

        var message = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-testid=error]")!.TextContent;
        Assert.Contains("广告法", message);
        Assert.Contains("全网第一", message);
        Assert.True(accepted.IsSuccessStatusCode);
        await using var after = await db.CreateDbContextAsync();
        Assert.Equal(count + 1, await after.Products.CountAsync());
        Assert.Equal("第一次用就爱上的面霜", await after.Products.OrderByDescending(p => p.Id).Select(p => p.Title).FirstAsync());
    }
}
