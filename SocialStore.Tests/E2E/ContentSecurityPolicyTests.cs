using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Media;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Ordering;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.E2E;

/// <summary>
/// ADR-029 in a real browser: every `securitypolicyviolation` and every CSP console message is collected
/// while a visitor and then an admin walk the feed, a note (the like button goes live), a product, the
/// sign-in page, the sandbox payment (hosted page, form post, return page), the composer (with a photo
/// preview) and the back office. There must be none; an inline script injected at the end must be
/// refused, which proves the listener and the policy work.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : AppJourney
{
    [Fact]
    public async Task WalkThroughTheApp_NoPolicyViolations()
    {
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var author = await SocialApp.UserAsync(app, "cspauthor", "作者");
        var noteId = await SocialApp.NoteAsync(app, author.Id);
        var product = await CatalogTestData.SimpleAsync(db, "安全面霜", 99m);
        var admin = await TestAdmins.UserAsync(app);
        var order = await PaymentTestBed.InsertOrderAsync(PaymentApp.Db(app), DateTimeOffset.UtcNow, admin.Id, price: 35m, quantity: 1);

        var page = await browser.NewPageAsync("desktop");
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("csp-violation", StringComparison.Ordinal))
                lock (violations) violations.Add($"{page.Url}: {message.Text}");
        };
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error(`csp-violation ${e.effectiveDirective} blocked=${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
            """);

        await Artifacts.CaptureFailureAsync(page, "csp-walk", async () =>
        {
            // A signed-out visitor.
            await page.GotoAsync(app.BaseUrl + "/");
            await page.GotoAsync($"{app.BaseUrl}/notes/{noteId}");
            await page.GotoAsync($"{app.BaseUrl}/products/{product.Id}");
            await Assertions.Expect(page.Locator("[data-testid=product-page]")).ToBeVisibleAsync();

            // Sign-in (Bootstrap, the passkey module), then the admin's journey.
            await BrowserSignIn.SignInThroughFormAsync(page, app.BaseUrl, admin.Email!);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            await page.GotoAsync($"{app.BaseUrl}/notes/{noteId}");
            var like = page.Locator("[data-testid=like-button][data-ready=true] button");
            await like.ClickAsync();
            await Assertions.Expect(like).ToHaveAttributeAsync("aria-pressed", "true");

            await page.GotoAsync($"{app.BaseUrl}/products/{product.Id}");
            await Assertions.Expect(page.Locator("[data-testid=product-page]")).ToBeVisibleAsync();

            // The sandbox's hosted page: its form post and the redirects to the return page stay within form-action 'self'.
            await page.GotoAsync($"{app.BaseUrl}/orders/{order.Number}/pay");
            await page.WaitForURLAsync("**/sandbox-pay/**");
            await page.ClickAsync("[data-testid=sandbox-pay]");
            await page.WaitForURLAsync($"**/payments/return/{order.Number}**");
            await page.WaitForSelectorAsync("[data-state=paid]", new PageWaitForSelectorOptions { Timeout = 20_000 });

            await page.GotoAsync(app.BaseUrl + "/notes/new");
            await page.Locator("[data-testid=compose][data-ready=true]").WaitForAsync();
            await page.SetInputFilesAsync("[data-testid=image-input]",
                [new FilePayload { Name = "one.jpg", MimeType = "image/jpeg", Buffer = TestImages.Solid(600, 800, ".jpg") }]);
            await Assertions.Expect(page.Locator("[data-testid=image-tile] img")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

            await page.GotoAsync(app.BaseUrl + "/admin");
            await Assertions.Expect(page.Locator("[data-testid=admin-figures] .bo-figure")).ToHaveCountAsync(6);
            await page.Locator(".bo-side a[href='/admin/users']").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=admin-users][data-ready=true]")).ToBeAttachedAsync();
            await page.GotoAsync(app.BaseUrl + "/admin/products");
            await Assertions.Expect(page.Locator("[data-testid=admin-products][data-ready=true]")).ToBeAttachedAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            lock (violations) Assert.True(violations.Count == 0, string.Join("\n", violations));

            // The control: an inline script without the nonce is refused and reported.
            var ran = await page.EvaluateAsync<bool>("""
                () => { const s = document.createElement('script'); s.textContent = 'window.__injected = true;'; document.body.appendChild(s); return window.__injected === true; }
                """);
            Assert.False(ran);
            for (var i = 0; i < 50 && Reported() == 0; i++) await Task.Delay(100);
            Assert.True(Reported() > 0, "the injected inline script was not reported");
        });
        await page.Context.CloseAsync();

        int Reported()
        {
            lock (violations) return violations.Count;
        }
    }
}
