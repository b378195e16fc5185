using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Notes;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation;

/// <summary>ADR-063: granting an appeal undoes the decision appealed — that hide, that mute, that ban — and leaves the author's other sanctions.</summary>
public sealed class AppealUndoesOnlyItsDecisionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GrantingTheMutesAppeal_LeavesTheBanFromAnotherDecision_ThenTheBansAppealLiftsIt(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var reporter = await bed.UserAsync("reporter", ageDays: 400);
        var noteReport = await bed.ReportNoteAsync(reporter.Id);
        var userReport = await ReportUserAsync(bed, reporter.Id);
        var mute = await Decide(bed, noteReport.ReviewableId, ModerationAction.Mute, muteDays: 7);
        var ban = await Decide(bed, userReport.ReviewableId, ModerationAction.Ban);

        await bed.Moderation.AppealAsync(bed.Author.Id, mute.DecisionId, "只是分享", None);
        var granted = await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(noteReport.ReviewableId, ModerationAction.Restore, "申诉成立"), None);

        // The mute is gone, the ban stands: sign-in still refused, the note held back by the ban.
        var sanction = await SanctionAsync(bed);
        Assert.NotNull(sanction);
        Assert.Null(sanction.MutedUntil);
        Assert.NotNull(sanction.BannedAt);
        Assert.True(await LockedOutAsync(bed));
        Assert.True(granted.HeldByBan);
        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());

        await bed.Moderation.AppealAsync(bed.Author.Id, ban.DecisionId, "账号被盗", None);
        await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(userReport.ReviewableId, ModerationAction.Restore, "申诉成立"), None);

        Assert.Null(await SanctionAsync(bed));
        Assert.False(await LockedOutAsync(bed));
        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GrantingOneHidesAppeal_RestoresThatNoteOnly_AndKeepsTheMute(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var reporter = await bed.UserAsync("reporter", ageDays: 400);
        var other = await TestData.NoteAsync(bed.Db.Factory, bed.Author.Id, "第二篇");
        var first = await bed.ReportNoteAsync(reporter.Id);
        var second = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.Note, other.Id.ToString(), ReportReason.Spam, null), None);
        var userReport = await ReportUserAsync(bed, reporter.Id);
        var hide = await Decide(bed, first.ReviewableId, ModerationAction.Hide);
        await Decide(bed, second.ReviewableId, ModerationAction.Hide);
        await Decide(bed, userReport.ReviewableId, ModerationAction.Mute, muteDays: 3);

        await bed.Moderation.AppealAsync(bed.Author.Id, hide.DecisionId, "不是广告", None);
        var granted = await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(first.ReviewableId, ModerationAction.Approve, "申诉成立"), None);

        Assert.False(granted.HeldByBan);
        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());
        Assert.Equal(NoteStatus.Hidden, await bed.QueryAsync(db => db.Notes.Where(n => n.Id == other.Id).Select(n => n.Status).SingleAsync()));
        Assert.Equal(ModerationTestBed.Now.AddDays(3), (await SanctionAsync(bed))?.MutedUntil);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoBansAndTwoMutes_EachAppealUndoesOnlyItsOwn(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var reporter = await bed.UserAsync("reporter", ageDays: 400);
        var noteReport = await bed.ReportNoteAsync(reporter.Id);
        var userReport = await ReportUserAsync(bed, reporter.Id);

        // Mutes: 3 days on the note, then 10 days on the user (the longer one is in force).
        var shortMute = await Decide(bed, noteReport.ReviewableId, ModerationAction.Mute, muteDays: 3);
        var longMute = await Decide(bed, userReport.ReviewableId, ModerationAction.Mute, muteDays: 10);
        Assert.Equal(ModerationTestBed.Now.AddDays(10), (await SanctionAsync(bed))?.MutedUntil);
        await bed.Moderation.AppealAsync(bed.Author.Id, longMute.DecisionId, null, None);
        await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(userReport.ReviewableId, ModerationAction.Restore, "十天太长"), None);
        Assert.Equal(ModerationTestBed.Now.AddDays(3), (await SanctionAsync(bed))?.MutedUntil);
        await bed.Moderation.AppealAsync(bed.Author.Id, shortMute.DecisionId, null, None);
        await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(noteReport.ReviewableId, ModerationAction.Restore, "误判"), None);
        Assert.Null(await SanctionAsync(bed));

        // Bans: one on a second note's report, one on a new round of the user's report; each appeal alone.
        var other = await TestData.NoteAsync(bed.Db.Factory, bed.Author.Id, "第二篇");
        var second = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.Note, other.Id.ToString(), ReportReason.Fraud, null), None);
        var again = await ReportUserAsync(bed, (await bed.UserAsync("reporter2", ageDays: 400)).Id);
        var firstBan = await Decide(bed, second.ReviewableId, ModerationAction.Ban);
        bed.Clock.Advance(TimeSpan.FromMinutes(5));
        var secondBan = await Decide(bed, again.ReviewableId, ModerationAction.Ban);
        Assert.Equal(ModerationTestBed.Now, (await SanctionAsync(bed))?.BannedAt);

        await bed.Moderation.AppealAsync(bed.Author.Id, firstBan.DecisionId, null, None);
        var held = await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(second.ReviewableId, ModerationAction.Restore, "这篇没问题"), None);
        Assert.True(held.HeldByBan);
        Assert.True(await LockedOutAsync(bed));
        Assert.Equal(NoteStatus.Hidden, await bed.QueryAsync(db => db.Notes.Where(n => n.Id == other.Id).Select(n => n.Status).SingleAsync()));

        await bed.Moderation.AppealAsync(bed.Author.Id, secondBan.DecisionId, null, None);
        await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(again.ReviewableId, ModerationAction.Restore, "解除"), None);
        Assert.Null(await SanctionAsync(bed));
        Assert.False(await LockedOutAsync(bed));
        Assert.Equal(NoteStatus.Published, await bed.QueryAsync(db => db.Notes.Where(n => n.Id == other.Id).Select(n => n.Status).SingleAsync()));
        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());
    }

    private static Task<ReportResult> ReportUserAsync(ModerationTestBed bed, string reporterId) =>
        bed.Reports.ReportAsync(reporterId, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Harassment, null), None);

    private static Task<DecisionResult> Decide(ModerationTestBed bed, long reviewableId, ModerationAction action, int? muteDays = null) =>
        bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(reviewableId, action, "违规", muteDays), None);

    private static Task<UserSanction?> SanctionAsync(ModerationTestBed bed) =>
        bed.QueryAsync(db => db.Set<UserSanction>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == bed.Author.Id));

    private static Task<bool> LockedOutAsync(ModerationTestBed bed) =>
        bed.QueryAsync(db => db.Users.Where(u => u.Id == bed.Author.Id).Select(u => u.LockoutEnd != null).SingleAsync());
}
