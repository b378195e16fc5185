using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Reviews;
using SocialStore.Domain.Sharing;
using SocialStore.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation;

/// <summary>
/// Issue 15 §3: a muted or banned person is stopped in every action a page (or an already-open circuit) can call —
/// likes, collects, follows, comments, notes, cart, share links, questions, answers, reviews, helpful votes — with
/// the sanction's own code, and nothing is written.
/// </summary>
public class SanctionStopsEveryActionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MutedThenBanned_EveryActionRefusedWithTheSanction_NothingWritten(DatabaseProvider provider)
    {
        await using var bed = await ModerationTestBed.CreateAsync(provider);
        var services = TestServices.Build(bed.Db, bed.Clock);
        var reporter = await bed.UserAsync("reporter");
        var other = await TestData.NoteAsync(bed.Db.Factory, reporter.Id, "别人的笔记");
        var comment = await bed.Comments.AddAsync(reporter.Id, other.Id, "一条评论", null, None);
        var author = bed.Author.Id;

        var actions = new (string Name, Func<Task> Act)[]
        {
            ("like note", () => services.GetRequiredService<LikeService>().LikeNoteAsync(author, other.Id, None)),
            ("like comment", () => services.GetRequiredService<LikeService>().LikeCommentAsync(author, comment.Id, None)),
            ("collect", () => services.GetRequiredService<CollectService>().CollectAsync(author, other.Id, null, None)),
            ("follow", () => services.GetRequiredService<FollowService>().FollowAsync(author, reporter.Id, None)),
            ("comment", () => bed.Comments.AddAsync(author, other.Id, "还在说", null, None)),
            ("note", () => services.GetRequiredService<NoteService>().SaveDraftAsync(author, null, new NoteInput("标题", "正文", [], []), None)),
            ("cart", () => services.GetRequiredService<CartService>().AddAsync("u:" + author, 1, 1, None)),
            ("share", () => services.GetRequiredService<ShareService>().GetOrCreateLinkAsync(author, ShareTargetType.Note, other.Id.ToString(CultureInfo.InvariantCulture), None)),
            ("ask", () => services.GetRequiredService<QuestionService>().AskAsync(author, 1, "能机洗吗？", None)),
            ("answer", () => services.GetRequiredService<QuestionService>().AnswerAsync(author, 1, "可以", None)),
            ("review", () => services.GetRequiredService<ReviewService>().WriteAsync(author, 1, 5, "很好用", [], None)),
            ("helpful vote", () => services.GetRequiredService<ReviewService>().VoteHelpfulAsync(author, 1, None)),
        };
        var before = await RowsAsync(bed);

        var user = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, author, ReportReason.Spam, null), None);
        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(user.ReviewableId, ModerationAction.Mute, "刷屏", 3), None);
        foreach (var (name, act) in actions)
            Assert.True((await Assert.ThrowsAsync<DomainException>(act)).Code == ModerationErrors.Muted, name);

        var again = await bed.Reports.ReportAsync(reporter.Id, new ReportInput(ReportTargetType.User, author, ReportReason.Fraud, null), None);
        await bed.Moderation.DecideAsync(bed.Mod1Principal, new DecisionInput(again.ReviewableId, ModerationAction.Ban, "售假"), None);
        foreach (var (name, act) in actions)
            Assert.True((await Assert.ThrowsAsync<DomainException>(act)).Code == ModerationErrors.Banned, name);

        Assert.Equal(before, await RowsAsync(bed));
    }

    private static Task<int[]> RowsAsync(ModerationTestBed bed) => bed.QueryAsync(async db => new[]
    {
        await db.NoteLikes.CountAsync(), await db.CommentLikes.CountAsync(), await db.Collects.CountAsync(), await db.Follows.CountAsync(),
        await db.Comments.CountAsync(), await db.Notes.CountAsync(), await db.CartItems.CountAsync(), await db.ShareLinks.CountAsync(),
        await db.Set<ProductQuestion>().CountAsync(), await db.Set<ProductAnswer>().CountAsync(), await db.Reviews.CountAsync(),
    });
}
