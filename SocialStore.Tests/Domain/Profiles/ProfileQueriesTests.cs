using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Profiles;
using SocialStore.Tests.Domain.Sharing;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Profiles;

public class ProfileQueriesTests
{
    private static DateTimeOffset At(int minutes) => TestCommunity.Start.AddMinutes(minutes);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Header_CountsAreRealRows_AndKnowsWhetherTheViewerFollows(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var community = new TestCommunity(db.Factory);
        var queries = new ProfileQueries(db.Factory);
        var mei = await community.UserAsync("mei", "小美", bio: "爱护肤 🌸", avatarKey: "avatars/mei");
        var fans = new[] { await community.UserAsync("fan_a"), await community.UserAsync("fan_b"), await community.UserAsync("fan_c") };
        var published = await community.NoteAsync(mei.Id, At(1));
        var second = await community.NoteAsync(mei.Id, At(2));
        var deleted = await community.NoteAsync(mei.Id, At(3), deleted: true);
        var draft = await community.NoteAsync(mei.Id, At(4), draft: true);
        var othersNote = await community.NoteAsync(fans[0].Id, At(5));
        foreach (var fan in fans)
        {
            await community.FollowAsync(fan.Id, mei.Id);
            await community.LikeAsync(fan.Id, published.Id, At(10));
        }
        await community.LikeAsync(fans[0].Id, second.Id, At(11));
        await community.LikeAsync(fans[0].Id, othersNote.Id, At(11));
        var board = await community.BoardAsync(fans[1].Id, "收藏");
        await community.CollectAsync(fans[1].Id, second.Id, board.Id, At(12));
        await community.FollowAsync(mei.Id, fans[2].Id);
        // Engagement on notes that are not published does not count.
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            await context.Notes.Where(n => n.Id == deleted.Id || n.Id == draft.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, 50).SetProperty(n => n.CollectCount, 50));
        }

        var asFan = await queries.HeaderAsync("mei", fans[0].Id, default);
        var asStranger = await queries.HeaderAsync("MEI", null, default);
        var asSelf = await queries.HeaderAsync("mei", mei.Id, default);

        Assert.NotNull(asFan);
        Assert.Equal(("小美", "mei", "avatars/mei", "爱护肤 🌸"), (asFan.DisplayName, asFan.Handle, asFan.AvatarKey, asFan.Bio));
        Assert.Equal(mei.Id, asFan.UserId);
        Assert.Equal(3, asFan.FollowerCount);
        Assert.Equal(1, asFan.FollowingCount);
        Assert.Equal(3 + 1 + 1, asFan.LikesAndCollectsReceived);
        Assert.True(asFan.ViewerFollows);
        Assert.False(asFan.IsViewer);
        Assert.False(asStranger!.ViewerFollows);
        Assert.False(asStranger.CanSeeLikes);
        Assert.True(asSelf!.IsViewer);
        Assert.True(asSelf.CanSeeLikes);
        Assert.False(asSelf.ViewerFollows);

        // The counters agree with the rows they count.
        await using var check = await db.Factory.CreateDbContextAsync();
        Assert.Equal(await check.Follows.CountAsync(f => f.FolloweeId == mei.Id), asFan.FollowerCount);
        Assert.Equal(await check.Follows.CountAsync(f => f.FollowerId == mei.Id), asFan.FollowingCount);
        var publishedIds = new[] { published.Id, second.Id };
        Assert.Equal(
            await check.NoteLikes.CountAsync(l => publishedIds.Contains(l.NoteId)) + await check.Collects.CountAsync(c => publishedIds.Contains(c.NoteId)),
            asFan.LikesAndCollectsReceived);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nobody")]
    [InlineData("a")]
    [InlineData("mei'--")]
    [InlineData("小美")]
    public async Task Header_UnknownOrImpossibleHandle_IsNull(string? handle)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await new TestCommunity(db.Factory).UserAsync("mei");
        Assert.Null(await new ProfileQueries(db.Factory).HeaderAsync(handle, null, default));
    }

    [Fact]
    public async Task Header_UserWithoutNotes_HasZeroLikesAndCollects()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await new TestCommunity(db.Factory).UserAsync("newbie");
        var header = await new ProfileQueries(db.Factory).HeaderAsync("newbie", null, default);
        Assert.Equal(0, header!.LikesAndCollectsReceived);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notes_PublishedOnly_NewestFirst_PagesThroughEachOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var community = new TestCommunity(db.Factory);
        var mei = await community.UserAsync("mei");
        var other = await community.UserAsync("other");
        var expected = new List<long>();
        for (var i = 0; i < 25; i++)
            expected.Add((await community.NoteAsync(mei.Id, At(i - i % 4))).Id); // equal times: the id breaks the tie
        await community.NoteAsync(mei.Id, At(100), deleted: true);
        await community.NoteAsync(mei.Id, At(101), draft: true);
        await community.NoteAsync(other.Id, At(102));
        var queries = new ProfileQueries(db.Factory);

        var seen = new List<NoteCard>();
        FeedCursor? cursor = null;
        do
        {
            var page = await queries.NotesAsync(mei.Id, cursor, 10, default);
            seen.AddRange(page.Items);
            cursor = FeedCursor.Parse(page.NextCursor);
        }
        while (cursor is not null);

        Assert.Equal(expected.OrderByDescending(id => id), seen.Select(n => n.Id));
        Assert.All(seen, n => Assert.Equal("mei", n.AuthorHandle));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Liked_NewestLikeFirst_OnlyForTheOwnerUntilMadePublic(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var community = new TestCommunity(db.Factory);
        var mei = await community.UserAsync("mei");
        var author = await community.UserAsync("author");
        var stranger = await community.UserAsync("stranger");
        var notes = new List<Note>();
        for (var i = 0; i < 7; i++) notes.Add(await community.NoteAsync(author.Id, At(i)));
        // Liked in the order 3, 0, 6, 1, 5, 2(deleted later), 4 — the newest like comes first, not the newest note.
        int[] order = [3, 0, 6, 1, 5, 2, 4];
        for (var i = 0; i < order.Length; i++) await community.LikeAsync(mei.Id, notes[order[i]].Id, At(100 + i));
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            var gone = await context.Notes.SingleAsync(n => n.Id == notes[2].Id);
            gone.Delete(At(200));
            await context.SaveChangesAsync();
        }
        var queries = new ProfileQueries(db.Factory);
        var profiles = new PrivacyService(db.Factory);

        var seen = new List<long>();
        FeedCursor? cursor = null;
        do
        {
            var page = await queries.LikedAsync(mei.Id, mei.Id, cursor, 2, default);
            seen.AddRange(page.Items.Select(n => n.Id));
            cursor = FeedCursor.Parse(page.NextCursor);
        }
        while (cursor is not null);
        var hiddenFromStranger = await queries.LikedAsync(mei.Id, stranger.Id, null, 20, default);
        var hiddenFromAnonymous = await queries.LikedAsync(mei.Id, null, null, 20, default);
        await profiles.SetLikesPublicAsync(mei.Id, true, default);
        var publicNow = await queries.LikedAsync(mei.Id, null, null, 20, default);
        await profiles.SetLikesPublicAsync(mei.Id, false, default);
        var privateAgain = await queries.LikedAsync(mei.Id, stranger.Id, null, 20, default);

        Assert.Equal(new[] { 4, 5, 1, 6, 0, 3 }.Select(i => notes[i].Id), seen);
        Assert.Empty(hiddenFromStranger.Items);
        Assert.Empty(hiddenFromAnonymous.Items);
        Assert.Equal(seen, publicNow.Items.Select(n => n.Id));
        Assert.Empty(privateAgain.Items);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Boards_PrivateOnlyForTheOwner_WithPublishedNoteCountsAndFourNewestCovers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var community = new TestCommunity(db.Factory);
        var mei = await community.UserAsync("mei");
        var author = await community.UserAsync("author");
        var notes = new List<Note>();
        for (var i = 0; i < 6; i++) notes.Add(await community.NoteAsync(author.Id, At(i), cover: $"covers/{i}.svg"));
        var gone = await community.NoteAsync(author.Id, At(10), cover: "covers/gone.svg", deleted: true);
        var standard = await community.BoardAsync(mei.Id, "默认专辑", isDefault: true, at: At(0));
        var secret = await community.BoardAsync(mei.Id, "秘密", isPrivate: true, at: At(1));
        var empty = await community.BoardAsync(mei.Id, "空的", at: At(2));
        await community.BoardAsync(author.Id, "别人的", at: At(3));
        for (var i = 0; i < 6; i++) await community.CollectAsync(mei.Id, notes[i].Id, standard.Id, At(100 + i));
        await community.CollectAsync(mei.Id, gone.Id, standard.Id, At(200));
        var queries = new ProfileQueries(db.Factory);
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            // The same note cannot be collected twice, so the private board gets the author's own collect of note 0.
            context.Collects.Add(new SocialStore.Domain.Social.Collect { UserId = author.Id, NoteId = notes[0].Id, BoardId = secret.Id, CreatedAt = At(300) });
            await context.SaveChangesAsync();
        }

        var asOwner = await queries.BoardsAsync(mei.Id, mei.Id, default);
        var asOther = await queries.BoardsAsync(mei.Id, author.Id, default);
        var asAnonymous = await queries.BoardsAsync(mei.Id, null, default);

        Assert.Equal(new[] { standard.Id, empty.Id, secret.Id }, asOwner.Select(b => b.Id));
        Assert.Equal(new[] { standard.Id, empty.Id }, asOther.Select(b => b.Id));
        Assert.Equal(asOther, asAnonymous, (a, b) => a.Id == b.Id);
        var first = asOwner[0];
        Assert.True(first.IsDefault);
        Assert.Equal(6, first.NoteCount);
        Assert.Equal(["covers/5.svg", "covers/4.svg", "covers/3.svg", "covers/2.svg"], first.CoverKeys);
        Assert.Equal(0, asOwner[1].NoteCount);
        Assert.Empty(asOwner[1].CoverKeys);
        Assert.True(asOwner[2].IsPrivate);
        Assert.Equal(1, asOwner[2].NoteCount);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Board_PrivateBoardAndItsNotes_OnlyForTheOwner(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var community = new TestCommunity(db.Factory);
        var mei = await community.UserAsync("mei", "小美");
        var other = await community.UserAsync("other");
        var note = await community.NoteAsync(other.Id, At(0));
        var note2 = await community.NoteAsync(other.Id, At(1));
        var open = await community.BoardAsync(mei.Id, "公开");
        var secret = await community.BoardAsync(mei.Id, "秘密", isPrivate: true);
        await community.CollectAsync(mei.Id, note.Id, open.Id, At(10));
        await community.CollectAsync(mei.Id, note2.Id, secret.Id, At(11));
        var queries = new ProfileQueries(db.Factory);

        var openHeader = await queries.BoardAsync("mei", open.Id, null, default);
        Assert.Equal(("公开", 1, "mei", "小美"), (openHeader!.Name, openHeader.NoteCount, openHeader.OwnerHandle, openHeader.OwnerName));
        Assert.Equal([note.Id], (await queries.BoardNotesAsync(open.Id, null, null, 20, default)).Items.Select(n => n.Id));

        Assert.Null(await queries.BoardAsync("mei", secret.Id, other.Id, default));
        Assert.Null(await queries.BoardAsync("mei", secret.Id, null, default));
        Assert.Empty((await queries.BoardNotesAsync(secret.Id, other.Id, null, 20, default)).Items);
        Assert.NotNull(await queries.BoardAsync("mei", secret.Id, mei.Id, default));
        Assert.Equal([note2.Id], (await queries.BoardNotesAsync(secret.Id, mei.Id, null, 20, default)).Items.Select(n => n.Id));

        // A board is only found under its owner's handle.
        Assert.Null(await queries.BoardAsync("other", open.Id, null, default));
        Assert.Null(await queries.BoardAsync("mei", 987654, null, default));
    }

    [Fact]
    public async Task SetLikesPublic_UnknownUser_IsRejected()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var ex = await Assert.ThrowsAsync<DomainException>(() => new PrivacyService(db.Factory).SetLikesPublicAsync("nobody", true, default));
        Assert.Equal("Profile.NotFound", ex.Code);
    }

    [Fact]
    public async Task SetLikesPublic_ChangesTheConcurrencyStamp()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var mei = await new TestCommunity(db.Factory).UserAsync("mei");
        var before = mei.ConcurrencyStamp;

        await new PrivacyService(db.Factory).SetLikesPublicAsync(mei.Id, true, default);

        await using var context = await db.Factory.CreateDbContextAsync();
        var saved = await context.Users.SingleAsync(u => u.Id == mei.Id);
        Assert.True(saved.LikesArePublic);
        Assert.NotEqual(before, saved.ConcurrencyStamp);
    }
}
