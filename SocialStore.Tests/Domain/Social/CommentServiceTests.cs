using SocialStore.Domain.Limits;
using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;

namespace SocialStore.Tests.Domain.Social;

public class CommentServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Add_CommentReplyAndReplyToReply_ThreadOneLevelDeepAndNotifyTheRightPeople(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var mei = await bed.UserAsync("mei", "小美");
        var hong = await bed.UserAsync("hong", "小红");
        var noteId = await bed.NoteAsync(author.Id);

        var comment = await bed.Comments.AddAsync(mei.Id, noteId, "  好看！\r\n\r\n\r\n\r\n求链接  ", null, default);
        var reply = await bed.Comments.AddAsync(author.Id, noteId, "谢谢", comment.Id, default);
        var replyToReply = await bed.Comments.AddAsync(hong.Id, noteId, "同问", reply.Id, default);

        Assert.Equal("好看！\n\n求链接", comment.Body);
        Assert.Null(comment.ParentId);
        Assert.False(comment.IsAuthor);
        Assert.True(reply.IsAuthor);
        Assert.Equal(comment.Id, reply.ParentId);
        Assert.Equal(comment.Id, replyToReply.ParentId);
        Assert.Equal(3, (await bed.ReadNoteAsync(noteId)).CommentCount);
        Assert.Equal(2, await bed.QueryAsync(db => db.Comments.Where(c => c.Id == comment.Id).Select(c => c.ReplyCount).SingleAsync()));

        // The note's author hears of the comment; the commenter of the reply; the replier of the reply to the reply.
        Assert.Equal(
            [(NotificationKind.Comment, mei.Id, (long?)comment.Id), (NotificationKind.Reply, hong.Id, replyToReply.Id)],
            (await bed.NotificationsOfAsync(author.Id)).Select(n => (n.Kind, n.ActorId, n.CommentId)));
        Assert.Equal([(NotificationKind.Reply, author.Id)], (await bed.NotificationsOfAsync(mei.Id)).Select(n => (n.Kind, n.ActorId)));
        Assert.Empty(await bed.NotificationsOfAsync(hong.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task Add_Empty_IsRefused(string body)
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var noteId = await bed.NoteAsync(author.Id);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.AddAsync(author.Id, noteId, body, null, default));

        Assert.Equal(SocialErrors.CommentEmpty, error.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Add_TooLong_IsRefusedAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var noteId = await bed.NoteAsync(author.Id);

        var fiveThousand = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.AddAsync(author.Id, noteId, new string('长', 5000), null, default));
        var oneOver = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.AddAsync(author.Id, noteId, new string('a', 501), null, default));
        // 500 graphemes, but 5,500 UTF-16 units: more than the column holds.
        var emoji = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.AddAsync(author.Id, noteId, string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 500)), null, default));

        Assert.All(new[] { fiveThousand, oneOver, emoji }, e => Assert.Equal(SocialErrors.CommentTooLong, e.Code));
        Assert.Equal(Comment.BodyMaxLength, fiveThousand.Arguments.Single());
        Assert.Equal(0, await bed.QueryAsync(db => db.Comments.CountAsync()));
        Assert.Equal(0, (await bed.ReadNoteAsync(noteId)).CommentCount);

        // Exactly the limit, counted as people count: 500 Chinese characters, or 100 emoji among text.
        await bed.Comments.AddAsync(author.Id, noteId, new string('好', Comment.BodyMaxLength), null, default);
        await bed.Comments.AddAsync(author.Id, noteId, string.Concat(Enumerable.Repeat("好👍🏽", 250)), null, default);
        Assert.Equal(2, (await bed.ReadNoteAsync(noteId)).CommentCount);
    }

    [Theory]
    [InlineData(NoteStatus.Hidden)]
    [InlineData(NoteStatus.Deleted)]
    [InlineData(NoteStatus.Draft)]
    public async Task Add_OnNoteThatIsNotPublished_IsRefused(NoteStatus status)
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id, status);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.AddAsync(fan.Id, noteId, "你好", null, default));

        Assert.Equal(SocialErrors.NoteUnavailable, error.Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.Comments.CountAsync()));
        Assert.Equal(0, await bed.QueryAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task Add_ReplyToDeletedOrForeignComment_IsRefused()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var noteA = await bed.NoteAsync(author.Id);
        var noteB = await bed.NoteAsync(author.Id);
        var onA = await bed.Comments.AddAsync(author.Id, noteA, "A", null, default);
        var deleted = await bed.Comments.AddAsync(author.Id, noteA, "gone", null, default);
        await bed.Comments.DeleteAsync(author.Id, deleted.Id, default);

        var foreign = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.AddAsync(author.Id, noteB, "回复", onA.Id, default));
        var toDeleted = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.AddAsync(author.Id, noteA, "回复", deleted.Id, default));

        Assert.Equal(SocialErrors.CommentNotFound, foreign.Code);
        Assert.Equal(SocialErrors.CommentNotFound, toDeleted.Code);
        Assert.Equal(1, (await bed.ReadNoteAsync(noteA)).CommentCount);
        Assert.Equal(0, (await bed.ReadNoteAsync(noteB)).CommentCount);
    }

    [Fact]
    public async Task Add_MoreThanTenInAMinute_IsRateLimitedUntilTheMinutePasses()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var chatty = await bed.UserAsync("chatty");
        var noteId = await bed.NoteAsync(author.Id);
        var limit = new ActionLimitOptions().Comment.Limit;
        for (var i = 0; i < limit; i++)
        {
            await bed.Comments.AddAsync(chatty.Id, noteId, $"第 {i} 条", null, default);
            bed.Clock.Advance(TimeSpan.FromSeconds(2));
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.AddAsync(chatty.Id, noteId, "再来", null, default));
        await bed.Comments.AddAsync(author.Id, noteId, "别人不受影响", null, default);
        bed.Clock.Advance(TimeSpan.FromSeconds(45));
        await bed.Comments.AddAsync(chatty.Id, noteId, "一分钟后", null, default);

        Assert.Equal(LimitErrors.Comment, error.Code);
        Assert.Equal(new object[] { limit, 1, 1 }, error.Arguments);
        Assert.Equal(limit + 2, (await bed.ReadNoteAsync(noteId)).CommentCount);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_Own_SoftDeletesAdjustsCountersAndWithdrawsNotifications(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        var top = await bed.Comments.AddAsync(fan.Id, noteId, "第一", null, default);
        var reply = await bed.Comments.AddAsync(author.Id, noteId, "回复", top.Id, default);
        var lonely = await bed.Comments.AddAsync(fan.Id, noteId, "没人回", null, default);

        var notYours = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.DeleteAsync(author.Id, top.Id, default));
        var missing = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.DeleteAsync(fan.Id, 987654, default));
        Assert.Equal(SocialErrors.CommentNotYours, notYours.Code);
        Assert.Equal(SocialErrors.CommentNotFound, missing.Code);

        await bed.Comments.DeleteAsync(author.Id, reply.Id, default);
        await bed.Comments.DeleteAsync(fan.Id, lonely.Id, default);
        await bed.Comments.DeleteAsync(fan.Id, lonely.Id, default); // again: nothing more happens

        Assert.Equal(1, (await bed.ReadNoteAsync(noteId)).CommentCount);
        Assert.Equal(0, await bed.QueryAsync(db => db.Comments.Where(c => c.Id == top.Id).Select(c => c.ReplyCount).SingleAsync()));
        Assert.Equal(top.Id, Assert.Single(await bed.NotificationsOfAsync(author.Id)).CommentId);
        Assert.Empty(await bed.NotificationsOfAsync(fan.Id));

        // A deleted comment with a visible reply keeps its place, without its text.
        var reply2 = await bed.Comments.AddAsync(author.Id, noteId, "还在", top.Id, default);
        await bed.Comments.DeleteAsync(fan.Id, top.Id, default);
        var page = await bed.Comments.ListAsync(noteId, CommentSort.New, null, null, 20, default);
        var shown = Assert.Single(page.Items);
        Assert.True(shown.IsDeleted);
        Assert.Equal("", shown.Body);
        Assert.Equal(reply2.Id, Assert.Single(shown.Replies).Id);
        Assert.Equal(1, page.CommentCount);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_HotAndNew_PageThroughEveryTopLevelCommentOnceWithAPreviewOfReplies(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var fans = await bed.ManyUsersAsync("fan", 12);
        var noteId = await bed.NoteAsync(author.Id);
        var top = new List<CommentView>();
        for (var i = 0; i < 12; i++)
        {
            top.Add(await bed.Comments.AddAsync(fans[i].Id, noteId, $"评论 {i}", null, default));
            if (i % 3 == 0) bed.Clock.Advance(TimeSpan.FromMinutes(1)); // some share a timestamp
        }
        // Comment 4 gets 5 replies and 3 likes; comment 7 gets 2 likes; comment 9 gets 2 likes.
        for (var r = 0; r < 5; r++)
        {
            await bed.Comments.AddAsync(fans[r].Id, noteId, $"回复 {r}", top[4].Id, default);
            bed.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        foreach (var (comment, likes) in new[] { (4, 3), (7, 2), (9, 2) })
            for (var l = 0; l < likes; l++) await bed.Likes.LikeCommentAsync(fans[l + 5].Id, top[comment].Id, default);
        await bed.Comments.AddAsync(author.Id, noteId, "作者回复", top[9].Id, default);

        var hot = await ReadAllAsync(bed, noteId, CommentSort.Hot, fans[5].Id);
        var latest = await ReadAllAsync(bed, noteId, CommentSort.New, null);

        Assert.Equal(12, hot.Count);
        Assert.Equal(12, hot.Select(c => c.Id).Distinct().Count());
        Assert.Equal([top[4].Id, top[9].Id, top[7].Id], hot.Take(3).Select(c => c.Id)); // ties broken by recency
        Assert.Equal(top.Select(c => c.Id).Reverse(), latest.Select(c => c.Id));
        var busy = hot[0];
        Assert.Equal(5, busy.ReplyCount);
        Assert.Equal(["回复 0", "回复 1", "回复 2"], busy.Replies.Select(r => r.Body));
        Assert.True(busy.LikedByViewer);
        Assert.False(latest.Single(c => c.Id == top[4].Id).LikedByViewer);
        Assert.True(hot[1].Replies.Single().IsAuthor);
        Assert.All(hot, c => Assert.False(c.IsAuthor));

        var rest = await bed.Comments.RepliesAsync(busy.Id, CommentService.ReplyCursor(busy.Replies[^1]), null, 1, default);
        Assert.Equal("回复 3", Assert.Single(rest.Items).Body);
        var last = await bed.Comments.RepliesAsync(busy.Id, rest.NextCursor, null, 1, default);
        Assert.Equal("回复 4", Assert.Single(last.Items).Body);
        Assert.Null(last.NextCursor);
    }

    [Fact]
    public async Task Add_WithMentions_NotifiesResolvedPeopleOnceAndNeverTheWriter()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var writer = await bed.UserAsync("writer", "写手");
        var mei = await bed.UserAsync("mei_2026", "小美");
        var hong = await bed.UserAsync("hong", "小红");
        var twins = await bed.UsersAsync([("twin1", "双胞胎"), ("twin2", "双胞胎")]);
        var noteId = await bed.NoteAsync(author.Id);

        var comment = await bed.Comments.AddAsync(writer.Id, noteId, "@Mei_2026 快看！@小红你也来 @双胞胎 @写手 @nobody @author", null, default);

        Assert.Equal([NotificationKind.Mention], (await bed.NotificationsOfAsync(mei.Id)).Select(n => n.Kind));
        Assert.Equal([NotificationKind.Mention], (await bed.NotificationsOfAsync(hong.Id)).Select(n => n.Kind));
        // The note's author is told once (of the comment), not again for the mention.
        Assert.Equal([NotificationKind.Comment], (await bed.NotificationsOfAsync(author.Id)).Select(n => n.Kind));
        Assert.Empty(await bed.NotificationsOfAsync(writer.Id));
        foreach (var twin in twins) Assert.Empty(await bed.NotificationsOfAsync(twin.Id)); // ambiguous display name
        Assert.All(await bed.NotificationsOfAsync(mei.Id), n => Assert.Equal(comment.Id, n.CommentId));
    }

    private static async Task<List<CommentView>> ReadAllAsync(SocialTestBed bed, long noteId, CommentSort sort, string? viewer)
    {
        var all = new List<CommentView>();
        string? cursor = null;
        do
        {
            var page = await bed.Comments.ListAsync(noteId, sort, cursor, viewer, 5, default);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
