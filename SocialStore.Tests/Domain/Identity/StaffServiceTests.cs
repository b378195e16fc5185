using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace SocialStore.Tests.Domain.Identity;

public sealed class StaffServiceTests
{

    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private sealed record Bed(TestDatabase Db, StaffService Staff, FakeTimeProvider Clock, ApplicationUser Admin, ClaimsPrincipal AdminPrincipal, ApplicationUser Target);

    private static async Task<Bed> ArrangeAsync(TestDatabase db, bool seedRoles = true)
    {
        if (seedRoles) await SeedRolesAsync(db.Factory);
        var admin = await TestData.UserAsync(db.Factory, "boss", "店长");
        if (seedRoles) await AddRoleAsync(db.Factory, admin.Id, Roles.Admin);
        var target = await TestData.UserAsync(db.Factory, "alice", "爱丽丝");
        var clock = new FakeTimeProvider(Now);
        return new Bed(db, new StaffService(db.Factory, clock), clock, admin, Principal(admin.Id, Roles.Admin), target);
    }

    /// <summary>What the app's cookie carries: the user's id and roles, signed in.</summary>
    private static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    /// <summary>The roles as the web host's role seeder creates them at start.</summary>
    private static async Task SeedRolesAsync(IDbContextFactory<SocialStoreDbContext> factory)
    {
        await using var context = await factory.CreateDbContextAsync();
        foreach (var role in Roles.All)
            context.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        await context.SaveChangesAsync();
    }

    private static async Task AddRoleAsync(IDbContextFactory<SocialStoreDbContext> factory, string userId, string role)
    {
        await using var context = await factory.CreateDbContextAsync();
        var roleId = await context.Roles.Where(r => r.NormalizedName == role.ToUpperInvariant()).Select(r => r.Id).SingleAsync();
        context.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
        await context.SaveChangesAsync();
    }

    private sealed record Snapshot(IReadOnlyList<string> Roles, string? SecurityStamp, IReadOnlyList<AuditEntry> Audit);

    private static async Task<Snapshot> SnapshotAsync(TestDatabase db, string userId)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        var roles = await context.UserRoles.Where(r => r.UserId == userId)
            .Join(context.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToListAsync();
        var stamp = await context.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
        var audit = await context.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        return new Snapshot(roles, stamp, audit);
    }

    [Fact]
    public async Task SetRoleAsync_Grant_WritesRoleRowNewSecurityStampAndOneAuditEntry()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var before = await SnapshotAsync(db, bed.Target.Id);

        var changed = await bed.Staff.SetRoleAsync(bed.AdminPrincipal, bed.Target.Id, Roles.Moderator, true, CancellationToken.None);

