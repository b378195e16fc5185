using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Referrals;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E.Referrals;

/// <summary>
/// Two browser contexts on a phone: B follows a creator's share link signed out, opens the tagged product from the note,
/// signs in (the touch is carried over), buys and pays in the sandbox; the creator's centre shows the attributed order
/// and the pending commission on the paid amount. The back office lists the creator. The later states (frozen,
/// available, clawed back, payouts) are covered with a fake clock in <c>CommissionLedgerTests</c>.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class CreatorJourneyTests(BrowserFixture browser) : AppJourney
{
    [Fact]
    public async Task ShareLink_BuyerPays_CreatorCentreShowsAttributedOrderAndPendingCommission()
    {
        var serum = await CatalogTestData.SimpleAsync(db, "玻尿酸精华 30ml", 128m, stock: 20);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var creator = await SocialApp.UserAsync(app, "crt" + suffix, "种草达人");
        var buyer = await SocialApp.UserAsync(app, "buy" + suffix, "小B");
        var noteId = await SocialApp.NoteAsync(app, creator.Id, "这瓶精华真的好用");
        var adminUser = await TestAdmins.UserAsync(app);
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, adminUser.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        await using (var context = await db.CreateDbContextAsync())
        {
            context.NoteProducts.Add(new NoteProduct { NoteId = noteId, ProductId = serum.Id, Position = 0 });
            context.Addresses.Add(new Address
            {
                UserId = buyer.Id,
                Recipient = "李小B",
                Mobile = "13812345678",
                Province = "上海市",
                City = "上海市",
                District = "徐汇区",
                Detail = "漕溪北路 88 号",
                IsDefault = true,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await context.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<CreatorAdminService>().SetCreatorAsync(admin, creator.Handle, true, default);
        var link = await app.Services.GetRequiredService<ShareService>().GetOrCreateLinkAsync(creator.Id, ShareTargetType.Note, noteId.ToString(CultureInfo.InvariantCulture), default);

        var page = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(page, "creator-buyer", async () =>
        {
            await page.GotoAsync(app.BaseUrl + ShareService.ShortPath(link.Code));
            await page.WaitForURLAsync($"**/notes/{noteId}");
            await Assertions.Expect(page.Locator("[data-testid=creator-disclosure]").First).ToHaveTextAsync("广告 · 合作");
            await Artifacts.ScreenshotAsync(page, "creator-1-note-disclosure-phone");
            await page.ClickAsync(".tagged-product");
            // The tag goes through /n/{note}/p/{product}, which records the touch and redirects (no wait for every image to load).
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/products/{serum.Id}$"));

            await BrowserSignIn.SignInAsync(page, app.BaseUrl, buyer.Email!);
            await page.GotoAsync(app.BaseUrl + $"/products/{serum.Id}");
            await page.ClickAsync("[data-testid=buy-now]");
            await page.WaitForURLAsync("**/checkout?sku=*");
            await page.ClickAsync("[data-testid=place-order]");
            await page.WaitForURLAsync("**/sandbox-pay/**");
            await page.ClickAsync("[data-testid=sandbox-pay]");
            await page.WaitForSelectorAsync("[data-state=paid]", new PageWaitForSelectorOptions { Timeout = 20_000 });
        });

        await using (var context = await db.CreateDbContextAsync())
        {
            var order = await context.Orders.Include(o => o.Lines).SingleAsync(o => o.BuyerId == buyer.Id);
            Assert.Equal(OrderStatus.Paid, order.Status);
            var attribution = await context.OrderLineAttributions.SingleAsync(a => a.OrderId == order.Id);
            // The last touch is the product tag on the note (after the share link): both credit the creator and the note.
            Assert.Equal((creator.Id, noteId), (attribution.EarnerId, attribution.NoteId));
            Assert.Equal(2, await context.AttributionTouches.CountAsync(t => t.UserId == buyer.Id)); // carried over on sign-in
            var entry = await context.CommissionEntries.SingleAsync(e => e.OrderId == order.Id);
            Assert.Equal((CommissionState.Pending, 6.40m), (entry.State, entry.Amount)); // 5 % of ¥128
        }

        var creatorPage = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(creatorPage, "creator-centre", async () =>
        {
            await BrowserSignIn.SignInAsync(creatorPage, app.BaseUrl, creator.Email!);
            await creatorPage.GotoAsync(app.BaseUrl + "/me");
            await creatorPage.ClickAsync("[data-testid=creator-centre-link]");
            await creatorPage.WaitForURLAsync("**/creator");
            await Assertions.Expect(creatorPage.Locator("[data-testid=total-orders]")).ToHaveTextAsync("1");
            await Assertions.Expect(creatorPage.Locator("[data-testid=note-orders]")).ToHaveTextAsync("1");
            await Assertions.Expect(creatorPage.Locator("[data-testid=note-gmv]")).ToHaveTextAsync("¥128");
            await Assertions.Expect(creatorPage.Locator("[data-testid=balance-pending]")).ToHaveTextAsync("¥6.4");
            await Assertions.Expect(creatorPage.Locator("[data-testid=ledger-entry]")).ToHaveAttributeAsync("data-state", "Pending");
            await Artifacts.ScreenshotAsync(creatorPage, "creator-2-centre-phone");
            await creatorPage.SetViewportSizeAsync(1440, 900);
            await Artifacts.ScreenshotAsync(creatorPage, "creator-3-centre-desktop");
        });

        var adminPage = await browser.NewPageAsync("phone");
        await Artifacts.CaptureFailureAsync(adminPage, "creator-admin", async () =>
        {
            await BrowserSignIn.SignInAsync(adminPage, app.BaseUrl, adminUser.Email!);
            await adminPage.GotoAsync(app.BaseUrl + "/admin/creators");
            await Assertions.Expect(adminPage.Locator("[data-testid=admin-creators]")).ToHaveAttributeAsync("data-ready", "true");
            await Assertions.Expect(adminPage.Locator("[data-testid=creator-row]")).ToHaveTextAsync("@" + creator.Handle);
            await Artifacts.ScreenshotAsync(adminPage, "creator-4-admin-phone");
            await adminPage.SetViewportSizeAsync(1440, 900);
            await Artifacts.ScreenshotAsync(adminPage, "creator-5-admin-desktop");
        });
    }
}
