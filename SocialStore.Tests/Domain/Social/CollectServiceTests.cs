using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Social;

namespace SocialStore.Tests.Domain.Social;

public class CollectServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Collect_WithoutBoard_FilesInTheDefaultBoardCreatedOnFirstUse(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var noteId = await bed.NoteAsync(author.Id);
        Assert.Equal(0, await bed.QueryAsync(db => db.Boards.CountAsync()));

        var first = await bed.Collects.CollectAsync(fan.Id, noteId, null, default);
        var second = await bed.Collects.CollectAsync(fan.Id, noteId, null, default);

        Assert.True(first.Changed);
        Assert.Equal(1, first.Count);
        Assert.NotNull(first.Board);
        Assert.True(first.Board.IsDefault);
        Assert.True(first.Board.IsPrivate);
        Assert.Equal(CollectService.DefaultBoardName, first.Board.Name);
        Assert.False(second.Changed);
        Assert.Equal(first.Board.Id, second.Board!.Id);
        Assert.Equal(1, (await bed.ReadNoteAsync(noteId)).CollectCount);
        Assert.Equal(NotificationKind.Collect, Assert.Single(await bed.NotificationsOfAsync(author.Id)).Kind);
        var boards = await bed.Collects.MyBoardsAsync(fan.Id, default);
        Assert.Equal(1, Assert.Single(boards).NoteCount);

        var gone = await bed.Collects.UncollectAsync(fan.Id, noteId, default);
        Assert.Equal(new CollectResult(false, 0, null, true), gone);
        Assert.Equal(new CollectResult(false, 0, null, false), await bed.Collects.UncollectAsync(fan.Id, noteId, default));
        Assert.Empty(await bed.NotificationsOfAsync(author.Id));
        Assert.Equal(0, (await bed.ReadNoteAsync(noteId)).CollectCount);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Boards_CreateMoveRenameDelete_KeepEveryCollect(DatabaseProvider provider)
    {
        await using var bed = await SocialTestBed.CreateAsync(provider);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var a = await bed.NoteAsync(author.Id);
        var b = await bed.NoteAsync(author.Id);

        var travel = await bed.Collects.CreateBoardAsync(fan.Id, "  旅行 ", isPrivate: false, default);
        Assert.Equal("旅行", travel.Name);
        var inTravel = await bed.Collects.CollectAsync(fan.Id, a, travel.Id, default);
        Assert.Equal(travel.Id, inTravel.Board!.Id);
        var inDefault = await bed.Collects.CollectAsync(fan.Id, b, null, default);

        var moved = await bed.Collects.MoveAsync(fan.Id, b, travel.Id, default);
        Assert.Equal(2, moved.NoteCount);
        Assert.Equal(travel.Id, (await bed.Collects.CollectedInAsync(fan.Id, b, default))!.Id);

        var renamed = await bed.Collects.RenameBoardAsync(fan.Id, travel.Id, "旅行 2027", default);
        Assert.Equal("旅行 2027", renamed.Name);
        var hidden = await bed.Collects.SetBoardPrivacyAsync(fan.Id, travel.Id, true, default);
        Assert.True(hidden.IsPrivate);

        await bed.Collects.DeleteBoardAsync(fan.Id, travel.Id, default);

        var boards = await bed.Collects.MyBoardsAsync(fan.Id, default);
        var only = Assert.Single(boards);
        Assert.Equal(inDefault.Board!.Id, only.Id);
        Assert.Equal(2, only.NoteCount);
        Assert.Equal(2, (await bed.ReadNoteAsync(a)).CollectCount + (await bed.ReadNoteAsync(b)).CollectCount);
    }

    [Fact]
    public async Task Boards_BadNamesAndOtherPeoplesBoards_AreRefusedWithCodes()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var other = await bed.UserAsync("other");
        var noteId = await bed.NoteAsync(author.Id);
        var mine = await bed.Collects.CreateBoardAsync(fan.Id, "好物", false, default);
        var theirs = await bed.Collects.CreateBoardAsync(other.Id, "好物", false, default);
        var defaultBoard = (await bed.Collects.MyBoardsAsync(fan.Id, default)).Single(x => x.IsDefault);

        async Task<string> Code(Func<Task> action) => (await Assert.ThrowsAsync<DomainException>(action)).Code;

        Assert.Equal(SocialErrors.BoardNameRequired, await Code(() => bed.Collects.CreateBoardAsync(fan.Id, "   ", false, default)));
        Assert.Equal(SocialErrors.BoardNameTooLong, await Code(() => bed.Collects.CreateBoardAsync(fan.Id, new string('好', 31), false, default)));
        Assert.Equal(SocialErrors.BoardNameTooLong, await Code(() => bed.Collects.CreateBoardAsync(fan.Id, string.Concat(Enumerable.Repeat("👨‍👩‍👧", 5)), false, default)));
        Assert.Equal(SocialErrors.BoardNameTaken, await Code(() => bed.Collects.CreateBoardAsync(fan.Id, "好物", false, default)));
        Assert.Equal(SocialErrors.BoardNameTaken, await Code(() => bed.Collects.CreateBoardAsync(fan.Id, CollectService.DefaultBoardName, false, default)));
        Assert.Equal(SocialErrors.BoardDefaultIsFixed, await Code(() => bed.Collects.RenameBoardAsync(fan.Id, defaultBoard.Id, "新名字", default)));
        Assert.Equal(SocialErrors.BoardDefaultIsFixed, await Code(() => bed.Collects.DeleteBoardAsync(fan.Id, defaultBoard.Id, default)));
        Assert.Equal(SocialErrors.BoardNotFound, await Code(() => bed.Collects.CollectAsync(fan.Id, noteId, theirs.Id, default)));
        Assert.Equal(SocialErrors.BoardNotFound, await Code(() => bed.Collects.RenameBoardAsync(fan.Id, theirs.Id, "我的", default)));
        Assert.Equal(SocialErrors.BoardNotFound, await Code(() => bed.Collects.DeleteBoardAsync(fan.Id, theirs.Id, default)));
        Assert.Equal(SocialErrors.NotCollected, await Code(() => bed.Collects.MoveAsync(fan.Id, noteId, mine.Id, default)));

        var second = await bed.Collects.CreateBoardAsync(fan.Id, "第二", false, default);
        Assert.Equal(SocialErrors.BoardNameTaken, await Code(() => bed.Collects.RenameBoardAsync(fan.Id, second.Id, "好物", default)));
        Assert.Equal(0, await bed.QueryAsync(db => db.Collects.CountAsync()));
        Assert.Equal(0, (await bed.ReadNoteAsync(noteId)).CollectCount);
    }

    [Fact]
    public async Task PrivateBoards_AreVisibleOnlyToTheirOwner()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var reader = await bed.UserAsync("reader");
        var noteId = await bed.NoteAsync(author.Id);
        var open = await bed.Collects.CreateBoardAsync(fan.Id, "公开", false, default);
        var secret = await bed.Collects.CreateBoardAsync(fan.Id, "私密", true, default);
        await bed.Collects.CollectAsync(fan.Id, noteId, secret.Id, default);

        var seenByReader = await bed.Collects.BoardsForViewerAsync(fan.Id, reader.Id, default);
        var seenByOwner = await bed.Collects.BoardsForViewerAsync(fan.Id, fan.Id, default);

        Assert.Equal([open.Id], seenByReader.Select(x => x.Id));
        Assert.Equal(3, seenByOwner.Count);
        Assert.Equal(SocialErrors.BoardNotFound, (await Assert.ThrowsAsync<DomainException>(() => bed.Collects.BoardNotesAsync(secret.Id, reader.Id, null, 20, default))).Code);
        Assert.Equal(SocialErrors.BoardNotFound, (await Assert.ThrowsAsync<DomainException>(() => bed.Collects.BoardNotesAsync(secret.Id, null, null, 20, default))).Code);
        var page = await bed.Collects.BoardNotesAsync(secret.Id, fan.Id, null, 20, default);
        Assert.Equal(noteId, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task BoardNotes_PagesByCollectTime()
    {
        await using var bed = await SocialTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.UserAsync("author");
        var fan = await bed.UserAsync("fan");
        var board = await bed.Collects.CreateBoardAsync(fan.Id, "全部", false, default);
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            var id = await bed.NoteAsync(author.Id);
            ids.Add(id);
            await bed.Collects.CollectAsync(fan.Id, id, board.Id, default);
            if (i % 2 == 0) bed.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await bed.Collects.BoardNotesAsync(board.Id, null, SocialStore.Domain.Notes.FeedCursor.Parse(cursor), 3, default);
            seen.AddRange(page.Items.Select(n => n.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(ids), seen);
    }
}
