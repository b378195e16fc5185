using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Social;

namespace SocialStore.Tests.Domain.Notifications;

public class NotificationServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_GroupsUnreadBySameKindAndSubject_LatestPersonFirst(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var fans = await bed.UsersAsync([("hong", "小红"), ("lan", "小蓝"), ("lv", "小绿"), ("mei", "小美")]);
        var noteA = await bed.NoteAsync(author.Id, title: "笔记A");
        var noteB = await bed.NoteAsync(author.Id, title: "笔记B");
        var mine = await bed.Comments.AddAsync(author.Id, noteA, "我的评论", null, default);

        foreach (var fan in fans)
        {
            bed.Clock.Advance(TimeSpan.FromMinutes(1));
            await bed.Likes.LikeNoteAsync(fan.Id, noteA, default);
        }
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        await bed.Likes.LikeNoteAsync(fans[0].Id, noteB, default);
        await bed.Likes.LikeCommentAsync(fans[1].Id, mine.Id, default);
        await bed.Comments.AddAsync(fans[2].Id, noteA, "第一条", null, default);
        await bed.Comments.AddAsync(fans[2].Id, noteA, "第二条", null, default);
        await bed.Follows.FollowAsync(fans[0].Id, author.Id, default);
        await bed.Follows.FollowAsync(fans[1].Id, author.Id, default);

        var page = await bed.Notifications.ListAsync(author.Id, null, default);

        Assert.Equal(10, page.UnreadCount);
        Assert.Equal(10, await bed.Notifications.UnreadCountAsync(author.Id, default));
        Assert.Empty(page.Earlier);
        Assert.Null(page.NextCursor);
        Assert.Equal(5, page.Unread.Count);
        var likesOfA = page.Unread.Single(g => g.Kind == NotificationKind.Like && g.NoteId == noteA && !g.OnComment);
        Assert.Equal(4, likesOfA.ActorCount);
        Assert.Equal(["小美", "小绿", "小蓝"], likesOfA.Actors.Select(a => a.DisplayName));
        Assert.Equal("笔记A", likesOfA.NoteTitle);
        Assert.True(likesOfA.NoteAvailable);
        Assert.True(likesOfA.IsUnread);
        var commentLike = page.Unread.Single(g => g.Kind == NotificationKind.Like && g.OnComment);
        Assert.Equal("我的评论", commentLike.CommentExcerpt);
        var comments = page.Unread.Single(g => g.Kind == NotificationKind.Comment);
        Assert.Equal((1, 2, "第二条"), (comments.ActorCount, comments.Count, comments.CommentExcerpt));
        var follows = page.Unread.Single(g => g.Kind == NotificationKind.Follow);
        Assert.Equal(2, follows.ActorCount);
        Assert.Equal(NotificationKind.Follow, page.Unread[0].Kind); // the newest group first
        Assert.Equal(1, page.Unread.Single(g => g.NoteId == noteB).ActorCount);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MarkAllRead_ClearsTheBadge_AndLaterNotificationsAreNewAgain(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var fans = await bed.ManyUsersAsync("fan", 3);
        var noteId = await bed.NoteAsync(author.Id);
        foreach (var fan in fans.Take(2)) await bed.Likes.LikeNoteAsync(fan.Id, noteId, default);

        Assert.Equal(2, await bed.Notifications.MarkAllReadAsync(author.Id, default));
        Assert.Equal(0, await bed.Notifications.MarkAllReadAsync(author.Id, default));
        Assert.Equal(0, await bed.Notifications.UnreadCountAsync(author.Id, default));
        var read = await bed.Notifications.ListAsync(author.Id, null, default);
        Assert.Empty(read.Unread);
        var old = Assert.Single(read.Earlier);
        Assert.False(old.IsUnread);
        Assert.Equal(2, old.ActorCount);

        bed.Clock.Advance(TimeSpan.FromMinutes(5));
        await bed.Likes.LikeNoteAsync(fans[2].Id, noteId, default);
        var later = await bed.Notifications.ListAsync(author.Id, null, default);

        Assert.Equal(1, later.UnreadCount);
        Assert.Equal(fans[2].Id, Assert.Single(Assert.Single(later.Unread).Actors).Id);
        Assert.Equal(2, Assert.Single(later.Earlier).ActorCount);
    }

    [Fact]
    public async Task List_Earlier_IsKeysetPaged()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var star = await bed.UserAsync("star");
        var fans = await bed.ManyUsersAsync("fan", NotificationService.PageSize + 15);
        foreach (var fan in fans)
        {
            await bed.Follows.FollowAsync(fan.Id, star.Id, default);
            bed.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await bed.Notifications.MarkAllReadAsync(star.Id, default);

        var first = await bed.Notifications.ListAsync(star.Id, null, default);
        var second = await bed.Notifications.ListAsync(star.Id, first.NextCursor, default);

        Assert.Equal(NotificationService.PageSize, Assert.Single(first.Earlier).Count);
        Assert.Equal(15, Assert.Single(second.Earlier).Count);
        Assert.Null(second.NextCursor);
        Assert.Empty(second.Unread);
        Assert.Equal(fans[^1].Id, first.Earlier[0].Actors[0].Id);
        Assert.Equal(fans[14].Id, second.Earlier[0].Actors[0].Id);
    }

    [Fact]
    public async Task Bus_GetsTheUnreadCountAfterCommit_UntilUnsubscribed()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        var seen = new List<int>();
        var subscription = bed.Bus.Subscribe(author.Id, n => { lock (seen) seen.Add(n); return Task.CompletedTask; });
        using var other = bed.Bus.Subscribe(fan.Id, _ => throw new InvalidOperationException("a broken circuit"));

        await bed.Likes.LikeNoteAsync(fan.Id, noteId, default);
        await bed.Comments.AddAsync(fan.Id, noteId, "好看", null, default);
        await bed.Likes.LikeNoteAsync(author.Id, noteId, default); // no notification for yourself: nothing published
        await bed.Notifications.MarkAllReadAsync(author.Id, default);
        await bed.Notifications.MarkAllReadAsync(fan.Id, default); // a failing subscriber does not fail the action
        subscription.Dispose();
        await bed.Follows.FollowAsync(fan.Id, author.Id, default);

        Assert.Equal([1, 2, 0], seen);
        Assert.False(bed.Bus.HasSubscribers(author.Id));
        Assert.True(bed.Bus.HasSubscribers(fan.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NotifyMentions_ForANote_TellsEachPersonOnceAndNeverTheAuthor(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author", "作者");
        var mei = await bed.UserAsync("mei", "小美");
        var hong = await bed.UserAsync("hong", "小红");
        var noteId = await bed.NoteAsync(author.Id);
        var tokens = SocialStore.Domain.Notes.TextTokens.Parse("今天的#护肤 分享 @小美 @HONG @作者 @小美");

        var told = await bed.Notifications.NotifyMentionsAsync(noteId, null, author.Id, tokens.Mentions, default);
        var again = await bed.Notifications.NotifyMentionsAsync(noteId, null, author.Id, tokens.Mentions, default);

        Assert.Equal(2, told);
        Assert.Equal(0, again);
        foreach (var person in new[] { mei, hong })
        {
            var n = Assert.Single(await bed.NotificationsOfAsync(person.Id));
            Assert.Equal((NotificationKind.Mention, author.Id, (long?)noteId, (long?)null), (n.Kind, n.ActorId, n.NoteId, n.CommentId));
        }
        Assert.Empty(await bed.NotificationsOfAsync(author.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResolveMentions_HandleThenUniqueNameThenLongestUniquePrefix(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var users = await bed.UsersAsync([("mei", "小美"), ("meimei", "小美美"), ("a1", "同名"), ("a2", "同名"), ("handle_x", "Xiao")]);

        var resolved = await bed.Notifications.ResolveMentionsAsync(["小美", "小美美你好", "小美你好", "同名", "HANDLE_X", "Xiao", "小", "nobody"], default);

        Assert.Equal("mei", resolved["小美"].Handle);
        Assert.Equal("meimei", resolved["小美美你好"].Handle);
        Assert.Equal("mei", resolved["小美你好"].Handle);
        Assert.Equal("handle_x", resolved["HANDLE_X"].Handle);
        Assert.Equal("handle_x", resolved["Xiao"].Handle);
        Assert.False(resolved.ContainsKey("同名"));
        Assert.False(resolved.ContainsKey("小"));
        Assert.False(resolved.ContainsKey("nobody"));
        Assert.Equal(5, users.Count);
    }

    [Fact]
    public void Cursor_RoundTripsAndRejectsGarbage()
    {
        var cursor = new NotificationCursor(new DateTimeOffset(2026, 11, 21, 8, 30, 0, TimeSpan.Zero), 77);
        Assert.Equal(cursor, NotificationCursor.Parse(cursor.ToString()));
        Assert.Null(NotificationCursor.Parse("1.2.3"));
        Assert.Null(NotificationCursor.Parse("x.1"));
        Assert.Null(NotificationCursor.Parse("'; DROP TABLE x"));
        Assert.Null(FollowCursor.Parse("12"));
        Assert.Equal("a.b-c", FollowCursor.Parse("5.a.b-c")!.Value.UserId);
        Assert.Null(CommentCursor.Parse("1.2"));
    }
}
