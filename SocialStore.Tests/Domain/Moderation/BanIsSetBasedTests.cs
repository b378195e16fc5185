using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation;

/// <summary>
/// ADR-063: a ban hides, and its lifting restores, an author's content with a fixed number of SQL commands however
/// much there is — an author of 2,300 notes and comments costs what an author of four does — and every counter
/// still equals its rows.
/// </summary>
public sealed class BanIsSetBasedTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BanAndUnban_OfAnAuthorOf2300Items_CostTheCommandsOfAnAuthorOfFour_CountersEqualRows(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var factory = bed.Db.Factory;
        var reporter = await bed.UserAsync("reporter", ageDays: 400);
        var host = await bed.UserAsync("host", ageDays: 400);
        var prolific = await bed.UserAsync("prolific", ageDays: 400);
        var hostNotes = await SeedAsync(factory, host.Id, notes: 20, others: [], commentsPerNote: 0, []);
        await SeedAsync(factory, host.Id, notes: 0, others: hostNotes, commentsPerNote: 2, []);
        // The small author: the bed's note and three comments on one host note. The prolific one: 300 notes,
        // 1,600 comments over the 20 host notes and 400 replies to the host's comments.
        await SeedAsync(factory, bed.Author.Id, notes: 0, others: hostNotes[..1], commentsPerNote: 3, []);
        await SeedAsync(factory, prolific.Id, notes: 300, others: hostNotes, commentsPerNote: 80, replyTo: await HostCommentsAsync(factory, host.Id, 400));
        await RecountAsync(factory);

        var counter = new Counter();
        await using var services = CountingServices(bed.Db, counter);
        var countingFactory = services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        var moderation = new ModerationService(countingFactory, bed.Clock,
            new NotificationService(countingFactory, bed.Clock, new InProcessNotificationBus()), Options.Create(bed.Settings));
        var small = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Spam, null), None);
        var large = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, prolific.Id, ReportReason.Spam, null), None);

        var smallBan = await CountAsync(counter, () => moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(small.ReviewableId, ModerationAction.Ban, "刷屏"), None));
        var largeBan = await CountAsync(counter, () => moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(large.ReviewableId, ModerationAction.Ban, "刷屏"), None));
        output.WriteLine($"{provider}: ban of 4 items {smallBan.Commands} commands, of 2,300 items {largeBan.Commands}");
        Assert.Equal(smallBan.Commands, largeBan.Commands);
        Assert.Equal(2300, await bed.QueryAsync(db => db.Set<BanHiddenItem>().CountAsync(b => b.UserId == prolific.Id)));
        Assert.Equal(0, await bed.QueryAsync(db => db.Comments.CountAsync(c => c.AuthorId == prolific.Id && !c.IsDeleted)));
        Assert.Equal(0, await bed.QueryAsync(db => db.Notes.CountAsync(n => n.AuthorId == prolific.Id && n.Status == NoteStatus.Published)));
        await AssertCountersEqualRowsAsync(bed, hostNotes, expectedComments: 2, onTheFirst: 0);

        await bed.Moderation.AppealAsync(bed.Author.Id, smallBan.Result.DecisionId, null, None);
        await bed.Moderation.AppealAsync(prolific.Id, largeBan.Result.DecisionId, null, None);
        var smallLift = await CountAsync(counter, () => moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(small.ReviewableId, ModerationAction.Restore, "解除"), None));
        var largeLift = await CountAsync(counter, () => moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(large.ReviewableId, ModerationAction.Restore, "解除"), None));
        output.WriteLine($"{provider}: unban of 4 items {smallLift.Commands} commands, of 2,300 items {largeLift.Commands}");
        Assert.Equal(smallLift.Commands, largeLift.Commands);
        Assert.Equal(0, await bed.QueryAsync(db => db.Set<BanHiddenItem>().CountAsync()));
        Assert.Equal(2000, await bed.QueryAsync(db => db.Comments.CountAsync(c => c.AuthorId == prolific.Id && !c.IsDeleted)));
        Assert.Equal(300, await bed.QueryAsync(db => db.Notes.CountAsync(n => n.AuthorId == prolific.Id && n.Status == NoteStatus.Published)));
        await AssertCountersEqualRowsAsync(bed, hostNotes, expectedComments: 2 + 80 + 20, onTheFirst: 3);
    }

    private static async Task<(DecisionResult Result, int Commands)> CountAsync(Counter counter, Func<Task<DecisionResult>> action)
    {
        counter.Arm();
        var result = await action();
        return (result, counter.Disarm());
    }

    /// <summary>Every note's comment counter and every comment's reply counter equal their visible rows; hot scores follow the counters.</summary>
    private static async Task AssertCountersEqualRowsAsync(ModerationTestBed bed, long[] hostNotes, int expectedComments, int onTheFirst)
    {
        var notes = await bed.QueryAsync(db => db.Notes.Select(n => new
        {
            n.Id,
            n.CommentCount,
            n.LikeCount,
            n.CollectCount,
            n.ShareCount,
            n.CreatedAt,
            n.HotScore,
            Rows = db.Comments.Count(c => c.NoteId == n.Id && !c.IsDeleted),
        }).ToListAsync());
        Assert.All(notes, n => Assert.Equal(n.Rows, n.CommentCount));
        Assert.All(notes.Where(n => hostNotes.Contains(n.Id)), n =>
        {
            Assert.Equal(expectedComments + (n.Id == hostNotes[0] ? onTheFirst : 0), n.CommentCount);
            Assert.Equal(Ranking.HotScore(n.LikeCount, n.CollectCount, n.CommentCount, n.ShareCount, n.CreatedAt), n.HotScore, 9);
        });
        var parents = await bed.QueryAsync(db => db.Comments.Where(c => c.ParentId == null)
            .Select(c => new { c.ReplyCount, Rows = db.Comments.Count(r => r.ParentId == c.Id && !r.IsDeleted) }).ToListAsync());
        Assert.All(parents, p => Assert.Equal(p.Rows, p.ReplyCount));
    }

    /// <summary>Notes of the author, and comments by the author on the given notes (each a reply when replies are given).</summary>
    private static async Task<long[]> SeedAsync(IDbContextFactory<SocialStoreDbContext> factory, string authorId, int notes, long[] others, int commentsPerNote, IReadOnlyList<(long NoteId, long CommentId)> replyTo)
    {
        var at = ModerationTestBed.Now.AddDays(-2);
        await using var db = await factory.CreateDbContextAsync();
        var created = Enumerable.Range(0, notes).Select(i => Note.Create(authorId, $"笔记 {i}", "正文", [new NoteImage { StorageKey = "seed/test.svg", Width = 900, Height = 1200, Alt = "" }], at)).ToList();
        db.Notes.AddRange(created);
        foreach (var noteId in others)
            for (var i = 0; i < commentsPerNote; i++)
                db.Comments.Add(new Comment { NoteId = noteId, AuthorId = authorId, Body = $"评论 {i}", CreatedAt = at });
        foreach (var (noteId, parent) in replyTo)
            db.Comments.Add(new Comment { NoteId = noteId, AuthorId = authorId, ParentId = parent, Body = "回复", CreatedAt = at });
        await db.SaveChangesAsync();
        return created.Select(n => n.Id).ToArray();
    }

    private static async Task<List<(long NoteId, long CommentId)>> HostCommentsAsync(IDbContextFactory<SocialStoreDbContext> factory, string hostId, int replies)
    {
        await using var db = await factory.CreateDbContextAsync();
        var roots = await db.Comments.Where(c => c.AuthorId == hostId).OrderBy(c => c.Id).Select(c => new { c.NoteId, c.Id }).ToListAsync();
        return Enumerable.Range(0, replies).Select(i => roots[i % roots.Count]).Select(c => (c.NoteId, c.Id)).ToList();
    }

    private static async Task RecountAsync(IDbContextFactory<SocialStoreDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Notes.ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, n => db.Comments.Count(c => c.NoteId == n.Id && !c.IsDeleted)));
        await db.Comments.ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplyCount, c => db.Comments.Count(r => r.ParentId == c.Id && !r.IsDeleted)));
    }

    /// <summary>The same database through contexts whose commands are counted while armed.</summary>
    private static ServiceProvider CountingServices(TestDatabase database, Counter counter)
    {
        var services = new ServiceCollection().Configure<IdentityOptions>(IdentityConfiguration.Apply);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IInterceptor>(counter);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["ConnectionStrings:SocialStore"] = database.ConnectionString,
            }).Build();
        services.AddSocialStoreData(configuration, Path.GetTempPath());
        return services.BuildServiceProvider();
    }

    /// <summary>Counts the SQL commands sent while armed.</summary>
    private sealed class Counter : DbCommandInterceptor
    {
        private int count;
        private volatile bool armed;

        public void Arm()
        {
            Volatile.Write(ref count, 0);
            armed = true;
        }

        public int Disarm()
        {
            armed = false;
            return Volatile.Read(ref count);
        }

        private void Tick()
        {
            if (armed) Interlocked.Increment(ref count);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Tick();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Tick();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Tick();
            return ValueTask.FromResult(result);
        }
    }
}
