using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Reviews;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Ordering;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation;

/// <summary>Issue 15 §3: a ban hides all of the user's content, and lifting it restores exactly what the ban hid.</summary>
public sealed class BanHidesContentTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ban_HidesNotesCommentsReviewsAndQA_UnbanRestoresOnlyWhatTheBanHid(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var factory = bed.Db.Factory;
        var reporter = await bed.UserAsync("reporter", ageDays: 400);
        var questions = TestServices.Get<QuestionService>(bed.Db, bed.Clock);
        var pipeline = new ImagePipeline(new LocalMediaStore(Path.GetTempPath()), bed.Clock, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        var reviews = TestServices.Get<ReviewService>(bed.Db, bed.Clock, s => s.AddSingleton(pipeline));
        var product = await CatalogTestData.SimpleAsync(factory, "面霜", 99m);
        var purchase = await OrderTestData.DeliveredPurchaseAsync(factory, bed.Author.Id, product.Skus[0]);

        // The author's content, all visible before the ban ...
        var othersNote = await TestData.NoteAsync(factory, reporter.Id, "别人的笔记");
        var comment = await bed.Comments.AddAsync(bed.Author.Id, othersNote.Id, "写得真好", null, None);
        var reply = await bed.Comments.AddAsync(bed.Author.Id, othersNote.Id, "补充一句", comment.Id, None);
        var review = await reviews.WriteAsync(bed.Author.Id, purchase, 5, "质地清爽，用了一周很满意", [], None);
        var ownQuestion = await questions.AskAsync(bed.Author.Id, product.Id, "敏感肌能用吗？", None);
        var othersQuestion = await questions.AskAsync(reporter.Id, product.Id, "保质期多久？", None);
        var answer = await questions.AnswerAsync(bed.Author.Id, othersQuestion, "三年", None);
        // ... except what the author deleted and what a moderator hid on its own account.
        var deleted = await bed.Comments.AddAsync(bed.Author.Id, othersNote.Id, "发错了", null, None);
        await bed.Comments.DeleteAsync(bed.Author.Id, deleted.Id, None);
        var hiddenNote = await TestData.NoteAsync(factory, bed.Author.Id, "被单独隐藏的笔记");
        var noteReport = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.Note, hiddenNote.Id.ToString(), ReportReason.Spam, null), None);
        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(noteReport.ReviewableId, ModerationAction.Hide, "广告"), None);
        Assert.Equal(2, await CommentCountAsync(bed, othersNote.Id));

        var userReport = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Fraud, null), None);
        var ban = await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(userReport.ReviewableId, ModerationAction.Ban, "售假"), None);

        // Gone from every public list, and the counters count only what is visible.
        Assert.Equal(NoteStatus.Hidden, await bed.NoteStatusAsync());
        Assert.Empty((await bed.Comments.ListAsync(othersNote.Id, default, null, null, 20, None)).Items);
        Assert.Equal(0, await CommentCountAsync(bed, othersNote.Id));
        Assert.Equal(0, (await reviews.SummaryAsync(product.Id, None)).Count);
        Assert.Empty(await reviews.ListAsync(product.Id, null, false, null, None));
        var listed = Assert.Single(await questions.ListAsync(product.Id, 10, None));
        Assert.Equal(othersQuestion, listed.Id);
        Assert.Empty(listed.Answers);
        Assert.Equal(0, await AnswerCountAsync(bed, othersQuestion));
        // Six rows hidden by the ban: the note, two comments, the review, the question and the answer.
        Assert.Equal(6, await bed.QueryAsync(db => db.Set<BanHiddenItem>().CountAsync(b => b.UserId == bed.Author.Id)));

        // The author appeals; another moderator lifts the ban.
        await bed.Moderation.AppealAsync(bed.Author.Id, ban.DecisionId, "账号被盗", None);
        await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(userReport.ReviewableId, ModerationAction.Restore, "申诉成立"), None);

        Assert.Equal(NoteStatus.Published, await bed.NoteStatusAsync());
        Assert.Equal(NoteStatus.Hidden, await bed.QueryAsync(db => db.Notes.Where(n => n.Id == hiddenNote.Id).Select(n => n.Status).SingleAsync()));
        var thread = (await bed.Comments.ListAsync(othersNote.Id, default, null, null, 20, None)).Items;
        Assert.Equal([comment.Id], thread.Select(c => c.Id));
        Assert.Equal(2, await CommentCountAsync(bed, othersNote.Id));
        Assert.True(await bed.QueryAsync(db => db.Comments.Where(c => c.Id == deleted.Id).Select(c => c.IsDeleted).SingleAsync()));
        Assert.False(await bed.QueryAsync(db => db.Comments.Where(c => c.Id == reply.Id).Select(c => c.IsDeleted).SingleAsync()));
        Assert.Equal(1, await bed.QueryAsync(db => db.Comments.Where(c => c.Id == comment.Id).Select(c => c.ReplyCount).SingleAsync()));
        Assert.Equal([review], (await reviews.ListAsync(product.Id, null, false, null, None)).Select(r => r.Id));
        Assert.Equal(1, (await reviews.SummaryAsync(product.Id, None)).Count);
        var back = await questions.ListAsync(product.Id, 10, None);
        Assert.Equal(new[] { othersQuestion, ownQuestion }.Order(), back.Select(q => q.Id).Order());
        Assert.Equal([answer], back.Single(q => q.Id == othersQuestion).Answers.Select(a => a.Id));
        Assert.Equal(1, await AnswerCountAsync(bed, othersQuestion));
        Assert.Equal(0, await bed.QueryAsync(db => db.Set<BanHiddenItem>().CountAsync()));
    }

    [Fact]
    public async Task Ban_ContentHiddenByAModeratorDuringTheBan_StaysHiddenOnUnban()
    {
        await using var bed = await ModerationTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var reporter = await bed.UserAsync("reporter", ageDays: 400);
        var userReport = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, bed.Author.Id, ReportReason.Fraud, null), None);
        var noteReport = await bed.ReportNoteAsync(reporter.Id);

        var ban = await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(userReport.ReviewableId, ModerationAction.Ban, "售假"), None);
        // The note's own report is decided while the ban stands: the moderator deletes it.
        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(noteReport.ReviewableId, ModerationAction.Delete, "虚假宣传"), None);
        await bed.Moderation.AppealAsync(bed.Author.Id, ban.DecisionId, "请复核", None);
        await bed.Moderation.DecideAsync(bed.Mod2Principal, new DecisionInput(userReport.ReviewableId, ModerationAction.Restore, "解除封禁"), None);

        Assert.Equal(NoteStatus.Deleted, await bed.NoteStatusAsync());
        Assert.Null(await bed.QueryAsync(db => db.Users.Where(u => u.Id == bed.Author.Id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    private static Task<int> CommentCountAsync(ModerationTestBed bed, long noteId) =>
        bed.QueryAsync(db => db.Notes.Where(n => n.Id == noteId).Select(n => n.CommentCount).SingleAsync());

    private static Task<int> AnswerCountAsync(ModerationTestBed bed, long questionId) =>
        bed.QueryAsync(db => db.Set<ProductQuestion>().Where(q => q.Id == questionId).Select(q => q.AnswerCount).SingleAsync());
}
