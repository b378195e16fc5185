using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Media;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.E2E;

/// <summary>Admin creates a product with two SKUs and a picture; a shopper picks a SKU and, with a delivered order of it, reviews it with a photo.</summary>
[Collection(E2ECollection.Name)]
public sealed class CatalogJourneyTests(BrowserFixture browser) : AppJourney
{
    private async Task<string> RegisterAsync(IPage page, string prefix, bool admin)
    {
        var email = $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 12)] + "@example.test";
        if (admin)
        {
            // Made directly, before any browser traffic touches the row, then signed in through the UI.
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Admin)) Assert.True((await roles.CreateAsync(new IdentityRole(Roles.Admin))).Succeeded);
            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                Handle = prefix + Guid.NewGuid().ToString("N")[..6],
                DisplayName = prefix,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(user, TestAccounts.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, Roles.Admin)).Succeeded);
            await TestAccounts.EnableTwoFactorAsync(app, user.Id);
            await BrowserSignIn.SignInAsync(page, app.BaseUrl, email);
            return email;
        }
        else
        {
            await page.GotoAsync(app.BaseUrl + "/Account/Register");
            await page.FillAsync("[id='Input.Email']", email);
            if (await page.Locator("[id='Input.DisplayName']").CountAsync() > 0) await page.FillAsync("[id='Input.DisplayName']", prefix);
            await page.FillAsync("[id='Input.Password']", TestAccounts.Password);
            await page.FillAsync("[id='Input.ConfirmPassword']", TestAccounts.Password);
            await page.ClickAsync("button.btn-primary[type=submit]");
            await page.WaitForURLAsync("**/Account/RegisterConfirmation**");
            await page.ClickAsync("a[href*='Account/ConfirmEmail']");
            await page.WaitForURLAsync("**/Account/ConfirmEmail**");
        }
        await page.GotoAsync(app.BaseUrl + "/Account/Login");
        await page.FillAsync("[id='Input.Email']", email);
        await page.FillAsync("[id='Input.Password']", TestAccounts.Password);
        await page.ClickAsync("button.btn-primary[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
        return email;
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task AdminCreates_ShopperPicksSku_ReviewsWithPhoto_VerifiedBadgeShows(string viewport)
    {
        await CatalogTestData.CategoryAsync(app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>());
        var adminPage = await browser.NewPageAsync(viewport);
        var name = $"catalog-{viewport}";
        await Artifacts.CaptureFailureAsync(adminPage, name + "-admin", async () =>
        {
            await RegisterAsync(adminPage, "boss", admin: true);
            await adminPage.GotoAsync(app.BaseUrl + "/admin/products/new");
            await adminPage.FillAsync("[name='Input.Title']", "纯棉宽松T恤");
            await adminPage.FillAsync("[name='Input.Brand']", "棉棉");
            await adminPage.FillAsync("[name='Input.Subtitle']", "亲肤透气｜不易变形");
            await adminPage.FillAsync("[name='Input.Options']", "颜色: 红, 白");
            await adminPage.FillAsync("[name='Input.DefaultPrice']", "99");
            await adminPage.FillAsync("[name='Input.DefaultOriginalPrice']", "129");
            await adminPage.FillAsync("[name='Input.DefaultStock']", "3");
            await adminPage.SelectOptionAsync("[name='Input.Status']", "OnSale");
            await adminPage.SetInputFilesAsync("[name='Input.Image']", new FilePayload { Name = "tee.png", MimeType = "image/png", Buffer = TestImages.Solid(600, 600, ".png", 230, 60, 70) });
            await adminPage.ClickAsync("[data-testid=product-form] button[type=submit]");
            await adminPage.WaitForURLAsync("**/admin/products/*?saved=true");
            await Assertions.Expect(adminPage.Locator("[data-testid=skus] tbody tr")).ToHaveCountAsync(2);
            await Artifacts.ScreenshotAsync(adminPage, $"{name}-1-admin-edit");

            await adminPage.GotoAsync(app.BaseUrl + "/admin/products");
            await Assertions.Expect(adminPage.Locator("[data-testid=admin-products][data-ready=true]")).ToBeAttachedAsync();
            await Assertions.Expect(adminPage.Locator("[data-testid=admin-products] tbody tr.mud-table-row").First).ToContainTextAsync("纯棉宽松T恤");
            await Artifacts.ScreenshotAsync(adminPage, $"{name}-2-admin-grid");
        });
        var productPath = await (await app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>().CreateDbContextAsync())
            .Products.Where(p => p.Title == "纯棉宽松T恤").Select(p => "/products/" + p.Id).SingleAsync();

        var shopperPage = await browser.NewPageAsync(viewport);
        await Artifacts.CaptureFailureAsync(shopperPage, name + "-shopper", async () =>
        {
            var email = await RegisterAsync(shopperPage, "buyer", admin: false);
            await shopperPage.GotoAsync(app.BaseUrl + productPath);
            await Artifacts.ScreenshotAsync(shopperPage, $"{name}-3-product");
            await shopperPage.ClickAsync(".sku-choice[data-value='白']");
            await Assertions.Expect(shopperPage.Locator("[data-testid=stock] .low-stock")).ToContainTextAsync("3");
            await Artifacts.ScreenshotAsync(shopperPage, $"{name}-4-sku-picked");

            // The shopper's order of the white SKU is paid, shipped and delivered (written to the database; ADR-020).
            var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
            await using (var context = await factory.CreateDbContextAsync())
            {
                var buyerId = await context.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
                var white = await context.Skus.Where(s => s.Key == "白" && context.Products.Any(p => p.Id == s.ProductId && p.Title == "纯棉宽松T恤")).SingleAsync();
                await OrderTestData.DeliveredPurchaseAsync(factory, buyerId, white);
            }

            await shopperPage.GotoAsync(app.BaseUrl + productPath);
            await shopperPage.FillAsync("[name='Write.Body']", "面料很舒服，白色不透，尺码标准");
            await shopperPage.CheckAsync("[name='Write.Stars'][value='4']");
            await shopperPage.SetInputFilesAsync("[name='Write.Photos']", new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = TestImages.Solid(400, 400, ".png", 240, 240, 240) });
            await shopperPage.ClickAsync("[data-testid=review-form] button[type=submit]");
            await Assertions.Expect(shopperPage.Locator("[data-testid=review]")).ToContainTextAsync("面料很舒服");
            await Assertions.Expect(shopperPage.Locator("[data-testid=review] [data-testid=verified]")).ToBeVisibleAsync();
            await Assertions.Expect(shopperPage.Locator("[data-testid=review] .review-photos img")).ToHaveCountAsync(1);
            await shopperPage.Locator("#reviews").ScrollIntoViewIfNeededAsync();
            await Artifacts.ScreenshotAsync(shopperPage, $"{name}-5-reviewed");

            // The author edits the review; it shows as edited.
            await shopperPage.ClickAsync("[data-testid=review-edit-link]");
            await shopperPage.WaitForURLAsync("**/reviews/*/edit");
            await shopperPage.FillAsync("[name='Input.Body']", "穿了一个月：面料很舒服，洗了不变形");
            await shopperPage.CheckAsync("[name='Input.Stars'][value='5']");
            await Artifacts.ScreenshotAsync(shopperPage, $"{name}-6-edit-review");
            await shopperPage.ClickAsync("[data-testid=review-save]");
            await Assertions.Expect(shopperPage.Locator("[data-testid=review] .review-body")).ToHaveTextAsync("穿了一个月：面料很舒服，洗了不变形");
            await Assertions.Expect(shopperPage.Locator("[data-testid=review] [data-testid=review-edited]")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(shopperPage, $"{name}-7-edited");
        });
    }
}
