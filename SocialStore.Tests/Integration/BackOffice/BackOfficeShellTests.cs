using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.Integration.BackOffice;

/// <summary>The back office's frame: a landing page, a menu of exactly the pages the viewer's role may open, MudBlazor only here.</summary>
public sealed class BackOfficeShellTests : AppPageTest
{
    private static readonly string[] AdminPages = ["/admin/bargains", "/admin/red-packets", "/admin/rewards", "/admin/coupons", "/admin/points", "/admin/flash-sales", "/admin/creators", "/admin/dashboard", "/admin/group-buys", "/admin", "/admin/orders", "/admin/products", "/admin/products/stock", "/admin/payments", "/admin/moderation", "/admin/moderation/words", "/admin/moderation/rings", "/admin/notes/deleted", "/admin/users"];
    private static List<string> MenuLinks(AccountTestClient.Page page) =>
        page.Document.QuerySelectorAll(".bo-side nav a[href]").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Admin_LandingPage_ShowsFiguresAndAMenuOfEveryBackOfficePage()
    {
        using var admin = await TestAdmins.ClientAsync(app);

        var home = await admin.GetAsync("/admin");

        Assert.Equal("/admin", home.Path);
        Assert.Equal(AdminPages.Order(), MenuLinks(home).Order());
        Assert.Equal(6, home.Document.QuerySelectorAll("[data-testid=admin-figures] .bo-figure").Length);
        Assert.Contains("待发货订单", home.Text);
        Assert.NotNull(home.Document.QuerySelector("link[href*='MudBlazor'][href$='.css']"));
        Assert.NotNull(home.Document.QuerySelector("script[src*='MudBlazor']"));
        // Every page in the menu opens for an admin, inside the same frame.
        foreach (var url in AdminPages)
        {
            var page = await admin.GetAsync(url);
            Assert.True(page.Path == url, $"{url} → {page.Path}");
            Assert.NotNull(page.Document.QuerySelector(".bo-side nav"));
        }
    }

    [Fact]
    public async Task Admin_InEnglish_SeesTheFrameInEnglish()
    {
        var user = await TestAdmins.UserAsync(app);
        using var admin = AccountTestClient.Create(app, "en-US");
        await admin.LoginAsync(user.Email!, TestAccounts.Password);

        var home = await admin.GetAsync("/admin");

        Assert.Contains("Back office", home.Text);
        Assert.Contains("Users and roles", home.Text);
        Assert.Contains("Orders to ship", home.Text);
        Assert.DoesNotContain("待发货", home.Text);
    }

    [Fact]
    public async Task Moderator_SeesOnlyTheirPages_AndNoFigures()
    {
        var moderator = await SocialApp.UserAsync(app, "mod" + Guid.NewGuid().ToString("N")[..8], "审核员");
        await TestAdmins.MakeStaffAsync(app, moderator.Id, Roles.Moderator);
        using var client = AccountTestClient.Create(app);
        await client.LoginAsync(moderator.Email!, TestAccounts.Password);

        var home = await client.GetAsync("/admin");

        Assert.Equal("/admin", home.Path);
        Assert.Equal(["/admin", "/admin/moderation", "/admin/moderation/words", "/admin/moderation/rings", "/admin/notes/deleted"], MenuLinks(home));
        Assert.Null(home.Document.QuerySelector("[data-testid=admin-figures]"));
        foreach (var url in new[] { "/admin/users", "/admin/orders", "/admin/products", "/admin/payments" })
            Assert.StartsWith("/Account/AccessDenied", (await client.GetAsync(url)).Path);
    }

    [Fact]
    public async Task PublicPages_NeverLoadMudBlazor()
    {
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var product = await CatalogTestData.SimpleAsync(db, "面霜", 99m);
        using var admin = await TestAdmins.ClientAsync(app);
        using var visitor = AccountTestClient.Create(app);

        foreach (var client in new[] { admin, visitor })
            foreach (var url in new[] { "/", "/shop", $"/products/{product.Id}", "/search?q=面霜", "/Account/Login" })
            {
                var page = await client.GetAsync(url);
                var html = page.Document.DocumentElement.OuterHtml;
                var at = html.IndexOf("MudBlazor", StringComparison.Ordinal);
                Assert.True(at < 0, $"{url} loads MudBlazor: {(at < 0 ? "" : html[Math.Max(0, at - 200)..Math.Min(html.Length, at + 100)])}");
                Assert.False(html.Contains("mud-", StringComparison.Ordinal), $"{url} renders MudBlazor markup");
            }
    }
}
