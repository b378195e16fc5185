using AngleSharp.Dom;
using Bunit;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Pages.Admin.Products;

namespace SocialStore.Tests.Components.Admin;

public sealed class AdminProductsPageTests : IAsyncLifetime
{
    private TestDatabase db = default!;
    private string adminId = "";

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        adminId = (await TestData.UserAsync(db.Factory, "boss")).Id;
        // Created in this order, so the default (newest first) lists them backwards.
        await CatalogTestData.ProductAsync(db.Factory, "保湿面霜", [], [new([], 99m, 120m, 30)], brand: "雪花");
        await CatalogTestData.ProductAsync(db.Factory, "修护精华", [], [new([], 199m, 199m, 8)], brand: "兰蔻");
        await CatalogTestData.ProductAsync(db.Factory, "旧款面膜", [], [new([], 50m, 50m, 0)], status: ProductStatus.OffShelf, brand: "雪花");
        await CatalogTestData.ProductAsync(db.Factory, "新色口红", [CatalogTestData.Colour], [new(["红"], 30m, 30m, 5), new(["白"], 30m, 30m, 5)], status: ProductStatus.Draft);
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private ComponentTestContext Context(string culture = "zh-CN") =>
        new ComponentTestContext(culture).UseDatabase(db).UseMudBlazor().SignIn(adminId, Roles.Admin);

    private static IRenderedComponent<AdminProductsPage> RenderLoaded(ComponentTestContext ctx)
    {
        var cut = ctx.Render<AdminProductsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(Titles(cut)));
        return cut;
    }

    /// <summary>The product titles in the grid, top to bottom.</summary>
    private static string[] Titles(IRenderedComponent<AdminProductsPage> cut) =>
        [.. cut.FindAll("tbody .admin-product-name").Select(e => e.TextContent.Trim())];

    private static IElement Header(IRenderedComponent<AdminProductsPage> cut, string title) =>
        cut.FindAll("thead th").Single(th => AccessibleQueries.Collapse(th.TextContent) == title);

    [Fact]
    public async Task Render_Admin_ListsEveryProductNewestFirstWithStatusAndMudTextsInChinese()
    {
        await using var ctx = Context();

        var cut = RenderLoaded(ctx);

        Assert.Equal(["新色口红", "旧款面膜", "修护精华", "保湿面霜"], Titles(cut));
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(["草稿", "已下架", "在售", "在售"], rows.Select(r => AccessibleQueries.Collapse(r.QuerySelector(".mud-chip")!.TextContent)));
        Assert.Contains("每页行数", cut.Markup);
        Assert.Contains("第 1-4 条，共 4 条", cut.Markup);
        Assert.EndsWith("/admin/products/" + await IdOfAsync("保湿面霜"), rows[3].QuerySelector("a.admin-product-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_English_ShowsEnglishStatuses()
    {
        await using var ctx = Context("en-US");

        var cut = RenderLoaded(ctx);

        Assert.Equal(4, Titles(cut).Length);
        Assert.Contains("Rows per page", cut.Markup);
        Assert.Equal(["Draft", "Off shelf", "On sale", "On sale"], cut.FindAll("tbody tr .mud-chip").Select(c => AccessibleQueries.Collapse(c.TextContent)));
    }

    [Theory]
    [InlineData("已下架", new[] { "旧款面膜" })]
    [InlineData("在售", new[] { "修护精华", "保湿面霜" })]
    [InlineData("草稿", new[] { "新色口红" })]
    public async Task StatusFilter_Picked_ListsOnlyThatStatus(string status, string[] expected)
    {
        await using var ctx = Context();
        var cut = RenderLoaded(ctx);

        cut.Find(".mud-input-control.admin-status").MouseDown(); // a MudSelect opens on mouse down
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == status));
        cut.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == status).Click();

        cut.WaitForAssertion(() => Assert.Equal(expected, Titles(cut)));
    }

    [Theory]
    [InlineData("面", new[] { "旧款面膜", "保湿面霜" })]   // in the title
    [InlineData("兰蔻", new[] { "修护精华" })]            // the brand
    [InlineData("防晒", new string[0])]
    public async Task Search_Typing_NarrowsTheGrid(string text, string[] expected)
    {
        await using var ctx = Context();
        var cut = RenderLoaded(ctx);

        cut.Field("搜索").Input(text);

        cut.WaitForAssertion(() => Assert.Equal(expected, Titles(cut)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SortByPrice_ClickedTwice_AscendingThenDescending()
    {
        await using var ctx = Context();
        var cut = RenderLoaded(ctx);

        Header(cut, "售价").QuerySelector(".column-header > span")!.Click();
        cut.WaitForAssertion(() => Assert.Equal(["新色口红", "旧款面膜", "保湿面霜", "修护精华"], Titles(cut)));

        Header(cut, "售价").QuerySelector(".column-header > span")!.Click();
        cut.WaitForAssertion(() => Assert.Equal(["修护精华", "保湿面霜", "旧款面膜", "新色口红"], Titles(cut)));
    }

    [Fact]
    public async Task Render_Moderator_ShowsTheRefusalInsteadOfProducts()
    {
        await using var ctx = new ComponentTestContext().UseDatabase(db).UseMudBlazor().SignIn(adminId, Roles.Moderator);

        var cut = ctx.Render<AdminProductsPage>();

        cut.WaitForAssertion(() => Assert.Contains("只有管理员可以执行此操作。", cut.Find(".mud-alert").TextContent));
        Assert.Empty(Titles(cut));
    }

    private async Task<long> IdOfAsync(string title)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        return context.Products.Where(p => p.Title == title).Select(p => p.Id).Single();
    }
}
