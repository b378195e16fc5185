using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation;

public sealed class ModerationServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<DomainException> RefusedAsync(Func<Task> action) => await Assert.ThrowsAsync<DomainException>(action);

    [Fact]
    public async Task Report_TwoReporters_MergeIntoOneReviewableScoredByTrust()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var veteran = await bed.UserAsync("veteran", ageDays: 400);
        var newcomer = await bed.UserAsync("newcomer");

        var first = await bed.ReportNoteAsync(veteran.Id, ReportReason.Fraud);
        var second = await bed.ReportNoteAsync(newcomer.Id, ReportReason.Other, "假货");

        Assert.Equal(first.ReviewableId, second.ReviewableId);
        Assert.Equal(2.0, first.Weight); // 1 + a year-old account
        Assert.Equal(1.0, second.Weight);
        var reviewable = await bed.QueryAsync(db => db.Set<Reviewable>().SingleAsync());
        Assert.Equal((3.0, 2, ReviewableState.Pending, ReportReason.Other, false), (reviewable.Score, reviewable.ReportCount, reviewable.State, reviewable.LatestReason, reviewable.AutoHidden));
        Assert.Equal(2, await bed.QueryAsync(db => db.Set<Report>().CountAsync()));
        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());
    }

    [Fact]
    public void AccuracyBonus_GrowsWithUpheldShareAndHistory()
    {
        Assert.Equal(0, ReportService.AccuracyBonus(0, 0));
        Assert.Equal(2.0, ReportService.AccuracyBonus(5, 0));
        Assert.Equal(1.0, ReportService.AccuracyBonus(5, 5));
        Assert.Equal(0.4, ReportService.AccuracyBonus(1, 0), 6);
    }

    [Fact]
    public async Task Report_ScoreReachesHideThreshold_HidesNoteAtOnceAndTellsAuthor()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite, hideThreshold: 2);
        var a = await bed.UserAsync("a");
        var b = await bed.UserAsync("b");

        var below = await bed.ReportNoteAsync(a.Id);
        Assert.False(below.Hidden);
        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());

        var reached = await bed.ReportNoteAsync(b.Id);

        Assert.True(reached.Hidden);
        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());
        var decision = await bed.QueryAsync(db => db.Set<ModerationDecision>().SingleAsync());
        Assert.Equal((ModerationAction.AutoHide, 2.0, 2.0, (string?)null), (decision.Action, decision.Score, decision.HideThreshold, decision.ModeratorId));
        var notice = await bed.QueryAsync(db => db.Notifications.SingleAsync(n => n.Kind == NotificationKind.Moderation));
        Assert.Equal((bed.Author.Id, decision.Id), (notice.RecipientId, notice.ModerationDecisionId));
        var page = await bed.Notifications.ListAsync(bed.Author.Id, null, None);
        Assert.Equal(decision.Id, Assert.Single(page.Unread).ModerationDecisionId);
        // Still in the queue, pending review.
        var queue = await bed.Moderation.QueueAsync(bed.Mod1Principal, new QueueQuery(), None);
        Assert.True(Assert.Single(queue.Items).AutoHidden);
    }

    [Fact]
    public async Task Report_BadInput_IsRefusedAndChangesNothing()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite, reportsPerHour: 2);
        var reporter = await bed.UserAsync("reporter");

        Assert.Equal(ModerationErrors.OwnContent, (await RefusedAsync(() => bed.ReportNoteAsync(bed.Author.Id))).Code);
        Assert.Equal(ModerationErrors.TextRequired, (await RefusedAsync(() => bed.ReportNoteAsync(reporter.Id, ReportReason.Other, "  "))).Code);
        Assert.Equal(ModerationErrors.TextTooLong, (await RefusedAsync(() => bed.ReportNoteAsync(reporter.Id, ReportReason.Other, new string('字', 501)))).Code);
        Assert.Equal(ModerationErrors.ReasonInvalid, (await RefusedAsync(() => bed.ReportNoteAsync(reporter.Id, (ReportReason)99))).Code);
        Assert.Equal(ModerationErrors.TargetNotFound, (await RefusedAsync(() => bed.Reports.ReportAsync(reporter.Id,
            new ReportInput(ReportTargetType.Comment, "999999", ReportReason.Spam, null), None))).Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.Set<Report>().CountAsync()));
        Assert.Equal(0, await bed.QueryAsync(db => db.Set<Reviewable>().CountAsync()));

        await bed.ReportNoteAsync(reporter.Id);
        Assert.Equal(ModerationErrors.AlreadyReported, (await RefusedAsync(() => bed.ReportNoteAsync(reporter.Id))).Code);
        await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Harassment, null), None);
        var other = await TestData.NoteAsync(bed.Db.Factory, bed.Author.Id, "另一篇");
        Assert.Equal(SocialStore.Domain.Limits.LimitErrors.Report, (await RefusedAsync(() => bed.Reports.ReportAsync(reporter.Id,
            new ReportInput(ReportTargetType.Note, other.Id.ToString(), ReportReason.Spam, null), None))).Code);

        // A deleted note cannot be reported.
        await using (var db = await bed.Db.Factory.CreateDbContextAsync())
            await db.Notes.Where(n => n.Id == other.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoteStatus.Deleted));
        bed.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(ModerationErrors.TargetNotFound, (await RefusedAsync(() => bed.Reports.ReportAsync(reporter.Id,
            new ReportInput(ReportTargetType.Note, other.Id.ToString(), ReportReason.Spam, null), None))).Code);
        Assert.Equal(2, await bed.QueryAsync(db => db.Set<Report>().CountAsync()));
    }

    [Fact]
    public async Task Decide_Hide_HidesNoteTellsAuthorAndReporterUpholdsReportAndAudits()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var reporter = await bed.UserAsync("reporter");
        var report = await bed.ReportNoteAsync(reporter.Id, ReportReason.Misinformation, "夸大功效");

        var result = await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(report.ReviewableId, ModerationAction.Hide, "功效宣传无依据"), None);

        Assert.True(result.TargetChanged);
        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());
        var decision = await bed.QueryAsync(db => db.Set<ModerationDecision>().SingleAsync());
        Assert.Equal((bed.Mod1.Id, "功效宣传无依据", 1.0, 6.0), (decision.ModeratorId, decision.Reason, decision.Score, decision.HideThreshold));
        Assert.True(await bed.QueryAsync(db => db.Set<Report>().Select(r => r.Upheld).SingleAsync()));
        var recipients = await bed.QueryAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.Moderation).Select(n => n.RecipientId).OrderBy(x => x).ToListAsync());
        Assert.Equal(new[] { bed.Author.Id, reporter.Id }.Order(), recipients);
        var authorNotice = await bed.Moderation.NoticeAsync(bed.Author.Id, decision.Id, None);
        Assert.NotNull(authorNotice);
        Assert.True(authorNotice.ToAuthor && authorNotice.CanAppeal);
        Assert.Equal("功效宣传无依据", authorNotice.Reason);
        var reporterNotice = await bed.Moderation.NoticeAsync(reporter.Id, decision.Id, None);
        Assert.False(reporterNotice!.ToAuthor || reporterNotice.CanAppeal);
        Assert.Null(await bed.Moderation.NoticeAsync(bed.Mod2.Id, decision.Id, None));
        var audit = await bed.QueryAsync(db => db.AuditLog.SingleAsync());
        Assert.Equal(("moderation.hide", "note", bed.NoteKey, bed.Mod1.Id, "功效宣传无依据"), (audit.Action, audit.TargetType, audit.TargetId, audit.ActorId, audit.Reason));
        Assert.StartsWith("Published", audit.Before);
        Assert.StartsWith("Hidden", audit.After);
        var found = await bed.Moderation.AuditAsync(bed.Mod2Principal, new AuditQuery("@mod1"), None);
        Assert.Equal(1, found.Total);
        Assert.Equal(0, (await bed.Moderation.AuditAsync(bed.Mod2Principal, new AuditQuery("nobody"), None)).Total);

        // Decided: out of the open queue; a second decision is refused.
        Assert.Equal(0, (await bed.Moderation.QueueAsync(bed.Mod1Principal, new QueueQuery(), None)).Total);
        Assert.Equal(ModerationErrors.AlreadyDecided, (await RefusedAsync(() =>
            bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(report.ReviewableId, ModerationAction.Delete, "x"), None))).Code);
    }

    [Fact]
    public async Task Decide_ApproveAfterAutoHide_RestoresNoteAndCountsAgainstReporters()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite, hideThreshold: 1);
        var reporter = await bed.UserAsync("reporter");
        var report = await bed.ReportNoteAsync(reporter.Id);
        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());

        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(report.ReviewableId, ModerationAction.Approve, "内容正常"), None);

        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());
        Assert.False(await bed.QueryAsync(db => db.Set<Report>().Select(r => r.Upheld).SingleAsync()));
    }

    [Fact]
    public async Task Decide_DeleteWarnAndBadInput()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var reporter = await bed.UserAsync("reporter");
        var note = await bed.ReportNoteAsync(reporter.Id);
        var shopper = ModerationTestBed.Principal(reporter.Id);

        Assert.Equal(ModerationErrors.StaffOnly, (await RefusedAsync(() => bed.Moderation.DecideAsync(shopper, new DecisionInput(note.ReviewableId, ModerationAction.Hide, "x"), None))).Code);
        Assert.Equal(ModerationErrors.StaffOnly, (await RefusedAsync(() => bed.Moderation.QueueAsync(shopper, new QueueQuery(), None))).Code);
        Assert.Equal(ModerationErrors.StaffOnly, (await RefusedAsync(() => bed.Moderation.AuditAsync(shopper, new AuditQuery(), None))).Code);
        Assert.Equal(ModerationErrors.DecisionReasonRequired, (await RefusedAsync(() => bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(note.ReviewableId, ModerationAction.Hide, " "), None))).Code);
        Assert.Equal(ModerationErrors.MuteDaysInvalid, (await RefusedAsync(() => bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(note.ReviewableId, ModerationAction.Mute, "x", 0), None))).Code);
        Assert.Equal(ModerationErrors.ReviewableNotFound, (await RefusedAsync(() => bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(999, ModerationAction.Hide, "x"), None))).Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.Set<ModerationDecision>().CountAsync()));

        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(note.ReviewableId, ModerationAction.Delete, "违规"), None);
        Assert.Equal(NoteStatus.Deleted, await bed.NoteStatusAsync());

        var user = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Harassment, null), None);
        Assert.Equal(ModerationErrors.ActionNotForTarget, (await RefusedAsync(() => bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(user.ReviewableId, ModerationAction.Hide, "x"), None))).Code);
        var warned = await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(user.ReviewableId, ModerationAction.Warn, "请注意言辞"), None);
        Assert.False(warned.TargetChanged);
        Assert.Equal(2, await bed.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action.StartsWith("moderation."))));
    }

    [Fact]
    public async Task Decide_MuteThenBan_StopsTheAuthorInTheServices()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var reporter = await bed.UserAsync("reporter");
        var other = await TestData.NoteAsync(bed.Db.Factory, reporter.Id, "别人的笔记");
        var first = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Spam, null), None);

        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(first.ReviewableId, ModerationAction.Mute, "刷屏", 3), None);

        var muted = await RefusedAsync(() => bed.Comments.AddAsync(bed.Author.Id, other.Id, "还在刷", null, None));
        Assert.Equal(ModerationErrors.Muted, muted.Code);
        Assert.Equal(ModerationErrors.Muted, (await RefusedAsync(() => bed.Likes.LikeNoteAsync(bed.Author.Id, other.Id, None))).Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.Comments.CountAsync()));
        // The mute ends on its own.
        bed.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await bed.Comments.AddAsync(bed.Author.Id, other.Id, "好的", null, None);

        var second = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Fraud, null), None);
        Assert.Equal(first.ReviewableId, second.ReviewableId);
        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(second.ReviewableId, ModerationAction.Ban, "售假"), None);

        Assert.Equal(ModerationErrors.Banned, (await RefusedAsync(() => bed.Comments.AddAsync(bed.Author.Id, other.Id, "再来", null, None))).Code);
        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());
        var author = await bed.QueryAsync(db => db.Users.SingleAsync(u => u.Id == bed.Author.Id));
        Assert.True(author.LockoutEnabled && author.LockoutEnd > bed.Clock.GetUtcNow());
        Assert.NotEqual(bed.Author.SecurityStamp, author.SecurityStamp);
    }

    [Fact]
    public async Task Appeal_OnceOnly_DecidedByAnotherModerator_RestoresNote()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var reporter = await bed.UserAsync("reporter");
        var report = await bed.ReportNoteAsync(reporter.Id);
        var hide = await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(report.ReviewableId, ModerationAction.Hide, "疑似广告"), None);

        Assert.Equal(ModerationErrors.AppealNotAllowed, (await RefusedAsync(() => bed.Moderation.AppealAsync(reporter.Id, hide.DecisionId, "我不服", None))).Code);
        await bed.Moderation.AppealAsync(bed.Author.Id, hide.DecisionId, "这是我自己的使用感受", None);
        Assert.Equal(ModerationErrors.AlreadyAppealed, (await RefusedAsync(() => bed.Moderation.AppealAsync(bed.Author.Id, hide.DecisionId, "再申诉", None))).Code);

        var queue = await bed.Moderation.QueueAsync(bed.Mod1Principal, new QueueQuery(State: QueueStateFilter.Appealed), None);
        Assert.Equal(ReviewableState.Appealed, Assert.Single(queue.Items).State);
        Assert.Equal(ModerationErrors.OtherModeratorRequired, (await RefusedAsync(() =>
            bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(report.ReviewableId, ModerationAction.Restore, "x"), None))).Code);

        var restore = await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(report.ReviewableId, ModerationAction.Restore, "申诉成立"), None);

        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());
        Assert.Equal(ModerationErrors.AppealOfAppeal, (await RefusedAsync(() => bed.Moderation.AppealAsync(bed.Author.Id, restore.DecisionId, "x", None))).Code);
        Assert.False(await bed.QueryAsync(db => db.Set<Report>().Select(r => r.Upheld).SingleAsync()));
        var actions = await bed.QueryAsync(db => db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["moderation.hide", "moderation.appeal", "moderation.restore"], actions);
    }

    [Fact]
    public async Task Appeal_OnlyModerator_MayDecideTheirOwnDecisionsAppeal()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = await bed.Db.Factory.CreateDbContextAsync())
            await db.UserRoles.Where(r => r.UserId == bed.Mod2.Id).ExecuteDeleteAsync();
        var reporter = await bed.UserAsync("reporter");
        var report = await bed.ReportNoteAsync(reporter.Id);
        var hide = await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(report.ReviewableId, ModerationAction.Hide, "x"), None);
        await bed.Moderation.AppealAsync(bed.Author.Id, hide.DecisionId, null, None);

        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(report.ReviewableId, ModerationAction.Hide, "维持"), None);

        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Report_SameReportTwiceAtOnce_OneRow(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var reporters = new List<string>();
        for (var i = 0; i < 4; i++) reporters.Add((await bed.UserAsync($"r{i}")).Id);

        // Each reporter twice at once, everyone at once: one reviewable, one report per reporter.
        var attempts = reporters.SelectMany(r => new[] { r, r }).Select(r => Task.Run(async () =>
        {
            try { await bed.ReportNoteAsync(r); return true; }
            catch (DomainException ex) when (ex.Code == ModerationErrors.AlreadyReported) { return false; }
        })).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(4, results.Count(x => x));
        Assert.Equal(4, await bed.QueryAsync(db => db.Set<Report>().CountAsync()));
        var reviewable = await bed.QueryAsync(db => db.Set<Reviewable>().SingleAsync());
        Assert.Equal((4, 4.0), (reviewable.ReportCount, reviewable.Score));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_TwoModeratorsAtOnce_OneDecisionWins(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var reporter = await bed.UserAsync("reporter");
        var report = await bed.ReportNoteAsync(reporter.Id);

        var outcomes = await Task.WhenAll(
            Attempt(bed.Mod1Principal, ModerationAction.Hide), Attempt(bed.Mod2Principal, ModerationAction.Approve),
            Attempt(bed.Mod1Principal, ModerationAction.Delete), Attempt(bed.Mod2Principal, ModerationAction.Warn));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(ModerationErrors.AlreadyDecided, o));
        Assert.Equal(1, await bed.QueryAsync(db => db.Set<ModerationDecision>().CountAsync()));
        Assert.Equal(1, await bed.QueryAsync(db => db.AuditLog.CountAsync()));

        Task<string?> Attempt(System.Security.Claims.ClaimsPrincipal who, ModerationAction action) => Task.Run(async () =>
        {
            try
            {
                await bed.Moderation.DecideAsync(who, new DecisionInput(report.ReviewableId, action, "同时处理"), None);
                return (string?)null;
            }
            catch (DomainException ex) { return ex.Code; }
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Comment_ByMutedUser_IsRefusedByTheService(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var reporter = await bed.UserAsync("reporter");
        var other = await TestData.NoteAsync(bed.Db.Factory, reporter.Id, "别人的笔记");
        var report = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Harassment, null), None);
        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(report.ReviewableId, ModerationAction.Mute, "骚扰他人", 7), None);

        var refused = await RefusedAsync(() => bed.Comments.AddAsync(bed.Author.Id, other.Id, "你好", null, None));

        Assert.Equal(ModerationErrors.Muted, refused.Code);
        Assert.Equal(0, await bed.QueryAsync(db => db.Comments.CountAsync()));
        Assert.Equal(0, await bed.QueryAsync(db => db.Notes.Where(n => n.Id == other.Id).Select(n => n.CommentCount).SingleAsync()));
    }

    [Fact]
    public async Task Decide_HideAndRestoreAComment_MovesItOutOfAndBackIntoItsThreadWithTheCounter()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var reporter = await bed.UserAsync("reporter");
        var comment = await bed.Comments.AddAsync(bed.Author.Id, bed.NoteId, "加我微信买便宜货", null, None);
        var report = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.Comment, comment.Id.ToString(), ReportReason.Spam, null), None);

        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(report.ReviewableId, ModerationAction.Hide, "站外引流"), None);

        Assert.Equal(0, await bed.QueryAsync(db => db.Notes.Where(n => n.Id == bed.NoteId).Select(n => n.CommentCount).SingleAsync()));
        Assert.Empty((await bed.Comments.ListAsync(bed.NoteId, default, null, null, 20, None)).Items);
        var hide = await bed.QueryAsync(db => db.Set<ModerationDecision>().SingleAsync());
        await bed.Moderation.AppealAsync(bed.Author.Id, hide.Id, "误判", None);
        await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(report.ReviewableId, ModerationAction.Restore, "申诉成立"), None);

        Assert.Equal(1, await bed.QueryAsync(db => db.Notes.Where(n => n.Id == bed.NoteId).Select(n => n.CommentCount).SingleAsync()));
        Assert.Single((await bed.Comments.ListAsync(bed.NoteId, default, null, null, 20, None)).Items);
    }
}
