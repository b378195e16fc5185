using System.Globalization;
using System.Security.Claims;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Bargains;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Sharing;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration;

/// <summary>
/// Absolute URLs that leave the page (email links, canonical and Open Graph tags, share links) are built on App:PublicOrigin
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

    [Fact]
    public async Task Register_ForgedHost_TheMailedConfirmationLinkIsOnThePublicOrigin()
    {
        using var client = AccountTestClient.Create(app);
        var email = AccountTestClient.NewEmail("confirm");
        client.Http.DefaultRequestHeaders.Host = ForgedHost;

        var sent = await client.RegisterAsync(email);

        Assert.Equal("/Account/RegisterConfirmation", sent.Path);
        client.Http.DefaultRequestHeaders.Host = null;
        var confirmation = await client.GetAsync("/Account/RegisterConfirmation?email=" + Uri.EscapeDataString(email));
        var link = confirmation.Document.QuerySelector("[data-testid=dev-confirmation-link] a")?.GetAttribute("href");
        Assert.NotNull(link);
        Assert.StartsWith(Origin + "/Account/ConfirmEmail?", link);
        Assert.DoesNotContain("evil", link, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SharePage_ForgedHost_TheShortLinkIsOnThePublicOrigin()
    {
        var sharer = await TestData.UserAsync(db, "sharer");
        var link = await app.Services.GetRequiredService<ShareService>()
            .GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Profile, sharer.Id, default);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = ForgedHost;

        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync($"/share/{link.Code}"));

        Assert.Equal($"{Origin}/s/{link.Code}", doc.QuerySelector("[data-testid=share-url]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task ShareQrCode_ForgedHost_EncodesTheShortLinkOnThePublicOrigin()
    {
        var sharer = await TestData.UserAsync(db, "qrsharer");
        var link = await app.Services.GetRequiredService<ShareService>()
            .GetOrCreateLinkAsync(sharer.Id, ShareTargetType.Profile, sharer.Id, default);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = ForgedHost;

        var png = await client.GetByteArrayAsync($"/s/{link.Code}/qr.png");

        // The publicly cacheable image is exactly the QR code of the link on the configured origin.
        Assert.Equal(QRCoder.PngByteQRCodeHelper.GetQRCode($"{Origin}/s/{link.Code}", QRCoder.QRCodeGenerator.ECCLevel.M, 8), png);
    }

    [Fact]
    public async Task BargainPage_ForgedHost_OpenGraphImageOnThePublicOrigin()
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var product = await CatalogTestData.SimpleAsync(db, "砍价台灯", 99m, 20);
        var admin = await TestData.UserAsync(db, "bgadmin");
        var owner = await TestData.UserAsync(db, "bgowner");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var bargains = app.Services.GetRequiredService<BargainService>();
        var campaign = await bargains.CreateCampaignAsync(principal,
            new BargainCampaignInput(product.Skus.Single().Id, 9.9m, 3, BargainCampaign.DefaultTimeLimitMinutes, now.AddHours(-1), now.AddDays(7), 10), default);
        var bargainId = await bargains.StartAsync(owner.Id, campaign, default);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = ForgedHost;

        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync($"/bargains/{bargainId.ToString(CultureInfo.InvariantCulture)}"));

        Assert.StartsWith(Origin + "/media/", doc.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
    }
}
