using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation;

/// <summary>A migrated database with the moderation services, two moderators, an author with a note and reporters.</summary>
public sealed class ModerationTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private ModerationTestBed(TestDatabase db, ModerationOptions settings, int reportsPerHour)
    {
        Db = db;
        Settings = settings;
        Clock = new FakeTimeProvider(Now);
        var services = TestServices.Build(
            db, Clock, new Dictionary<string, string?> { ["Limits:Report:Limit"] = reportsPerHour.ToString(CultureInfo.InvariantCulture) },
            s => s.AddSingleton<INotificationBus>(new InProcessNotificationBus()).AddSingleton(Options.Create(settings)));
        Notifications = services.GetRequiredService<NotificationService>();
        Reports = services.GetRequiredService<ReportService>();
        Moderation = new ModerationService(db.Factory, Clock, Notifications, Options.Create(settings));
        Comments = services.GetRequiredService<CommentService>();
        Likes = services.GetRequiredService<LikeService>();
    }

    public TestDatabase Db { get; }

    public ModerationOptions Settings { get; }

    public FakeTimeProvider Clock { get; }

    public NotificationService Notifications { get; }

    public ReportService Reports { get; }

    public ModerationService Moderation { get; }

    public CommentService Comments { get; }

    public LikeService Likes { get; }

    public ApplicationUser Author { get; private set; } = null!;

    public ApplicationUser Mod1 { get; private set; } = null!;

    public ApplicationUser Mod2 { get; private set; } = null!;

    public long NoteId { get; private set; }

    public string NoteKey => NoteId.ToString(CultureInfo.InvariantCulture);

    public ClaimsPrincipal Mod1Principal => Principal(Mod1.Id, Roles.Moderator);

    public ClaimsPrincipal Mod2Principal => Principal(Mod2.Id, Roles.Admin);

    public static async Task<ModerationTestBed> CreateAsync(DatabaseProvider provider, double hideThreshold = 6, int reportsPerHour = 20)
    {
        var bed = new ModerationTestBed(await TestDatabase.CreateAsync(provider), new ModerationOptions { HideThreshold = hideThreshold }, reportsPerHour);
        await bed.ArrangeAsync();
        return bed;
    }

    private async Task ArrangeAsync()
    {
        await using (var db = await Db.Factory.CreateDbContextAsync())
        {
            foreach (var role in Roles.All)
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
            await db.SaveChangesAsync();
        }
        Author = await UserAsync("author");
        Mod1 = await UserAsync("mod1");
        Mod2 = await UserAsync("mod2");
        await AddRoleAsync(Mod1.Id, Roles.Moderator);
        await AddRoleAsync(Mod2.Id, Roles.Admin);
        NoteId = (await TestData.NoteAsync(Db.Factory, Author.Id, "秋冬护肤", at: Now.AddDays(-1))).Id;
    }

    /// <summary>A user whose account is <paramref name="ageDays"/> old (0: brand new, no trust).</summary>
    public async Task<ApplicationUser> UserAsync(string handle, int ageDays = 0)
    {
        var user = await TestData.UserAsync(Db.Factory, handle);
        await using var db = await Db.Factory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, Now.AddDays(-ageDays)));
        return user;
    }

    public async Task AddRoleAsync(string userId, string role)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        var roleId = await db.Roles.Where(r => r.NormalizedName == role.ToUpperInvariant()).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
        await db.SaveChangesAsync();
    }

    public static ClaimsPrincipal Principal(string userId, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    public Task<ReportResult> ReportNoteAsync(string reporterId, ReportReason reason = ReportReason.Spam, string? text = null) =>
        Reports.ReportAsync(reporterId, new ReportInput(ReportTargetType.Note, NoteKey, reason, text), CancellationToken.None);

    public async Task<NoteStatus> NoteStatusAsync()
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        return await db.Notes.Where(n => n.Id == NoteId).Select(n => n.Status).SingleAsync();
    }

    public async Task<T> QueryAsync<T>(Func<SocialStoreDbContext, Task<T>> query)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();
}
