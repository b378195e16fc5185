using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation;

/// <summary>ADR-058: while a ban stands, approving or restoring a single item of the banned author keeps it hidden; lifting the ban brings it back.</summary>
public sealed class BanHoldsAgainstRestoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApprovingAnAutoHiddenNote_OfABannedAuthor_KeepsItHiddenUntilTheUnban(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider, hideThreshold: 1);
        var reporter = await bed.UserAsync("reporter", ageDays: 400);
        var noteReport = await bed.ReportNoteAsync(reporter.Id);
        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());
        var userReport = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Fraud, null), None);
        var ban = await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(userReport.ReviewableId, ModerationAction.Ban, "售假"), None);

        // The note's report is found unfounded while the ban stands: the note stays hidden, and the moderator is told why.
        var approve = await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(noteReport.ReviewableId, ModerationAction.Approve, "内容正常"), None);
        Assert.True(approve.HeldByBan);
        Assert.False(approve.TargetChanged);
        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());
        Assert.Equal(1, await bed.QueryAsync(db => db.Set<BanHiddenItem>().CountAsync(b => b.UserId == bed.Author.Id && b.TargetType == ReportTargetType.Note && b.TargetId == bed.NoteId)));

        // Lifting the ban brings it back.
        await bed.Moderation.AppealAsync(bed.Author.Id, ban.DecisionId, "账号被盗", None);
        await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(userReport.ReviewableId, ModerationAction.Restore, "申诉成立"), None);
        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());
        Assert.Equal(0, await bed.QueryAsync(db => db.Set<BanHiddenItem>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RestoringANoteTheBanHid_KeepsItHidden_AndRecordedOnce_UnbanRestores(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var reporter = await bed.UserAsync("reporter", ageDays: 400);
        var noteReport = await bed.ReportNoteAsync(reporter.Id);
        var userReport = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Fraud, null), None);
        var ban = await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(userReport.ReviewableId, ModerationAction.Ban, "售假"), None);
        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());

        var restore = await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(noteReport.ReviewableId, ModerationAction.Restore, "笔记本身没问题"), None);
        Assert.True(restore.HeldByBan);
        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());
        Assert.Equal(1, await bed.QueryAsync(db => db.Set<BanHiddenItem>().CountAsync(b => b.UserId == bed.Author.Id)));

        await bed.Moderation.AppealAsync(bed.Author.Id, ban.DecisionId, "请复核", None);
        await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(userReport.ReviewableId, ModerationAction.Restore, "解除封禁"), None);
        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());
    }

    [Fact]
    public async Task RestoringWithoutABan_BringsTheNoteBack_WithoutANote()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite, hideThreshold: 1);
        var reporter = await bed.UserAsync("reporter", ageDays: 400);
        var noteReport = await bed.ReportNoteAsync(reporter.Id);
        var approve = await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(noteReport.ReviewableId, ModerationAction.Approve, "内容正常"), None);
        Assert.False(approve.HeldByBan);
        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());
        Assert.Equal(0, await bed.QueryAsync(db => db.Set<BanHiddenItem>().CountAsync()));
    }
}
