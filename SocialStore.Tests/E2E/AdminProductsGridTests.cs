using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.E2E;

/// <summary>The admin product list is usable on a phone: no sideways scrolling, the essentials visible.</summary>
[Collection(E2ECollection.Name)]
public sealed class AdminProductsGridTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Password = "Correct-horse-42";
    private KestrelAppFactory app = default!;

    public Task InitializeAsync()
    {
        app = new KestrelAppFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task SignInAsAdminAsync(IPage page)
    {
        var email = $"boss{Guid.NewGuid():N}"[..16] + "@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Admin)) Assert.True((await roles.CreateAsync(new IdentityRole(Roles.Admin))).Succeeded);
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, Handle = "boss" + Guid.NewGuid().ToString("N")[..6], DisplayName = "店长", CreatedAt = DateTimeOffset.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Admin)).Succeeded);
        }
        await page.GotoAsync(app.BaseUrl + "/Account/Login");
        await page.FillAsync("[id='Input.Email']", email);
        await page.FillAsync("[id='Input.Password']", Password);
        await page.ClickAsync("button.btn-primary[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task ProductGrid_FitsTheScreen_WithoutSidewaysScrolling(string viewport)
    {
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        for (var i = 0; i < 6; i++)
            await CatalogTestData.ProductAsync(db, i == 0 ? "超长名字的纯棉宽松短袖T恤男女同款夏季新款百搭打底衫" : $"商品{i}",
                [CatalogTestData.Colour], [new(["红"], 99m + i, 129m, 5 + i), new(["白"], 1299.5m, 1299.5m, 120)], brand: "品牌名称很长的旗舰店");
        var page = await browser.NewPageAsync(viewport);
        var name = $"admin-grid-{viewport}";
        await Artifacts.CaptureFailureAsync(page, name, async () =>
        {
            await SignInAsAdminAsync(page);
            await page.GotoAsync(app.BaseUrl + "/admin/products");
            await Assertions.Expect(page.Locator("[data-testid=admin-products][data-ready=true]")).ToBeAttachedAsync();
            await Assertions.Expect(page.Locator(".rz-data-row")).ToHaveCountAsync(6);
            await Artifacts.ScreenshotAsync(page, name);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Directory, name + "-full.png"), FullPage = true });

            // Nothing is wider than the screen: not the page, not the grid's own scroller.
            var overflow = await page.EvaluateAsync<int[]>(@"() => {
                const wide = [document.documentElement, ...document.querySelectorAll('[data-testid=admin-products] *')]
                    .filter(e => e === document.documentElement
                        ? e.scrollWidth > window.innerWidth
                        : e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX));
                return [wide.length, document.documentElement.scrollWidth, window.innerWidth];
            }");
            Assert.True(overflow[0] == 0, $"{overflow[0]} elements scroll sideways; page {overflow[1]} px in a {overflow[2]} px window");

            // The essentials are on screen; the secondary columns only on wide screens.
            var headers = await page.Locator(".rz-grid-table thead th:visible").AllInnerTextsAsync();
            var visible = headers.Select(h => h.Trim()).Where(h => h.Length > 0).ToList();
            Assert.Contains("标题", visible);
            Assert.Contains("售价", visible);
            Assert.Contains("库存", visible);
            Assert.Contains("状态", visible);
            if (viewport == "desktop") Assert.Contains("品牌", visible);
            else Assert.DoesNotContain("品牌", visible);
            var title = page.Locator(".admin-product-link").First;
            await Assertions.Expect(title).ToBeInViewportAsync();
            var box = await page.Locator(".rz-data-row").First.Locator("td:visible").Last.BoundingBoxAsync();
            Assert.True(box is not null && box.X + box.Width <= (viewport == "phone" ? 390 : 1440) + 1, $"last visible cell ends at {box?.X + box?.Width}");
        });
    }
}
