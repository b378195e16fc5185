using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration;

/// <summary>ADR-028: a site holding the generated community says so on every public page, in both languages.</summary>
public sealed class DemoCommunityTests
{
    private const string ZhBanner = "演示站点：用户、笔记和商品均为生成的示例数据";
    private const string EnBanner = "Demo site: the people, notes and products are generated examples";

    [Fact]
    public async Task Banner_GeneratedPeople_ShowsInBothLanguagesAlsoFromTheOutputCache()
    {
        await using var app = new AppFactory { Settings = { ["Caching:AnonymousPages"] = "true" } };
        _ = app.Server;
        await UserAsync(app, "seeded@demo.socialstore.example", password: false);

        foreach (var (culture, banner) in new[] { ("zh-CN", ZhBanner), ("en-US", EnBanner) })
        {
            var client = Client(app, culture);
            Assert.Contains(banner, await client.GetStringAsync("/shop"));
            app.Commands.Reset();
            Assert.Contains(banner, await client.GetStringAsync("/shop"));
            Assert.Equal(0, app.Commands.Count); // served from the output cache
        }
    }

    [Fact]
    public async Task Banner_OnlyRealPeople_IsAbsentInBothLanguages()
    {
        await using var app = new AppFactory();
        _ = app.Server;
        await TestData.UserAsync(app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>(), "real_person");
        // Sign-up always sets a password: an address at the reserved domain alone is not the marker.
        await UserAsync(app, "signed-up@demo.socialstore.example", password: true);

        foreach (var culture in new[] { "zh-CN", "en-US" })
        {
            var html = await Client(app, culture).GetStringAsync("/");
            Assert.DoesNotContain("data-testid=\"demo-banner\"", html);
            Assert.DoesNotContain(ZhBanner, html);
            Assert.DoesNotContain(EnBanner, html);
        }
    }

    private static HttpClient Client(AppFactory app, string culture)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    private static async Task UserAsync(AppFactory app, string email, bool password)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Users.Add(new ApplicationUser
        {
            UserName = email,
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            NormalizedUserName = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            PasswordHash = password ? "AQAAAAIAAYagAAAAE-not-a-real-hash" : null,
            Handle = email.Split('@')[0].Replace("-", "_", StringComparison.Ordinal),
            DisplayName = "X",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
