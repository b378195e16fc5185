using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Coupons;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Levels;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Coupons;

/// <summary>
/// A member-only campaign over HTTP (ADR-062): the coupon centre names the level needed, a claim below it is refused with
/// the localised message and changes nothing, the level page lists the coupon as the level's privilege, and once the
/// shopper's growth reaches the level the same claim succeeds.
/// </summary>
public sealed class MemberOnlyCouponPageTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public Task InitializeAsync()
    {
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task BelowTheLevel_ClaimRefusedAndNothingIssued_AtTheLevel_Claimed_LevelPageListsIt()
    {
        var admin = await TestAdmins.UserAsync(app);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var now = DateTimeOffset.UtcNow;
        var template = await app.Services.GetRequiredService<CouponService>().CreateAsync(principal, new CouponTemplateInput(
            "V1专享券", CouponKind.NoThreshold, 0m, 8m, 0, 0m, CouponScope.AllProducts, null, [], now.AddHours(-1), now.AddDays(7), null, 10, 1, MinLevelRank: 1), default);

        var email = AccountTestClient.NewEmail("member");
        using var shopper = await AccountTestClient.SignedInAsync(app, email);
        var centre = await shopper.GetAsync("/coupons");
        Assert.Equal("V1 及以上会员专享", centre.TextOf($"[data-template='{template}'] [data-testid=coupon-level]"));

        var refused = await shopper.SubmitFormAsync("/coupons", "/coupons/claim", new() { ["template"] = template.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal("该券为会员专享（等级见券面），你的会员等级还未达到。购物和分享都能提升等级。", refused.TextOf("[data-testid=coupon-error]"));
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Coupons.CountAsync(c => c.TemplateId == template));
            Assert.Equal(0, await db.CouponTemplates.Where(t => t.Id == template).Select(t => t.Issued).SingleAsync());
        }

        var level = await shopper.GetAsync("/me/level");
        var rows = level.Document.QuerySelectorAll("[data-testid=level-row]");
        Assert.Equal(LevelRules.Defaults.Count, rows.Length);
        Assert.NotNull(rows[0].QuerySelector("[data-testid=level-current]"));
        Assert.Contains("V1专享券", rows[1].QuerySelector("[data-testid=privilege-coupons]")!.TextContent);
        Assert.Null(rows[0].QuerySelector("[data-testid=privilege-coupons]"));

        // 500 growth reaches V1 (inclusive): the same claim now succeeds.
        await using (var db = await factory.CreateDbContextAsync())
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            Assert.True(await GrowthLedger.AppendAsync(db, userId, 500, GrowthKind.Purchase, "test-growth:" + userId, now, default));
        }
        var claimed = await shopper.SubmitFormAsync("/coupons", "/coupons/claim", new() { ["template"] = template.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.NotNull(claimed.Document.QuerySelector("[data-testid=coupon-claimed]"));
        Assert.Null(claimed.Document.QuerySelector("[data-testid=coupon-error]"));
        Assert.NotNull((await shopper.GetAsync("/me/level")).Document.QuerySelectorAll("[data-testid=level-row]")[1].QuerySelector("[data-testid=level-current]"));

        using var english = AccountTestClient.Create(app, "en-US");
        Assert.Equal("V1 members and above", (await english.GetAsync("/coupons")).TextOf($"[data-template='{template}'] [data-testid=coupon-level]"));
    }
}
