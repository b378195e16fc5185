using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Moderation;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.Integration.Moderation;

/// <summary>Who may open the moderation pages, and a ban through the whole app: the sign-in is refused.</summary>
public sealed class ModerationAccessTests : AppPageTest
{
    private static readonly string[] Pages = ["/admin/moderation", "/admin/audit", "/admin/moderation/1"];
    [Fact]
    public async Task ModerationPages_AnonymousSignsIn_ShopperIsDenied_ModeratorAndAdminOpen()
    {
        using var anonymous = AccountTestClient.Create(app);
        foreach (var url in Pages)
            Assert.StartsWith("/Account/Login", (await anonymous.GetAsync(url)).Path);

        var shopper = await SocialApp.UserAsync(app, "shop" + Guid.NewGuid().ToString("N")[..8], "买家");
        using var shopperClient = AccountTestClient.Create(app);
        await shopperClient.LoginAsync(shopper.Email!, TestAccounts.Password);
        foreach (var url in Pages)
            Assert.StartsWith("/Account/AccessDenied", (await shopperClient.GetAsync(url)).Path);

        var moderator = await SocialApp.UserAsync(app, "mod" + Guid.NewGuid().ToString("N")[..8], "审核员");
        await AddRoleAsync(moderator.Id, Roles.Moderator);
        using var moderatorClient = AccountTestClient.Create(app);
        await moderatorClient.LoginAsync(moderator.Email!, TestAccounts.Password);
        using var admin = await TestAdmins.ClientAsync(app);
        foreach (var client in new[] { moderatorClient, admin })
        {
            Assert.Equal("/admin/moderation", (await client.GetAsync("/admin/moderation")).Path);
            Assert.Contains("审核队列", (await client.GetAsync("/admin/moderation")).Text);
            Assert.Contains("审计日志", (await client.GetAsync("/admin/audit")).Text);
        }
    }

    [Fact]
    public async Task Ban_RefusesTheSignIn()
    {
        var author = await SocialApp.UserAsync(app, "banme" + Guid.NewGuid().ToString("N")[..8], "违规者");
        var reporter = await SocialApp.UserAsync(app, "rep" + Guid.NewGuid().ToString("N")[..8], "举报人");
        var admin = await TestAdmins.UserAsync(app);
        var report = await SocialApp.Service<ReportService>(app).ReportAsync(reporter.Id,
            new ReportInput(ReportTargetType.User, author.Id, ReportReason.Fraud, "售假"), CancellationToken.None);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

        await SocialApp.Service<ModerationService>(app).DecideAsync(principal, new DecisionInput(report.ReviewableId, ModerationAction.Ban, "售卖假货"), CancellationToken.None);

        using var client = AccountTestClient.Create(app);
        var page = await client.LoginAsync(author.Email!, TestAccounts.Password);
        Assert.StartsWith("/Account/Lockout", page.Path);
    }

    // Staff have two-factor sign-in on, as the back office requires (the sign-in helpers answer it).
    private Task AddRoleAsync(string userId, string role) => TestAdmins.MakeStaffAsync(app, userId, role);
}
