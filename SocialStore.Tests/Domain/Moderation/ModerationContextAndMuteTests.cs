using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Moderation;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation;

/// <summary>
/// Issue 15 §3: a user report shows the moderator the person's recent content, and a shorter mute decided while a
/// longer one is in force does not cut the longer one short.
/// </summary>
public class ModerationContextAndMuteTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UserReport_DetailShowsTheAuthorsRecentNotesAndComments(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var reporter = await bed.UserAsync("reporter");
        var other = await TestData.NoteAsync(bed.Db.Factory, reporter.Id, "别人的笔记");
        await bed.Comments.AddAsync(bed.Author.Id, other.Id, "作者最近的一条评论", null, None);

        var report = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Harassment, null), None);
        var detail = await bed.Moderation.DetailAsync(bed.Mod1Principal, report.ReviewableId, None);

        Assert.NotNull(detail);
        Assert.Contains(detail.Context, c => c.Kind == "note" && c.Id == bed.NoteId && c.Title == "秋冬护肤");
        Assert.Contains(detail.Context, c => c.Kind == "comment" && c.Body == "作者最近的一条评论");
        Assert.DoesNotContain(detail.Context, c => c.Id == other.Id && c.Kind == "note");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ShorterMuteAfterALongerOne_KeepsTheLongerEnd_ALongerOneExtends(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var reporter = await bed.UserAsync("reporter");
        async Task MuteAsync(int days, ReportReason reason)
        {
            var report = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, reason, reason == ReportReason.Other ? "刷屏" : null), None);
            await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(report.ReviewableId, ModerationAction.Mute, "刷屏", days), None);
        }
        Task<DateTimeOffset?> MutedUntilAsync() => bed.QueryAsync(db => db.Set<UserSanction>().Where(s => s.UserId == bed.Author.Id).Select(s => s.MutedUntil).SingleAsync());

        await MuteAsync(7, ReportReason.Spam);
        Assert.Equal(ModerationTestBed.Now.AddDays(7), await MutedUntilAsync());
        await MuteAsync(3, ReportReason.Fraud);
        Assert.Equal(ModerationTestBed.Now.AddDays(7), await MutedUntilAsync());
        await MuteAsync(10, ReportReason.Other);
        Assert.Equal(ModerationTestBed.Now.AddDays(10), await MutedUntilAsync());
    }
}
