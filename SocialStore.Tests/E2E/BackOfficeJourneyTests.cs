using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>
/// The back office in a real browser, on a phone and a desktop, in both languages: the overview, the menu,
/// granting a role through the confirm dialog, the product grid without sideways scrolling, the order desk.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class BackOfficeJourneyTests(BrowserFixture browser) : AppJourney
{
    [Theory]
    [InlineData("phone", "zh-CN")]
    [InlineData("desktop", "zh-CN")]
    [InlineData("phone", "en-US")]
    [InlineData("desktop", "en-US")]
    public async Task Admin_GrantsAModeratorAndBrowsesTheBackOffice(string viewport, string locale)
    {
        var zh = locale == "zh-CN";
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        for (var i = 0; i < 6; i++)
            await CatalogTestData.ProductAsync(db, i == 0 ? "超长名字的纯棉宽松短袖T恤男女同款夏季新款百搭打底衫" : $"商品{i}",
                [CatalogTestData.Colour], [new(["红"], 99m + i, 129m, 5 + i), new(["白"], 1299.5m, 1299.5m, 120)], brand: "品牌名称很长的旗舰店");
        var admin = await TestAdmins.UserAsync(app);
        var helper = await SocialApp.UserAsync(app, "helper" + Guid.NewGuid().ToString("N")[..6], "小帮手");

        var page = await browser.NewPageAsync(viewport, locale);
        var name = $"backoffice-{viewport}-{locale}";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            await BrowserSignIn.SignInAsync(page, app.BaseUrl, admin.Email!);

            await page.GotoAsync(app.BaseUrl + "/admin");
            await Assertions.Expect(page.Locator("[data-testid=admin-figures] .bo-figure")).ToHaveCountAsync(6);
            await Artifacts.ScreenshotAsync(page, $"{name}-1-overview");
            await AssertNoSidewaysScrollAsync(page);

            if (viewport == "phone")
            {
                // The side menu is hidden on a phone; the menu button opens the same links in a drawer.
                await Assertions.Expect(page.Locator(".bo-side")).ToBeHiddenAsync();
                await Assertions.Expect(page.Locator(".bo-menu[data-ready=true]")).ToBeAttachedAsync();
                await page.Locator("[data-testid=admin-menu]").ClickAsync();
                var drawerLink = page.Locator(".mud-drawer a[href='/admin/users']");
                await Assertions.Expect(drawerLink).ToBeVisibleAsync();
                await Artifacts.ScreenshotAsync(page, $"{name}-2-menu");
                await drawerLink.ClickAsync();
            }
            else
            {
                await page.Locator(".bo-side a[href='/admin/users']").ClickAsync();
            }

            await Assertions.Expect(page.Locator("[data-testid=admin-users][data-ready=true]")).ToBeAttachedAsync();
            await page.GetByLabel(zh ? "账号、昵称或邮箱" : "Handle, name or email").FillAsync(helper.Handle);
            var grant = page.Locator($"[data-testid=grant-moderator-{helper.Handle}]");
            await Assertions.Expect(grant).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=admin-users] tbody tr.mud-table-row")).ToHaveCountAsync(1);
            await grant.ClickAsync();
            var dialog = page.Locator(".mud-dialog");
            await Assertions.Expect(dialog).ToContainTextAsync("@" + helper.Handle);
            await Artifacts.ScreenshotAsync(page, $"{name}-3-confirm");
            await dialog.GetByRole(AriaRole.Button, new() { Name = zh ? "确认" : "Confirm" }).ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(zh ? $"@{helper.Handle} 现在是审核员。" : $"@{helper.Handle} is now Moderator.");
            await Assertions.Expect(page.Locator($"[data-testid=revoke-moderator-{helper.Handle}]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=role-changes]")).ToContainTextAsync(helper.Handle);
            await Artifacts.ScreenshotAsync(page, $"{name}-4-granted");
            await AssertNoSidewaysScrollAsync(page);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
                Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(helper.Id))!, Roles.Moderator));
            }

            await page.GotoAsync(app.BaseUrl + "/admin/products");
            await Assertions.Expect(page.Locator("[data-testid=admin-products][data-ready=true]")).ToBeAttachedAsync();
            await Assertions.Expect(page.Locator("[data-testid=admin-products] tbody tr.mud-table-row")).ToHaveCountAsync(6);
            await Assertions.Expect(page.Locator(".admin-product-link").First).ToBeInViewportAsync();
            await Artifacts.ScreenshotAsync(page, $"{name}-5-products");
            await AssertNoSidewaysScrollAsync(page);

            await page.GotoAsync(app.BaseUrl + "/admin/orders");
            await Assertions.Expect(page.Locator(".bo-main h1, .bo-main .page-heading").First).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(page, $"{name}-6-orders");
            await AssertNoSidewaysScrollAsync(page);
        });
        await page.Context.CloseAsync();
    }

    /// <summary>Nothing is wider than the screen: not the page, not a scroller inside it.</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int[]>(@"() => {
            const wide = [document.documentElement, ...document.querySelectorAll('.bo-main *')]
                .filter(e => e === document.documentElement
                    ? e.scrollWidth > window.innerWidth
                    : e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX));
            return [wide.length, document.documentElement.scrollWidth, window.innerWidth];
        }");
        Assert.True(overflow[0] == 0, $"{page.Url}: {overflow[0]} elements scroll sideways; page {overflow[1]} px in a {overflow[2]} px window");
    }
}
