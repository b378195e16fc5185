using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Social;

namespace SocialStore.Tests.Integration.Social;

/// <summary>
/// Many people clicking at once, each through their own context and transaction: every counter must
/// end equal to the number of rows it counts, on SQLite (one writer at a time) and on PostgreSQL
/// (row locks, real parallel transactions).
/// </summary>
public class CounterConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Likes_FiftyPeopleAtOnceAndDoubleClicks_CountEqualsRows(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var fans = await bed.ManyUsersAsync("fan", 50);
        var noteId = await bed.NoteAsync(author.Id);

        // Everyone likes once; the first ten double-click (two requests racing for the same row).
        var clicks = fans.Select(f => f.Id).Concat(fans.Take(10).Select(f => f.Id)).ToList();
        var results = await Task.WhenAll(clicks.Select(id => Task.Run(() => bed.Likes.LikeNoteAsync(id, noteId, default))));

        Assert.Equal(50, results.Count(r => r.Changed));
        Assert.All(results, r => Assert.True(r.Liked));
        await AssertLikesExactAsync(bed, noteId, 50);
        Assert.Equal(50, await bed.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == author.Id)));

        // Unlike races: 25 people unlike twice at once while 10 of the others like again and 5 unlike and like.
        var tasks = new List<Task>();
        foreach (var f in fans.Take(25))
        {
            tasks.Add(Task.Run(() => bed.Likes.UnlikeNoteAsync(f.Id, noteId, default)));
            tasks.Add(Task.Run(() => bed.Likes.UnlikeNoteAsync(f.Id, noteId, default)));
        }
        foreach (var f in fans.Skip(25).Take(10)) tasks.Add(Task.Run(() => bed.Likes.LikeNoteAsync(f.Id, noteId, default)));
        foreach (var f in fans.Skip(35).Take(5))
        {
            tasks.Add(Task.Run(() => bed.Likes.UnlikeNoteAsync(f.Id, noteId, default)));
            tasks.Add(Task.Run(() => bed.Likes.LikeNoteAsync(f.Id, noteId, default)));
        }
        await Task.WhenAll(tasks);

        var rows = await bed.QueryAsync(db => db.NoteLikes.CountAsync(l => l.NoteId == noteId));
        Assert.InRange(rows, 20, 25);
        await AssertLikesExactAsync(bed, noteId, rows);
        Assert.Equal(rows, await bed.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == author.Id)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Follows_ThirtyAtOnceAndMutualPairs_CountersEqualRows(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var star = await bed.UserAsync("star");
        var fans = await bed.ManyUsersAsync("fan", 30);

        var tasks = new List<Task>();
        foreach (var f in fans)
        {
            tasks.Add(Task.Run(() => bed.Follows.FollowAsync(f.Id, star.Id, default)));
            tasks.Add(Task.Run(() => bed.Follows.FollowAsync(f.Id, star.Id, default)));
            // The star follows back at the same moment: two transactions lock the same two users.
            tasks.Add(Task.Run(() => bed.Follows.FollowAsync(star.Id, f.Id, default)));
        }
        await Task.WhenAll(tasks);

        await AssertFollowCountersExactAsync(bed);
        var starCard = await bed.Follows.FindByHandleAsync("star", null, default);
        Assert.Equal((30, 30), (starCard!.FollowerCount, starCard.FollowingCount));

        tasks.Clear();
        foreach (var f in fans.Take(15))
        {
            tasks.Add(Task.Run(() => bed.Follows.UnfollowAsync(f.Id, star.Id, default)));
            tasks.Add(Task.Run(() => bed.Follows.UnfollowAsync(f.Id, star.Id, default)));
            tasks.Add(Task.Run(() => bed.Follows.UnfollowAsync(star.Id, f.Id, default)));
        }
        await Task.WhenAll(tasks);

        await AssertFollowCountersExactAsync(bed);
        starCard = await bed.Follows.FindByHandleAsync("star", null, default);
        Assert.Equal((15, 15), (starCard!.FollowerCount, starCard.FollowingCount));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Comments_AddReplyDeleteAndLikeAtOnce_CountersEqualRows(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var fans = await bed.ManyUsersAsync("fan", 40);
        var noteId = await bed.NoteAsync(author.Id);
        var root = await bed.Comments.AddAsync(author.Id, noteId, "置顶", null, default);
        var early = new List<CommentView>();
        foreach (var f in fans.Take(10)) early.Add(await bed.Comments.AddAsync(f.Id, noteId, "早到", root.Id, default));

        var tasks = new List<Task>();
        foreach (var f in fans.Skip(10))
        {
            tasks.Add(Task.Run(() => bed.Comments.AddAsync(f.Id, noteId, "评论", null, default)));
            tasks.Add(Task.Run(() => bed.Comments.AddAsync(f.Id, noteId, "回复", root.Id, default)));
            tasks.Add(Task.Run(() => bed.Likes.LikeCommentAsync(f.Id, root.Id, default)));
            tasks.Add(Task.Run(() => bed.Likes.LikeCommentAsync(f.Id, root.Id, default)));
        }
        foreach (var reply in early)
        {
            tasks.Add(Task.Run(() => bed.Comments.DeleteAsync(reply.AuthorId, reply.Id, default)));
            tasks.Add(Task.Run(() => bed.Comments.DeleteAsync(reply.AuthorId, reply.Id, default)));
        }
        await Task.WhenAll(tasks);

        var note = await bed.ReadNoteAsync(noteId);
        var visible = await bed.QueryAsync(db => db.Comments.CountAsync(c => c.NoteId == noteId && !c.IsDeleted));
        var rootRow = await bed.QueryAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == root.Id));
        var visibleReplies = await bed.QueryAsync(db => db.Comments.CountAsync(c => c.ParentId == root.Id && !c.IsDeleted));
        var rootLikes = await bed.QueryAsync(db => db.CommentLikes.CountAsync(l => l.CommentId == root.Id));
        Assert.Equal(1 + 30 + 30, visible);
        Assert.Equal(visible, note.CommentCount);
        Assert.Equal(30, visibleReplies);
        Assert.Equal(visibleReplies, rootRow.ReplyCount);
        Assert.Equal(30, rootLikes);
        Assert.Equal(rootLikes, rootRow.LikeCount);
        Assert.Equal(SocialStore.Domain.Notes.Ranking.HotScore(0, 0, visible, 0, note.CreatedAt), note.HotScore, 9);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Collects_ManyNotesAtOnce_OneDefaultBoardAndExactCounts(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var fans = await bed.ManyUsersAsync("fan", 20);
        var notes = new List<long>();
        for (var i = 0; i < 10; i++) notes.Add(await bed.NoteAsync(author.Id));

        // Every fan collects every note (their first collects race to create the default board), some twice.
        var tasks = new List<Task>();
        foreach (var f in fans)
            foreach (var n in notes)
            {
                tasks.Add(Task.Run(() => bed.Collects.CollectAsync(f.Id, n, null, default)));
                if (n == notes[0]) tasks.Add(Task.Run(() => bed.Collects.CollectAsync(f.Id, n, null, default)));
            }
        await Task.WhenAll(tasks);

        Assert.Equal(20, await bed.QueryAsync(db => db.Boards.CountAsync(b => b.IsDefault)));
        Assert.Equal(20, await bed.QueryAsync(db => db.Boards.CountAsync()));
        foreach (var n in notes)
        {
            var rows = await bed.QueryAsync(db => db.Collects.CountAsync(c => c.NoteId == n));
            Assert.Equal(20, rows);
            Assert.Equal(rows, (await bed.ReadNoteAsync(n)).CollectCount);
        }
    }

    private static async Task AssertLikesExactAsync(SocialTestBed bed, long noteId, int expected)
    {
        var note = await bed.ReadNoteAsync(noteId);
        var rows = await bed.QueryAsync(db => db.NoteLikes.CountAsync(l => l.NoteId == noteId));
        Assert.Equal(expected, rows);
        Assert.Equal(rows, note.LikeCount);
        Assert.Equal(SocialStore.Domain.Notes.Ranking.HotScore(rows, 0, 0, 0, note.CreatedAt), note.HotScore, 9);
    }

    private static async Task AssertFollowCountersExactAsync(SocialTestBed bed)
    {
        var mismatches = await bed.QueryAsync(db => db.Users
            .Where(u => u.FollowerCount != db.Follows.Count(f => f.FolloweeId == u.Id)
                     || u.FollowingCount != db.Follows.Count(f => f.FollowerId == u.Id))
            .Select(u => u.Handle)
            .ToListAsync());
        Assert.Empty(mismatches);
    }
}