        Assert.True(changed);
        var after = await SnapshotAsync(db, bed.Target.Id);
        Assert.Equal([Roles.Moderator], after.Roles);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        var entry = Assert.Single(after.Audit);
        Assert.Equal((bed.Admin.Id, AuditActions.RoleGrant, AuditTargets.User, bed.Target.Id, "", Roles.Moderator),
            (entry.ActorId, entry.Action, entry.TargetType, entry.TargetId, entry.Before, entry.After));
        Assert.Equal(Now, entry.At);
    }

    [Fact]
    public async Task SetRoleAsync_Revoke_DeletesRoleRowNewSecurityStampAndOneAuditEntry()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        await AddRoleAsync(db.Factory, bed.Target.Id, Roles.Admin);
        await AddRoleAsync(db.Factory, bed.Target.Id, Roles.Moderator);
        var before = await SnapshotAsync(db, bed.Target.Id);

        var changed = await bed.Staff.SetRoleAsync(bed.AdminPrincipal, bed.Target.Id, Roles.Admin, false, CancellationToken.None);

        Assert.True(changed);
        var after = await SnapshotAsync(db, bed.Target.Id);
        Assert.Equal([Roles.Moderator], after.Roles);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        var entry = Assert.Single(after.Audit);
        Assert.Equal((bed.Admin.Id, AuditActions.RoleRevoke, AuditTargets.User, bed.Target.Id, Roles.Admin, ""),
            (entry.ActorId, entry.Action, entry.TargetType, entry.TargetId, entry.Before, entry.After));
    }

    [Fact]
    public async Task SetRoleAsync_GrantTwice_SecondReturnsFalseAndWritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        Assert.True(await bed.Staff.SetRoleAsync(bed.AdminPrincipal, bed.Target.Id, Roles.Moderator, true, CancellationToken.None));
        var first = await SnapshotAsync(db, bed.Target.Id);

        var again = await bed.Staff.SetRoleAsync(bed.AdminPrincipal, bed.Target.Id, Roles.Moderator, true, CancellationToken.None);

        Assert.False(again);
        var second = await SnapshotAsync(db, bed.Target.Id);
        Assert.Equal([Roles.Moderator], second.Roles);
        Assert.Equal(first.SecurityStamp, second.SecurityStamp);
        Assert.Single(second.Audit);
    }

    [Fact]
    public async Task SetRoleAsync_RevokeRoleNotHeld_ReturnsFalseAndWritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var before = await SnapshotAsync(db, bed.Target.Id);

        Assert.False(await bed.Staff.SetRoleAsync(bed.AdminPrincipal, bed.Target.Id, Roles.Admin, false, CancellationToken.None));

        var after = await SnapshotAsync(db, bed.Target.Id);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Empty(after.Roles);
        Assert.Empty(after.Audit);
    }

    public static TheoryData<string> Outsiders => new() { "moderator", "member", "anonymous", "admin-without-id" };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task SetRoleAsync_CallerIsNotASignedInAdmin_RefusedWithAdminOnlyAndNothingWritten(string who)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var moderator = await TestData.UserAsync(db.Factory, "mod");
        await AddRoleAsync(db.Factory, moderator.Id, Roles.Moderator);
        var actor = who switch
        {
            "moderator" => Principal(moderator.Id, Roles.Moderator),
            "member" => Principal(moderator.Id),
            "anonymous" => new ClaimsPrincipal(new ClaimsIdentity()),
            // Claims that say Admin but on an identity that is not authenticated (no authentication type).
            _ => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Admin)])),
        };
        var before = await SnapshotAsync(db, bed.Target.Id);

        var grant = await Assert.ThrowsAsync<DomainException>(() => bed.Staff.SetRoleAsync(actor, bed.Target.Id, Roles.Admin, true, CancellationToken.None));
        var list = await Assert.ThrowsAsync<DomainException>(() => bed.Staff.ListAsync(actor, new StaffUserQuery(), CancellationToken.None));
        var recent = await Assert.ThrowsAsync<DomainException>(() => bed.Staff.RecentChangesAsync(actor, 10, CancellationToken.None));

        Assert.All(new[] { grant, list, recent }, e => Assert.Equal(StaffErrors.AdminOnly, e.Code));
        var after = await SnapshotAsync(db, bed.Target.Id);
        Assert.Empty(after.Roles);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Empty(after.Audit);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SetRoleAsync_OwnRoles_RefusedWithNotYourselfAndNothingWritten(bool member)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var before = await SnapshotAsync(db, bed.Admin.Id);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            bed.Staff.SetRoleAsync(bed.AdminPrincipal, bed.Admin.Id, member ? Roles.Moderator : Roles.Admin, member, CancellationToken.None));

        Assert.Equal(StaffErrors.NotYourself, error.Code);
        var after = await SnapshotAsync(db, bed.Admin.Id);
        Assert.Equal([Roles.Admin], after.Roles);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Empty(after.Audit);
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("admin")]
    [InlineData("")]
    public async Task SetRoleAsync_UnknownRole_RefusedWithUnknownRoleAndNothingWritten(string role)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Staff.SetRoleAsync(bed.AdminPrincipal, bed.Target.Id, role, true, CancellationToken.None));

        Assert.Equal(StaffErrors.UnknownRole, error.Code);
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(2, await context.Roles.CountAsync());
        var after = await SnapshotAsync(db, bed.Target.Id);
        Assert.Empty(after.Roles);
        Assert.Empty(after.Audit);
    }

    [Fact]
    public async Task SetRoleAsync_MissingUser_RefusedWithUserNotFoundAndNothingWritten()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Staff.SetRoleAsync(bed.AdminPrincipal, "no-such-user", Roles.Moderator, true, CancellationToken.None));

        Assert.Equal(StaffErrors.UserNotFound, error.Code);
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(1, await context.UserRoles.CountAsync()); // the acting admin's own
        Assert.Empty(await context.AuditLog.ToListAsync());
    }

    [Fact]
    public async Task SetRoleAsync_RolesNotSeededYet_CreatesTheRoleAndGrants()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await TestData.UserAsync(db.Factory, "boss");
        var target = await TestData.UserAsync(db.Factory, "alice");
        var staff = new StaffService(db.Factory, new FakeTimeProvider(Now));

        Assert.True(await staff.SetRoleAsync(Principal(admin.Id, Roles.Admin), target.Id, Roles.Moderator, true, CancellationToken.None));

        Assert.Equal([Roles.Moderator], (await SnapshotAsync(db, target.Id)).Roles);
    }

    [Fact]
    public async Task ListAsync_Filters_ReturnStaffAdminsOrModeratorsOnly()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db); // boss: Admin; alice: nobody
        var mod = await TestData.UserAsync(db.Factory, "mod");
        await AddRoleAsync(db.Factory, mod.Id, Roles.Moderator);
        var both = await TestData.UserAsync(db.Factory, "both");
        await AddRoleAsync(db.Factory, both.Id, Roles.Admin);
        await AddRoleAsync(db.Factory, both.Id, Roles.Moderator);

        async Task<string[]> HandlesAsync(StaffRoleFilter filter)
        {
            var page = await bed.Staff.ListAsync(bed.AdminPrincipal, new StaffUserQuery(Filter: filter), CancellationToken.None);
            Assert.Equal(page.Items.Count, page.Total);
            return [.. page.Items.Select(i => i.Handle).Order()];
        }

        Assert.Equal(["alice", "boss", "both", "mod"], await HandlesAsync(StaffRoleFilter.Everyone));
        Assert.Equal(["boss", "both", "mod"], await HandlesAsync(StaffRoleFilter.Staff));
        Assert.Equal(["boss", "both"], await HandlesAsync(StaffRoleFilter.Admins));
        Assert.Equal(["both", "mod"], await HandlesAsync(StaffRoleFilter.Moderators));
        var rows = (await bed.Staff.ListAsync(bed.AdminPrincipal, new StaffUserQuery(), CancellationToken.None)).Items.ToDictionary(r => r.Handle);
        Assert.Equal((true, true), (rows["both"].IsAdmin, rows["both"].IsModerator));
        Assert.Equal((false, true), (rows["mod"].IsAdmin, rows["mod"].IsModerator));
        Assert.Equal((false, false), (rows["alice"].IsAdmin, rows["alice"].IsModerator));
    }

    [Theory]
    [InlineData("ali", new[] { "alice", "alina" })]
    [InlineData("@ALI", new[] { "alice", "alina" })]
    [InlineData("alin", new[] { "alina" })]
    [InlineData("lice", new string[0])] // a handle matches from its start only
    [InlineData("alice@example.test", new[] { "alice" })]
    [InlineData("ALINA@EXAMPLE.TEST", new[] { "alina" })]
    [InlineData("example.test", new string[0])] // an email matches whole, never in part
    [InlineData("小", new[] { "bob" })] // display names match anywhere
    public async Task ListAsync_Search_MatchesHandlePrefixWholeEmailOrDisplayName(string text, string[] expected)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        await TestData.UserAsync(db.Factory, "alina", "阿丽娜");
        await TestData.UserAsync(db.Factory, "bob", "大小王");

        var page = await bed.Staff.ListAsync(bed.AdminPrincipal, new StaffUserQuery(text), CancellationToken.None);

        Assert.Equal(expected, page.Items.Select(i => i.Handle).Order());
        Assert.Equal(expected.Length, page.Total);
    }

    [Fact]
    public async Task ListAsync_Paging_ReturnsNewestFirstAndTheTotal()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        for (var i = 0; i < 5; i++) await TestData.UserAsync(db.Factory, $"user{i}");

        var pages = new List<StaffUserPage>();
        for (var skip = 0; skip < 9; skip += 3)
            pages.Add(await bed.Staff.ListAsync(bed.AdminPrincipal, new StaffUserQuery(Skip: skip, Take: 3), CancellationToken.None));

        Assert.All(pages, p => Assert.Equal(7, p.Total));
        Assert.Equal([["user4", "user3", "user2"], ["user1", "user0", "alice"], ["boss"]], pages.Select(p => p.Items.Select(i => i.Handle).ToArray()));
    }

    [Fact]
    public async Task RecentChangesAsync_ListsGrantsAndRevokesNewestFirstWithHandles()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        await bed.Staff.SetRoleAsync(bed.AdminPrincipal, bed.Target.Id, Roles.Moderator, true, CancellationToken.None);
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        await bed.Staff.SetRoleAsync(bed.AdminPrincipal, bed.Target.Id, Roles.Moderator, false, CancellationToken.None);

        var changes = await bed.Staff.RecentChangesAsync(bed.AdminPrincipal, 10, CancellationToken.None);

        Assert.Equal(
            [new StaffAuditRow(Now.AddMinutes(1), "boss", AuditActions.RoleRevoke, "alice", Roles.Moderator, ""),
             new StaffAuditRow(Now, "boss", AuditActions.RoleGrant, "alice", "", Roles.Moderator)],
            changes);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetRoleAsync_EightAdminsGrantTheSameRoleAtOnce_OneRoleRowAndOneAuditEntry(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var admins = new List<ClaimsPrincipal>();
        for (var i = 0; i < 8; i++)
        {
            var admin = await TestData.UserAsync(db.Factory, $"admin{i}");
            await AddRoleAsync(db.Factory, admin.Id, Roles.Admin);
            admins.Add(Principal(admin.Id, Roles.Admin));
        }
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = admins.Select(admin => Task.Run(async () =>
        {
            await start.Task;
            return await bed.Staff.SetRoleAsync(admin, bed.Target.Id, Roles.Moderator, true, CancellationToken.None);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls); // any exception fails the test here

        Assert.Single(results, r => r);
        var after = await SnapshotAsync(db, bed.Target.Id);
        Assert.Equal([Roles.Moderator], after.Roles);
        var entry = Assert.Single(after.Audit);
        Assert.Equal((AuditActions.RoleGrant, bed.Target.Id, Roles.Moderator), (entry.Action, entry.TargetId, entry.After));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetRoleAsync_EightAdminsGrantBeforeTheRoleExists_OneRoleOneRowOneAuditEntry(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db, seedRoles: false);
        var admins = new List<ClaimsPrincipal>();
        for (var i = 0; i < 8; i++) admins.Add(Principal((await TestData.UserAsync(db.Factory, $"admin{i}")).Id, Roles.Admin));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = admins.Select(admin => Task.Run(async () =>
        {
            await start.Task;
            return await bed.Staff.SetRoleAsync(admin, bed.Target.Id, Roles.Moderator, true, CancellationToken.None);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Single(results, r => r);
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(1, await context.Roles.CountAsync(r => r.NormalizedName == "MODERATOR"));
        var after = await SnapshotAsync(db, bed.Target.Id);
        Assert.Equal([Roles.Moderator], after.Roles);
        Assert.Single(after.Audit);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetRoleAsync_EightAdminsRevokeTheSameRoleAtOnce_RowGoneAndOneAuditEntry(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        await AddRoleAsync(db.Factory, bed.Target.Id, Roles.Admin);
        var admins = new List<ClaimsPrincipal>();
        for (var i = 0; i < 8; i++) admins.Add(Principal((await TestData.UserAsync(db.Factory, $"admin{i}")).Id, Roles.Admin));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = admins.Select(admin => Task.Run(async () =>
        {
            await start.Task;
            return await bed.Staff.SetRoleAsync(admin, bed.Target.Id, Roles.Admin, false, CancellationToken.None);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Single(results, r => r);
        var after = await SnapshotAsync(db, bed.Target.Id);
        Assert.Empty(after.Roles);
        Assert.Equal(AuditActions.RoleRevoke, Assert.Single(after.Audit).Action);
    }
}
