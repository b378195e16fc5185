using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Moderation.Screening;
using SocialStore.Domain.Referrals.Invites;
using SocialStore.Tests.Infrastructure;
using SocialStore.Tests.Integration.Social;

namespace SocialStore.Tests.Integration.Moderation;

/// <summary>
/// ADR-055 through the real app: an invitee who signs in in the browser its inviter used gets an automatic flag,
/// which the moderators' queue shows with its "automatic" chip; an invitee in another browser gets none.
/// </summary>
public sealed class DeviceFlagPageTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public Task InitializeAsync()
    {
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task InviteeSigningInInTheInvitersBrowser_IsFlagged_AndTheQueueShowsTheAutomaticChip()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var inviter = await SocialApp.UserAsync(app, "inv" + suffix, "邀请人");
        var alt = await SocialApp.UserAsync(app, "alt" + suffix, "小号");
        var friend = await SocialApp.UserAsync(app, "fr" + suffix, "朋友");
        var invites = SocialApp.Service<InviteService>(app);
        var code = await invites.CodeForAsync(inviter.Id, CancellationToken.None);
        await invites.BindAtSignUpAsync(alt.Id, code, CancellationToken.None);
        await invites.BindAtSignUpAsync(friend.Id, code, CancellationToken.None);

        // One browser: the inviter, then the invited account. Another browser: the friend.
        var cookies = new CookieContainer();
        using (var browser = AccountTestClient.Create(app, cookies))
        {
            Assert.Equal("/", (await browser.LoginAsync(inviter.Email!, TestAccounts.Password)).Path);
            await browser.SignOutAsync();
            Assert.Equal("/", (await browser.LoginAsync(alt.Email!, TestAccounts.Password)).Path);
        }
        var device = cookies.GetAllCookies().Single(c => c.Name == "ss_device");
        Assert.True(device.HttpOnly);
        using (var other = AccountTestClient.Create(app))
            Assert.Equal("/", (await other.LoginAsync(friend.Email!, TestAccounts.Password)).Path);

        var factory = app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var flagged = await db.Set<Reviewable>().Where(r => r.TargetType == ReportTargetType.User).Select(r => r.TargetKey).ToListAsync();
            Assert.Equal([alt.Id], flagged);
            Assert.Equal(ScreenReason.SelfInvite, await db.Set<ScreeningFlag>().Select(f => f.Reason).SingleAsync());
            Assert.Null(await db.Users.Where(u => u.Id == alt.Id).Select(u => u.LockoutEnd).SingleAsync());
        }

        using var admin = await TestAdmins.ClientAsync(app);
        var queue = await admin.GetAsync("/admin/moderation");
        var row = Assert.Single(queue.Document.QuerySelectorAll("[data-testid=queue-item]"));
        Assert.Equal($"User:{alt.Id}", row.GetAttribute("data-target"));
        Assert.Equal("自动", row.QuerySelector("[data-testid=chip-automatic]")?.TextContent.Trim());
        Assert.Null(row.QuerySelector("[data-testid=chip-reported]"));
    }
}
