using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;

namespace SocialStore.Tests.Domain.Social;

public class LikeServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LikeNote_ThenAgain_ThenUnlike_CountsRowsAndNotifiesOnce(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan", "小美");
        var noteId = await bed.NoteAsync(author.Id);
        var scoreBefore = (await bed.ReadNoteAsync(noteId)).HotScore;

        var first = await bed.Likes.LikeNoteAsync(fan.Id, noteId, default);
        var second = await bed.Likes.LikeNoteAsync(fan.Id, noteId, default);

        Assert.Equal(new LikeResult(true, 1, Changed: true), first);
        Assert.Equal(new LikeResult(true, 1, Changed: false), second);
        var note = await bed.ReadNoteAsync(noteId);
        Assert.Equal(1, note.LikeCount);
        Assert.True(note.HotScore > scoreBefore);
        Assert.Equal(Ranking.HotScore(1, 0, 0, 0, note.CreatedAt), note.HotScore, 9);
        var told = Assert.Single(await bed.NotificationsOfAsync(author.Id));
        Assert.Equal((NotificationKind.Like, fan.Id, (long?)noteId, (long?)null), (told.Kind, told.ActorId, told.NoteId, told.CommentId));

        var unliked = await bed.Likes.UnlikeNoteAsync(fan.Id, noteId, default);
        var again = await bed.Likes.UnlikeNoteAsync(fan.Id, noteId, default);

        Assert.Equal(new LikeResult(false, 0, Changed: true), unliked);
        Assert.Equal(new LikeResult(false, 0, Changed: false), again);
        Assert.Equal(0, (await bed.ReadNoteAsync(noteId)).LikeCount);
        Assert.Equal(0, await bed.QueryAsync(db => db.NoteLikes.CountAsync()));
        Assert.Empty(await bed.NotificationsOfAsync(author.Id));
    }

    [Fact]
    public async Task LikeNote_OwnNote_CountsButNeverNotifiesYourself()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var noteId = await bed.NoteAsync(author.Id);

        var result = await bed.Likes.LikeNoteAsync(author.Id, noteId, default);

        Assert.True(result.Changed);
        Assert.Empty(await bed.NotificationsOfAsync(author.Id));
    }

    [Theory]
    [InlineData(NoteStatus.Hidden)]
    [InlineData(NoteStatus.Deleted)]
    [InlineData(NoteStatus.Draft)]
    public async Task LikeOrCollect_NoteNotPublished_RejectsAndSavesNothing(NoteStatus status)
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id, status);

        var like = await Assert.ThrowsAsync<DomainException>(() => bed.Likes.LikeNoteAsync(fan.Id, noteId, default));
        var collect = await Assert.ThrowsAsync<DomainException>(() => bed.Collects.CollectAsync(fan.Id, noteId, null, default));
        var missing = await Assert.ThrowsAsync<DomainException>(() => bed.Likes.LikeNoteAsync(fan.Id, noteId + 1000, default));

        Assert.All(new[] { like, collect, missing }, e => Assert.Equal(SocialErrors.NoteUnavailable, e.Code));
        Assert.Equal(0, await bed.QueryAsync(db => db.NoteLikes.CountAsync()));
        Assert.Equal(0, await bed.QueryAsync(db => db.Collects.CountAsync()));
        Assert.Equal(0, await bed.QueryAsync(db => db.Boards.CountAsync()));
        Assert.Equal(0, await bed.QueryAsync(db => db.Notifications.CountAsync()));
        var note = await bed.ReadNoteAsync(noteId);
        Assert.Equal((0, 0), (note.LikeCount, note.CollectCount));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LikeComment_ThenAgain_ThenUnlike_CountsRowsAndNotifiesTheCommenter(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var commenter = await bed.UserAsync("commenter");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        var comment = await bed.Comments.AddAsync(commenter.Id, noteId, "好看", null, default);

        var first = await bed.Likes.LikeCommentAsync(fan.Id, comment.Id, default);
        var second = await bed.Likes.LikeCommentAsync(fan.Id, comment.Id, default);

        Assert.Equal(new LikeResult(true, 1, true), first);
        Assert.Equal(new LikeResult(true, 1, false), second);
        var told = Assert.Single(await bed.NotificationsOfAsync(commenter.Id));
        Assert.Equal((NotificationKind.Like, (long?)comment.Id), (told.Kind, told.CommentId));

        Assert.Equal(new LikeResult(false, 0, true), await bed.Likes.UnlikeCommentAsync(fan.Id, comment.Id, default));
        Assert.Equal(new LikeResult(false, 0, false), await bed.Likes.UnlikeCommentAsync(fan.Id, comment.Id, default));
        Assert.Empty(await bed.NotificationsOfAsync(commenter.Id));
        Assert.Equal(0, await bed.QueryAsync(db => db.CommentLikes.CountAsync()));
    }

    [Fact]
    public async Task LikeComment_Deleted_IsNotFound()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        var comment = await bed.Comments.AddAsync(author.Id, noteId, "好看", null, default);
        await bed.Comments.DeleteAsync(author.Id, comment.Id, default);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Likes.LikeCommentAsync(fan.Id, comment.Id, default));

        Assert.Equal(SocialErrors.CommentNotFound, error.Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.CommentLikes.CountAsync()));
    }

    [Fact]
    public async Task ForNote_ReportsTheReadersState()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        await bed.Likes.LikeNoteAsync(fan.Id, noteId, default);
        await bed.Collects.CollectAsync(fan.Id, noteId, null, default);
        await bed.Follows.FollowAsync(fan.Id, author.Id, default);

        var mine = await bed.Queries.ForNoteAsync(noteId, fan.Id, default);
        var anonymous = await bed.Queries.ForNoteAsync(noteId, null, default);

        Assert.Equal(new NoteSocialState(noteId, author.Id, 1, 1, 0, true, true, true), mine);
        Assert.Equal(new NoteSocialState(noteId, author.Id, 1, 1, 0, false, false, false), anonymous);
        Assert.Null(await bed.Queries.ForNoteAsync(noteId + 1, fan.Id, default));
        Assert.Equal(new HashSet<long> { noteId }, await bed.Likes.LikedNoteIdsAsync(fan.Id, [noteId, noteId + 1], default));
    }
}
