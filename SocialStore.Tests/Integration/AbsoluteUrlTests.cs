using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration;

/// <summary>
/// Absolute URLs that leave the page (email links, canonical and Open Graph tags) are built on App:PublicOrigin
/// when it is configured, never on a forged <c>Host</c> header (issue: a reset mail pointing at evil.example).
/// </summary>
public sealed class AbsoluteUrlTests : AppPageTest
{
    private const string Origin = "https://shop.example.test";
    private const string ForgedHost = "evil.example:4443";
    protected override void Configure()
    {
        app.Settings["App:PublicOrigin"] = Origin;
    }

    [Fact]
    public async Task ForgotPassword_ForgedHost_TheMailedLinkIsOnThePublicOrigin()
    {
        using var client = AccountTestClient.Create(app);
        var email = AccountTestClient.NewEmail("origin");
        await client.RegisterAndConfirmAsync(email);
        client.Http.DefaultRequestHeaders.Host = ForgedHost;

        var sent = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = email });

        Assert.Equal("/Account/ForgotPasswordConfirmation", sent.Path);
        // The development page shows the link that was mailed (DevLinks, a cookie this client holds for localhost,
        // which the redirect to the forged host did not carry): it points at the configured origin.
        client.Http.DefaultRequestHeaders.Host = null;
        var confirmation = await client.GetAsync("/Account/ForgotPasswordConfirmation");
        var link = confirmation.Document.QuerySelector("[data-testid=dev-reset-link] a")?.GetAttribute("href");
        Assert.NotNull(link);
        Assert.StartsWith(Origin + "/Account/ResetPassword?", link);
        Assert.DoesNotContain("evil", link, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ProductPage_ForgedHost_CanonicalAndOpenGraphOnThePublicOrigin()
    {
        var db = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var product = await CatalogTestData.ProductAsync(db, "保温杯", [CatalogTestData.Colour], [new(["红"], 99m, 99m, 3)], ProductStatus.OnSale);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = ForgedHost;

        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync($"/products/{product.Id}"));

        Assert.Equal($"{Origin}/products/{product.Id}", doc.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.Equal($"{Origin}/products/{product.Id}", doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.StartsWith(Origin + "/media/", doc.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
    }
}
