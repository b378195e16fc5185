using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Social;

/// <summary>A migrated database with the social services wired to it, and helpers to insert users and notes directly.</summary>
public sealed class SocialTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private SocialTestBed(TestDatabase db)
    {
        Db = db;
        Clock = new FakeTimeProvider(Start);
        Bus = new InProcessNotificationBus();
        Services = TestServices.Build(db, Clock, configure: s => s.AddSingleton<INotificationBus>(Bus));
        Notifications = Services.GetRequiredService<NotificationService>();
        Likes = Services.GetRequiredService<LikeService>();
        Collects = Services.GetRequiredService<CollectService>();
        Comments = Services.GetRequiredService<CommentService>();
        Follows = Services.GetRequiredService<FollowService>();
        Queries = new SocialQueries(db.Factory);
    }

    public TestDatabase Db { get; }

    /// <summary>The app's registration over <see cref="Db"/> with this bed's clock and bus.</summary>
    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public InProcessNotificationBus Bus { get; }

    public NotificationService Notifications { get; }

    public LikeService Likes { get; }

    public CollectService Collects { get; }

    public CommentService Comments { get; }

    public FollowService Follows { get; }

    public SocialQueries Queries { get; }

    public static async Task<SocialTestBed> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    public async Task<ApplicationUser> UserAsync(string handle, string? displayName = null) => (await UsersAsync([(handle, displayName ?? handle)]))[0];

    public async Task<List<ApplicationUser>> UsersAsync(IEnumerable<(string Handle, string DisplayName)> people)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        var users = people.Select(p => new ApplicationUser
        {
            UserName = $"{p.Handle}@x.test",
            Email = $"{p.Handle}@x.test",
            Handle = p.Handle,
            DisplayName = p.DisplayName,
            CreatedAt = Start,
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users;
    }

    public Task<List<ApplicationUser>> ManyUsersAsync(string prefix, int count) =>
        UsersAsync(Enumerable.Range(0, count).Select(i => ($"{prefix}{i:000}", $"{prefix} {i}")));

    public async Task<long> NoteAsync(string authorId, NoteStatus status = NoteStatus.Published, string title = "秋冬护肤")
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        var note = Note.Create(authorId, title, "正文", [new NoteImage { StorageKey = "seed/c.svg", Width = 3, Height = 4 }], Clock.GetUtcNow(), draft: status == NoteStatus.Draft);
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        if (status is NoteStatus.Hidden or NoteStatus.Deleted)
            await db.Notes.Where(n => n.Id == note.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, status));
        return note.Id;
    }

    public async Task<T> QueryAsync<T>(Func<SocialStoreDbContext, Task<T>> query)
    {
        await using var db = await Db.Factory.CreateDbContextAsync();
        return await query(db);
    }

    public Task<Note> ReadNoteAsync(long id) => QueryAsync(db => db.Notes.AsNoTracking().SingleAsync(n => n.Id == id));

    public Task<List<Notification>> NotificationsOfAsync(string userId) =>
        QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId).OrderBy(n => n.Id).ToListAsync());

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
