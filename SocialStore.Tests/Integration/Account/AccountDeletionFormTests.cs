using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.PersonalData;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Account;

/// <summary>The delete-my-account form and the consent records of a real sign-up (ADR-051).</summary>
public class AccountDeletionFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Register_RecordsTermsAndPrivacy_ShownInSettings_DeleteFormRefusesBadInput_ThenSchedules()
    {
        var email = AccountTestClient.NewEmail("deleter");
        using var client = await AccountTestClient.SignedInAsync(app, email);
        var userId = (await FindUserAsync(email))!.Id;
        await using (var db = await Factory().CreateDbContextAsync())
        {
            var consents = await db.Consents.AsNoTracking().Where(c => c.UserId == userId).Select(c => new { c.Kind, c.Granted, c.Version }).ToListAsync();
            Assert.Equal([ConsentKind.Terms, ConsentKind.Privacy], consents.Select(c => c.Kind).Order().ToList());
            Assert.All(consents, c => Assert.True(c.Granted && c.Version.Length > 0));
        }
        var settings = await client.GetAsync("/me/settings");
        Assert.Contains("用户协议", settings.TextOf("[data-testid=consent-history]"));

        const string url = "/Account/Manage/DeletePersonalData";
        var noChoice = await client.SubmitFormAsync(url, "delete-user", new() { ["Input.Password"] = TestAccounts.Password });
        Assert.Contains("请选择如何处理你发布的笔记、评论和评价", noChoice.Text);
        var wrongPassword = await client.SubmitFormAsync(url, "delete-user", new() { ["Input.Content"] = "Remove", ["Input.Password"] = "not-the-password-1" });
        Assert.Contains("密码不正确", wrongPassword.Text);
        var forged = await client.SubmitFormAsync(url, "delete-user", new() { ["Input.Content"] = "Everything", ["Input.Password"] = TestAccounts.Password });
        Assert.Contains("请选择如何处理", forged.Text);
        await using (var db = await Factory().CreateDbContextAsync())
            Assert.False(await db.AccountDeletions.AnyAsync(d => d.UserId == userId));

        var done = await client.SubmitFormAsync(url, "delete-user", new() { ["Input.Content"] = "Remove", ["Input.Password"] = TestAccounts.Password });

        Assert.Equal("/Account/DeletionRequested", done.Path);
        Assert.Contains("在此之前登录即可取消注销", done.Text);
        await using (var db = await Factory().CreateDbContextAsync())
        {
            var request = await db.AccountDeletions.AsNoTracking().SingleAsync(d => d.UserId == userId);
            Assert.Equal((DeletionStatus.Pending, DeletionContent.Remove), (request.Status, request.Content));
            Assert.Equal(TimeSpan.FromDays(14), request.DueAt - request.RequestedAt);
        }
        var signedOut = await client.GetAsync("/me/settings");
        Assert.StartsWith("/Account/Login", signedOut.Path);
    }

    private IDbContextFactory<SocialStoreDbContext> Factory() => app.Services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();

    private async Task<ApplicationUser?> FindUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
    }
}
