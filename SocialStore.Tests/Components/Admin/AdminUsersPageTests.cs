using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Components.Pages.Admin.Users;

namespace SocialStore.Tests.Components.Admin;

public sealed class AdminUsersPageTests : IAsyncLifetime
{
    private TestDatabase db = default!;
    private ApplicationUser boss = default!;
    private ApplicationUser alice = default!;

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            // The roles as the host's role seeder creates them at start.
            foreach (var role in Roles.All) context.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
            await context.SaveChangesAsync();
        }
        boss = await TestData.UserAsync(db.Factory, "boss", "店长");
        await AddRoleAsync(boss.Id, Roles.Admin);
        alice = await TestData.UserAsync(db.Factory, "alice", "爱丽丝");
        await TestData.UserAsync(db.Factory, "alina", "阿丽娜");
        var mod = await TestData.UserAsync(db.Factory, "mod", "老审");
        await AddRoleAsync(mod.Id, Roles.Moderator);
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    private async Task AddRoleAsync(string userId, string role)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        var roleId = await context.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        context.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
        await context.SaveChangesAsync();
    }

    private async Task<string[]> RolesOfAsync(string userId)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        return await context.UserRoles.Where(r => r.UserId == userId).Join(context.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToArrayAsync();
    }

    private async Task<int> AuditCountAsync()
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        return await context.AuditLog.CountAsync();
    }

    private ComponentTestContext Context(string culture = "zh-CN") =>
        new ComponentTestContext(culture).UseDatabase(db).UseMudBlazor().SignIn(boss.Id, Roles.Admin);

    /// <summary>Renders the page and waits until the grid has loaded its first page from the database.</summary>
    private static IRenderedComponent<AdminUsersPage> RenderLoaded(ComponentTestContext ctx)
    {
        var cut = ctx.Render<AdminUsersPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(Handles(cut)));
        return cut;
    }

    private static string[] Handles(IRenderedComponent<AdminUsersPage> cut) =>
        [.. cut.FindAll("tbody .admin-user-handle").Select(e => e.TextContent.Trim().TrimStart('@')).Order()];

    private static IElement Row(IRenderedComponent<AdminUsersPage> cut, string handle) =>
        cut.FindAll("tbody tr").Single(r => r.QuerySelector(".admin-user-handle")?.TextContent.Trim() == "@" + handle);

    private static IElement Dialog(IRenderedComponent<AdminUsersPage> cut)
    {
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".mud-dialog")));
        return cut.Find(".mud-dialog");
    }

    [Fact]
    public async Task Render_Chinese_ListsUsersWithRolesAndMudBlazorTextsInChinese()
    {
        await using var ctx = Context();

        var cut = RenderLoaded(ctx);

        Assert.Equal(["alice", "alina", "boss", "mod"], Handles(cut));
        Assert.Contains("每页行数", cut.Markup);
        Assert.Contains("第 1-4 条，共 4 条", cut.Markup);
        Assert.DoesNotContain("Rows per page", cut.Markup);
        Assert.Equal("审核员", AccessibleQueries.Collapse(Row(cut, "mod").QuerySelector(".mud-chip")!.TextContent));
        Assert.Equal("管理员", AccessibleQueries.Collapse(Row(cut, "boss").QuerySelector(".mud-chip")!.TextContent));
        Assert.NotNull(Row(cut, "alice").Button("设为审核员"));
        Assert.NotNull(Row(cut, "mod").Button("取消审核员"));
    }

    [Fact]
    public async Task Render_English_ListsUsersAndMudBlazorTextsInEnglish()
    {
        await using var ctx = Context("en-US");

        var cut = RenderLoaded(ctx);

        Assert.Equal(["alice", "alina", "boss", "mod"], Handles(cut));
        Assert.Contains("Rows per page", cut.Markup);
        Assert.DoesNotContain("每页行数", cut.Markup);
        Assert.NotNull(Row(cut, "alice").Button("Make Moderator"));
        Assert.NotNull(Row(cut, "alice").Button("Make Admin"));
        Assert.NotNull(Row(cut, "mod").Button("Remove Moderator"));
    }

    [Fact]
    public async Task Render_ViewersOwnRow_SaysItIsYouWithoutButtons()
    {
        await using var ctx = Context();

        var cut = RenderLoaded(ctx);

        var own = Row(cut, "boss");
        Assert.Empty(own.QuerySelectorAll("button"));
        Assert.Contains("这是你", own.TextContent);
        Assert.Equal(2, Row(cut, "alice").QuerySelectorAll("button").Length);
    }

    [Fact]
    public async Task Search_Typing_NarrowsTheGrid()
    {
        await using var ctx = Context();
        var cut = RenderLoaded(ctx);

        cut.Field("账号、昵称或邮箱").Input("ali");

        cut.WaitForAssertion(() => Assert.Equal(["alice", "alina"], Handles(cut)), TimeSpan.FromSeconds(5));

        cut.Field("账号、昵称或邮箱").Input("alice@example.test");

        cut.WaitForAssertion(() => Assert.Equal(["alice"], Handles(cut)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Filter_Moderators_ShowsOnlyModerators()
    {
        await using var ctx = Context();
        var cut = RenderLoaded(ctx);

        cut.Find(".mud-input-control.admin-users-filter").MouseDown(); // a MudSelect opens on mouse down
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == "审核员"));
        cut.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "审核员").Click();

        cut.WaitForAssertion(() => Assert.Equal(["mod"], Handles(cut)));
    }

    [Fact]
    public async Task MakeModerator_Confirmed_WritesTheRoleAndShowsTheSnackbar()
    {
        await using var ctx = Context();
        var cut = RenderLoaded(ctx);

        var click = Row(cut, "alice").Button("设为审核员").ClickAsync(new());
        var dialog = Dialog(cut);
        Assert.Contains("确定将 @alice 设为审核员吗？", dialog.TextContent);
        Assert.Empty(await RolesOfAsync(alice.Id)); // nothing before the confirmation
        await dialog.Button("确认").ClickAsync(new());
        await click;

        Assert.Equal([Roles.Moderator], await RolesOfAsync(alice.Id));
        Assert.Equal(1, await AuditCountAsync());
        cut.WaitForAssertion(() => Assert.Contains("@alice 现在是审核员。", cut.Find(".mud-snackbar").TextContent));
        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, "alice").Button("取消审核员")));
        Assert.Equal("审核员", AccessibleQueries.Collapse(Row(cut, "alice").QuerySelector(".mud-chip")!.TextContent));
        Assert.Empty(cut.FindAll(".mud-dialog"));
        Assert.Contains("@alice", cut.Find("[data-testid=role-changes]").TextContent);
    }

    [Fact]
    public async Task MakeModerator_English_ConfirmedWritesTheRole()
    {
        await using var ctx = Context("en-US");
        var cut = RenderLoaded(ctx);

        var click = Row(cut, "alice").Button("Make Moderator").ClickAsync(new());
        await Dialog(cut).Button("Confirm").ClickAsync(new());
        await click;

        Assert.Equal([Roles.Moderator], await RolesOfAsync(alice.Id));
        cut.WaitForAssertion(() => Assert.Contains("@alice is now Moderator.", cut.Find(".mud-snackbar").TextContent));
    }

    [Fact]
    public async Task MakeModerator_Cancelled_WritesNothing()
    {
        await using var ctx = Context();
        var cut = RenderLoaded(ctx);
        var stampBefore = await StampAsync(alice.Id);

        var click = Row(cut, "alice").Button("设为审核员").ClickAsync(new());
        await Dialog(cut).Button("取消").ClickAsync(new());
        await click;

        Assert.Empty(await RolesOfAsync(alice.Id));
        Assert.Equal(0, await AuditCountAsync());
        Assert.Equal(stampBefore, await StampAsync(alice.Id));
        Assert.Empty(cut.FindAll(".mud-dialog"));
        Assert.Empty(cut.FindAll(".mud-snackbar"));
        Assert.NotNull(Row(cut, "alice").Button("设为审核员"));
    }

    [Fact]
    public async Task RemoveModerator_Confirmed_DeletesTheRole()
    {
        await using var ctx = Context();
        var cut = RenderLoaded(ctx);

        var click = Row(cut, "mod").Button("取消审核员").ClickAsync(new());
        var dialog = Dialog(cut);
        Assert.Contains("确定取消 @mod 的审核员角色吗？", dialog.TextContent);
        await dialog.Button("确认").ClickAsync(new());
        await click;

        var mod = await RolesOfAsync((await UserIdAsync("mod")));
        Assert.Empty(mod);
        cut.WaitForAssertion(() => Assert.Contains("@mod 已不再是审核员。", cut.Find(".mud-snackbar").TextContent));
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(AuditActions.RoleRevoke, (await context.AuditLog.SingleAsync()).Action);
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        return await context.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
    }

    private async Task<string> UserIdAsync(string handle)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        return await context.Users.Where(u => u.Handle == handle).Select(u => u.Id).SingleAsync();
    }
}
