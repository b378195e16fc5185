using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Moderation.Engagement;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Recommendations;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Recommendations;

/// <summary>ADR-053 §3: similar notes from co-engagement, ordered with shared topics, never padded, discounted engagement left out.</summary>
public class SimilarNotesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Similar_FromTwoOrMorePeopleInCommon_OrderedWithSharedTopics_DiscountedAndHiddenLeftOut(DatabaseProvider provider)
    {
        await using var bed = await RecsTestBed.CreateAsync(provider);
        var author = await bed.Social.UserAsync("author");
        var a = await bed.NoteAsync(author.Id, "手冲入门", "咖啡");
        var b = await bed.NoteAsync(author.Id, "磨豆机", "咖啡");      // 2 people in common, shares #咖啡
        var c = await bed.NoteAsync(author.Id, "云南徒步", "旅行");     // 2 people in common, no shared topic
        var d = await bed.NoteAsync(author.Id, "拿铁拉花", "咖啡");     // 1 person in common: too little data
        var e = await bed.NoteAsync(author.Id, "刷赞笔记", "咖啡");     // 2 in common, but by a confirmed burst: discounted
        var hidden = await bed.NoteAsync(author.Id, "已删除", "咖啡"); // 2 in common, then deleted
        var people = await bed.Social.ManyUsersAsync("p", 5);
        foreach (var p in people.Take(2))
        {
            await bed.Social.Likes.LikeNoteAsync(p.Id, a, default);
            await bed.Social.Likes.LikeNoteAsync(p.Id, b, default);
            await bed.Social.Collects.CollectAsync(p.Id, c, null, default);
            await bed.Social.Likes.LikeNoteAsync(p.Id, hidden, default);
        }
        await bed.Social.Likes.LikeNoteAsync(people[2].Id, a, default);
        await bed.Social.Likes.LikeNoteAsync(people[2].Id, d, default);
        foreach (var p in people.Skip(3))
        {
            await bed.Social.Likes.LikeNoteAsync(p.Id, a, default);
            await bed.Social.Likes.LikeNoteAsync(p.Id, e, default);
        }
        await using (var db = await bed.Social.Db.Factory.CreateDbContextAsync())
        {
            var finding = new EngagementFinding { Kind = FindingKind.Burst, Key = "burst:" + e, NoteId = e, MemberCount = 2, Status = FindingStatus.Confirmed, DetectedAt = bed.Social.Clock.GetUtcNow(), LastSeenAt = bed.Social.Clock.GetUtcNow() };
            db.Set<EngagementFinding>().Add(finding);
            await db.SaveChangesAsync();
            db.Set<EngagementFindingMember>().AddRange(people.Skip(3).Select(p => new EngagementFindingMember { FindingId = finding.Id, UserId = p.Id }));
            await db.Notes.Where(n => n.Id == hidden).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoteStatus.Deleted));
            await db.SaveChangesAsync();
        }
        var directory = new SimilarNotesDirectory(bed.Social.Db.Factory, bed.Social.Clock);
        var refresher = new SimilarNotesRefresher(bed.Social.Db.Factory, directory);
        var queries = new SimilarNotesQueries(bed.Social.Db.Factory, directory);

        await refresher.RefreshAsync(default);

        Assert.Equal([(b, 2), (c, 2)], (await queries.ForNoteAsync(a, default)).Select(s => (s.Card.Id, s.People)));
        Assert.Empty(await queries.ForNoteAsync(d, default));
        Assert.Empty(await queries.ForNoteAsync(e, default));
        Assert.Equal([a, c], (await queries.ForNoteAsync(b, default)).Select(s => s.Card.Id));
        var stored = await bed.Social.QueryAsync(db => db.SimilarNotes.Where(s => s.NoteId == a).OrderBy(s => s.OtherNoteId).ToListAsync());
        Assert.Equal([(b, 2, 1), (c, 2, 0)], stored.Select(s => (s.OtherNoteId, s.People, s.SharedTopics)));
    }
}
