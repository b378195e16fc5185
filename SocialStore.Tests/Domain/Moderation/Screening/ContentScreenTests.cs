using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Audit;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Media;
using SocialStore.Domain.Moderation;
using SocialStore.Domain.Moderation.Screening;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Social;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Moderation.Screening;

/// <summary>Screening at publish (ADR-044) on real databases: the word list, each action's effect on what is stored and shown, and the rules around it.</summary>
public sealed class ContentScreenTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private sealed class Bed : IAsyncDisposable
    {
        private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-screen-tests", Guid.NewGuid().ToString("N"));
        private int uploads;

        private Bed(ModerationTestBed moderation)
        {
            M = moderation;
            Screen = new ContentScreen(M.Db.Factory, Options.Create(new ScreeningOptions { NewAccountDays = 7, NewAccountMaxMentions = 3 }));
            Words = new WordListService(M.Db.Factory, M.Clock, Screen);
            Comments = TestServices.Get<CommentService>(M.Db, M.Clock, s => s.AddSingleton(Screen));
            Media = new LocalMediaStore(mediaRoot);
            Notes = TestServices.Get<NoteService>(M.Db, M.Clock, s => s.AddSingleton(Screen).AddSingleton<IMediaStore>(Media));
        }

        public ModerationTestBed M { get; }

        public ContentScreen Screen { get; }

        public WordListService Words { get; }

        public CommentService Comments { get; }

        public LocalMediaStore Media { get; }

        public NoteService Notes { get; }

        public static async Task<Bed> CreateAsync(DatabaseProvider provider) => new(await ModerationTestBed.CreateAsync(provider));

        public async Task<NoteInput> InputAsync(string title, string body, IReadOnlyList<long>? products = null)
        {
            var key = $"i/2026/11/screen{Interlocked.Increment(ref uploads):0000}";
            await Media.PutAsync($"{key}/{MediaUrls.FullFileName}", new byte[] { 0xFF, 0xD8, 0xFF }, default);
            return new NoteInput(title, body, [new NoteImageInput(key, 900, 1200, "图")], products ?? []);
        }

        public async Task<long> ProductAsync()
        {
            await using var db = await M.Db.Factory.CreateDbContextAsync();
            var category = new Category { Slug = "screen", NameZh = "测试", NameEn = "Test" };
            db.Categories.Add(category);
            await db.SaveChangesAsync();
            var product = new Product { Title = "面霜", CategoryId = category.Id, Price = 99m, OriginalPrice = 99m, Status = ProductStatus.OnSale, CoverKey = "seed/p.svg", CreatedAt = ModerationTestBed.Now };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        }

        public Task<long> AddWordAsync(string term, ScreenAction action, bool commercialOnly = false) =>
            Words.AddAsync(M.Mod1Principal, term, action, commercialOnly, None);

        public async Task<(Reviewable? Reviewable, List<ScreeningFlag> Flags)> ReviewOfAsync(ReportTargetType type, long id)
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            return await M.QueryAsync(async db =>
            {
                var r = await db.Set<Reviewable>().AsNoTracking().FirstOrDefaultAsync(x => x.TargetType == type && x.TargetKey == key);
                var flags = r is null ? [] : await db.Set<ScreeningFlag>().AsNoTracking().Where(f => f.ReviewableId == r.Id).ToListAsync();
                return (r, flags);
            });
        }

        public async ValueTask DisposeAsync()
        {
            await M.DisposeAsync();
            if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddWord_BadInput_RefusedWithItsCode_NothingSaved(DatabaseProvider provider)
    {
        await using var bed = await Bed.CreateAsync(provider);
        await bed.AddWordAsync("微信", ScreenAction.Block);

        Assert.Equal(ScreeningErrors.TermRequired, (await Assert.ThrowsAsync<DomainException>(() => bed.AddWordAsync(" ，。！ ", ScreenAction.Block))).Code);
        Assert.Equal(ScreeningErrors.TermRequired, (await Assert.ThrowsAsync<DomainException>(() => bed.AddWordAsync("", ScreenAction.Block))).Code);
        Assert.Equal(ScreeningErrors.TermTooLong, (await Assert.ThrowsAsync<DomainException>(() => bed.AddWordAsync(new string('假', 51), ScreenAction.Block))).Code);
        Assert.Equal(ScreeningErrors.TermTooLong, (await Assert.ThrowsAsync<DomainException>(() => bed.AddWordAsync(new string('x', 10_000), ScreenAction.Block))).Code);
        Assert.Equal(ScreeningErrors.TermExists, (await Assert.ThrowsAsync<DomainException>(() => bed.AddWordAsync("微 信", ScreenAction.Flag))).Code);
        Assert.Equal(ScreeningErrors.ActionInvalid, (await Assert.ThrowsAsync<DomainException>(() => bed.AddWordAsync("代购", (ScreenAction)42))).Code);
        var shopper = ModerationTestBed.Principal(bed.M.Author.Id);
        Assert.Equal(ModerationErrors.StaffOnly, (await Assert.ThrowsAsync<DomainException>(() => bed.Words.AddAsync(shopper, "代购", ScreenAction.Block, false, None))).Code);
        Assert.Equal(ModerationErrors.StaffOnly, (await Assert.ThrowsAsync<DomainException>(() => bed.Words.ListAsync(shopper, null, None))).Code);

        var rows = await bed.Words.ListAsync(bed.M.Mod1Principal, null, None);
        Assert.Equal("微信", Assert.Single(rows).Term);
        Assert.Equal(1, await bed.M.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == WordListService.AuditAdd)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddWord_SameTermWrittenTwoWaysAtOnce_OneRowWins(DatabaseProvider provider)
    {
        await using var bed = await Bed.CreateAsync(provider);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await bed.AddWordAsync(i % 2 == 0 ? "刷单" : "刷 单", ScreenAction.Block);
                return true;
            }
            catch (DomainException ex) when (ex.Code == ScreeningErrors.TermExists)
            {
                return false;
            }
        })));

        Assert.Equal(1, attempts.Count(a => a));
        Assert.Equal(1, await bed.M.QueryAsync(db => db.Set<ScreeningWord>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Comment_Block_Refused_NothingSaved_ListCachedAndRebuiltOnChange(DatabaseProvider provider)
    {
        await using var bed = await Bed.CreateAsync(provider);
        var commenter = await bed.M.UserAsync("commenter", ageDays: 100);
        await bed.Comments.AddAsync(commenter.Id, bed.M.NoteId, "加我VX聊", null, None); // not listed yet

        await bed.AddWordAsync("vx", ScreenAction.Block);
        var refused = await Assert.ThrowsAsync<DomainException>(() => bed.Comments.AddAsync(commenter.Id, bed.M.NoteId, "加我 Ｖ Ｘ 聊", null, None));

        Assert.Equal(ScreeningErrors.Blocked, refused.Code);
        Assert.Empty(refused.Arguments); // the message names nothing
        Assert.Equal(1, await bed.M.QueryAsync(db => db.Comments.CountAsync(c => c.NoteId == bed.M.NoteId)));
        Assert.Equal(1, await bed.M.QueryAsync(db => db.Notes.Where(n => n.Id == bed.M.NoteId).Select(n => n.CommentCount).SingleAsync()));

        var id = (await bed.Words.ListAsync(bed.M.Mod1Principal, "VX", None)).Single().Id;
        await bed.Words.RemoveAsync(bed.M.Mod1Principal, id, None);
        await bed.Comments.AddAsync(commenter.Id, bed.M.NoteId, "加我VX聊", null, None);
        Assert.Equal(2, await bed.M.QueryAsync(db => db.Comments.CountAsync(c => c.NoteId == bed.M.NoteId)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Comment_ReplaceFlagAndHold_EachDoWhatTheySay(DatabaseProvider provider)
    {
        await using var bed = await Bed.CreateAsync(provider);
        var commenter = await bed.M.UserAsync("commenter", ageDays: 100);
        await bed.AddWordAsync("傻瓜", ScreenAction.Replace);
        await bed.AddWordAsync("代购", ScreenAction.Flag);
        await bed.AddWordAsync("高仿", ScreenAction.Hold);
        await bed.AddWordAsync("操", ScreenAction.Block);
        await bed.AddWordAsync("体操", ScreenAction.Allow);

        var replaced = await bed.Comments.AddAsync(commenter.Id, bed.M.NoteId, "你这个傻 瓜，去练体操吧", null, None);
        var flagged = await bed.Comments.AddAsync(commenter.Id, bed.M.NoteId, "有人代 购吗", null, None);
        var held = await bed.Comments.AddAsync(commenter.Id, bed.M.NoteId, "我这有 高 仿 的", null, None);

        var bodies = await bed.M.QueryAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Body, c.IsDeleted }).ToListAsync());
        Assert.Equal("你这个＊ ＊，去练体操吧", bodies.Single(c => c.Id == replaced.Id).Body);
        Assert.False(bodies.Single(c => c.Id == flagged.Id).IsDeleted);
        Assert.True(bodies.Single(c => c.Id == held.Id).IsDeleted); // saved, hidden pending review
        // The counter counts the visible comments: the held one is not among them.
        Assert.Equal(2, await bed.M.QueryAsync(db => db.Notes.Where(n => n.Id == bed.M.NoteId).Select(n => n.CommentCount).SingleAsync()));

        var (flagReview, flagFlags) = await bed.ReviewOfAsync(ReportTargetType.Comment, flagged.Id);
        Assert.NotNull(flagReview);
        Assert.False(flagReview.AutoHidden);
        Assert.Equal("代 购", Assert.Single(flagFlags).Terms);
        var (holdReview, holdFlags) = await bed.ReviewOfAsync(ReportTargetType.Comment, held.Id);
        Assert.NotNull(holdReview);
        Assert.True(holdReview.AutoHidden);
        Assert.Equal(ScreenAction.Hold, Assert.Single(holdFlags).Action);
        Assert.Equal("高 仿", holdFlags[0].Terms);
        Assert.Null((await bed.ReviewOfAsync(ReportTargetType.Comment, replaced.Id)).Reviewable);

        // Held comments are in the queue with their term; a moderator's approve brings it back.
        var detail = await bed.M.Moderation.DetailAsync(bed.M.Mod1Principal, holdReview.Id, None);
        Assert.NotNull(detail);
        await bed.M.Moderation.DecideAsync(bed.M.Mod1Principal, new DecisionInput(holdReview.Id, ModerationAction.Approve, "没问题"), None);
        Assert.False(await bed.M.QueryAsync(db => db.Comments.Where(c => c.Id == held.Id).Select(c => c.IsDeleted).SingleAsync()));
        Assert.Equal(3, await bed.M.QueryAsync(db => db.Notes.Where(n => n.Id == bed.M.NoteId).Select(n => n.CommentCount).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Note_AdvertisingLawTerm_HoldsOnlyNotesThatTagAProduct(DatabaseProvider provider)
    {
        await using var bed = await Bed.CreateAsync(provider);
        var creator = await bed.M.UserAsync("creator", ageDays: 200);
        await TestData.NoteAsync(bed.M.Db.Factory, creator.Id, "以前的笔记", at: ModerationTestBed.Now.AddDays(-30));
        var product = await bed.ProductAsync();

        var ordinary = await bed.Notes.PublishAsync(creator.Id, null, await bed.InputAsync("最 喜欢的秋天", "今天是最佳的一天，第一次来这里"), None);
        var tagged = await bed.Notes.PublishAsync(creator.Id, null, await bed.InputAsync("我的面霜", "全网 最 佳 的面霜，顶级！", [product]), None);
        var innocent = await bed.Notes.PublishAsync(creator.Id, null, await bed.InputAsync("面霜空瓶", "第一次用就爱上了", [product]), None);

        var statuses = await bed.M.QueryAsync(db => db.Notes.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Status));
        Assert.Equal(NoteStatus.Published, statuses[ordinary]);
        Assert.Equal(NoteStatus.Hidden, statuses[tagged]);
        Assert.Equal(NoteStatus.Published, statuses[innocent]); // 第一次 is on the allow list
        var (review, flags) = await bed.ReviewOfAsync(ReportTargetType.Note, tagged);
        Assert.True(review!.AutoHidden);
        var flag = Assert.Single(flags);
        Assert.Equal(ScreenReason.AdvertisingLaw, flag.Reason);
        Assert.Equal(["最 佳", "顶级"], flag.Terms.Split('\n'));
        Assert.Null((await bed.ReviewOfAsync(ReportTargetType.Note, ordinary)).Reviewable);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Note_NewAccountWithLinkOrManyMentions_Held_VeteranPublished(DatabaseProvider provider)
    {
        await using var bed = await Bed.CreateAsync(provider);
        var newcomer = await bed.M.UserAsync("newcomer", ageDays: 2);
        var veteran = await bed.M.UserAsync("veteran", ageDays: 300);
        var quiet = await bed.M.UserAsync("quiet", ageDays: 300); // old, but has never published
        await TestData.NoteAsync(bed.M.Db.Factory, veteran.Id, "旧笔记", at: ModerationTestBed.Now.AddDays(-100));
        foreach (var handle in new[] { "a1", "a2", "a3", "a4" }) await bed.M.UserAsync(handle, ageDays: 50);

        var link = await bed.Notes.PublishAsync(newcomer.Id, null, await bed.InputAsync("好物分享", "详情看 https://example.com/x 哦"), None);
        var mentions = await bed.Notes.PublishAsync(newcomer.Id, null, await bed.InputAsync("一起来", "@a1 @a2 @a3 @a4 快来"), None);
        var plain = await bed.Notes.PublishAsync(newcomer.Id, null, await bed.InputAsync("第一篇", "大家好 @a1"), None);
        var quietLink = await bed.Notes.PublishAsync(quiet.Id, null, await bed.InputAsync("分享", "去 shop.example.cn 看看"), None);
        var veteranLink = await bed.Notes.PublishAsync(veteran.Id, null, await bed.InputAsync("分享", "详情看 https://example.com/x 哦"), None);

        var statuses = await bed.M.QueryAsync(db => db.Notes.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Status));
        Assert.Equal(NoteStatus.Hidden, statuses[link]);
        Assert.Equal(NoteStatus.Hidden, statuses[mentions]);
        Assert.Equal(NoteStatus.Published, statuses[plain]);
        Assert.Equal(NoteStatus.Hidden, statuses[quietLink]);
        Assert.Equal(NoteStatus.Published, statuses[veteranLink]);
        var flag = Assert.Single((await bed.ReviewOfAsync(ReportTargetType.Note, link)).Flags);
        Assert.Equal(ScreenReason.NewAccount, flag.Reason);
        Assert.Equal("https://example.com/x", flag.Terms);
        // A held note notifies nobody it mentions.
        Assert.Equal(0, await bed.M.QueryAsync(db => db.Notifications.CountAsync(n => n.NoteId == mentions)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Answer_Held_IsHiddenAndLeavesTheAnswerCount_ApproveBringsItBack(DatabaseProvider provider)
    {
        await using var bed = await Bed.CreateAsync(provider);
        var questions = TestServices.Get<SocialStore.Domain.Reviews.QuestionService>(bed.M.Db, bed.M.Clock, s => s.AddSingleton(bed.Screen));
        var product = await CatalogTestData.SimpleAsync(bed.M.Db.Factory, "面霜", 99m);
        var answerer = await bed.M.UserAsync("answerer", ageDays: 100);
        await bed.AddWordAsync("加微信", ScreenAction.Hold);

        var question = await questions.AskAsync(bed.M.Author.Id, product.Id, "敏感肌能用吗？", None);
        await questions.AnswerAsync(answerer.Id, question, "可以的", None);
        var held = await questions.AnswerAsync(answerer.Id, question, "详细的 加 微 信 问我", None);

        async Task<int> CountAsync() => await bed.M.QueryAsync(db => db.Set<SocialStore.Domain.Reviews.ProductQuestion>().Where(q => q.Id == question).Select(q => q.AnswerCount).SingleAsync());
        Assert.Equal(1, await CountAsync());
        var listed = (await questions.ListAsync(product.Id, 10, None)).Single();
        Assert.Equal(["可以的"], listed.Answers.Select(a => a.Body));
        // The asker heard of the visible answer only.
        Assert.Equal(1, await bed.M.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == bed.M.Author.Id && n.QuestionId == question)));

        var (review, _) = await bed.ReviewOfAsync(ReportTargetType.Answer, held);
        await bed.M.Moderation.DecideAsync(bed.M.Mod1Principal, new DecisionInput(review!.Id, ModerationAction.Approve, "正常回答"), None);
        Assert.Equal(2, await CountAsync());
    }
}
