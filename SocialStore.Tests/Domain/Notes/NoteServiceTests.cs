using SocialStore.Domain.Limits;
using Microsoft.Extensions.DependencyInjection;
using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Notifications;
using SocialStore.Tests.Domain.Social;

namespace SocialStore.Tests.Domain.Notes;

public sealed class NoteServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_TopicAndMention_CreatesTopicAndNotifiesOnceAcrossEdits(DatabaseProvider provider)
    {
        await using var bed = await NoteBed.CreateAsync(provider);
        var author = await bed.Social.UserAsync("author", "作者");
        var mei = await bed.Social.UserAsync("xiaomei", "小美");

        var id = await bed.Notes.PublishAsync(author.Id, null, await bed.InputAsync("秋冬护肤", "今天的#护肤 分享 @xiaomei"), default);
        await bed.Notes.PublishAsync(author.Id, id, await bed.InputAsync("秋冬护肤", "今天的#护肤 分享 @xiaomei 再补充一点"), default);

        var note = await bed.Social.QueryAsync(db => db.Notes.AsNoTracking().Include(n => n.Topics).ThenInclude(t => t.Topic).SingleAsync(n => n.Id == id));
        Assert.Equal(NoteStatus.Published, note.Status);
        Assert.Equal(["护肤"], note.Topics.Select(t => t.Topic!.Name));
        Assert.NotNull(note.EditedAt);
        var told = await bed.Social.NotificationsOfAsync(mei.Id);
        Assert.Equal([(NotificationKind.Mention, author.Id, (long?)id)], told.Select(n => (n.Kind, n.ActorId, n.NoteId)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_UnknownMention_IsRefusedNamingItAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var bed = await NoteBed.CreateAsync(provider);
        var author = await bed.Social.UserAsync("author");

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await bed.Notes.PublishAsync(author.Id, null, await bed.InputAsync("标题", "#新话题 你好 @nobody"), default));

        Assert.Equal(NoteErrors.UnknownMention, error.Code);
        Assert.Equal("@nobody", error.Arguments.Single());
        Assert.Equal(0, await bed.Social.QueryAsync(db => db.Notes.CountAsync()));
        Assert.Equal(0, await bed.Social.QueryAsync(db => db.Topics.CountAsync()));
    }

    [Fact]
    public async Task Publish_BadInput_IsRefusedWithItsCode()
    {
        await using var bed = await NoteBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.Social.UserAsync("author");
        var onSale = await bed.ProductAsync("面霜", ProductStatus.OnSale);
        var offShelf = await bed.ProductAsync("旧面霜", ProductStatus.OffShelf);
        var six = new List<long>();
        for (var i = 0; i < 6; i++) six.Add(await bed.ProductAsync($"商品{i}", ProductStatus.OnSale));

        async Task<string> Code(NoteInput input) =>
            (await Assert.ThrowsAsync<DomainException>(() => bed.Notes.PublishAsync(author.Id, null, input, default))).Code;

        // The content rule itself is tested once, in NoteTests (Note.Validate); here: the service applies it to normalised text.
        Assert.Equal(NoteErrors.BodyRequired, await Code(await bed.InputAsync("标题", " \n ")));
        Assert.Equal(NoteErrors.TooManyProducts, await Code(await bed.InputAsync("标题", "正文", products: six)));
        Assert.Equal(NoteErrors.ProductUnavailable, await Code(await bed.InputAsync("标题", "正文", products: [offShelf])));
        Assert.Equal(NoteErrors.ProductUnavailable, await Code(await bed.InputAsync("标题", "正文", products: [987654])));
        Assert.Equal(NoteErrors.ImageMissing, await Code(new NoteInput("标题", "正文", [new NoteImageInput("i/2026/11/notuploaded", 3, 4, "")], [])));
        Assert.Equal(NoteErrors.ImageMissing, await Code(new NoteInput("标题", "正文", [new NoteImageInput("../etc/passwd", 3, 4, "")], [])));
        Assert.Equal(0, await bed.Social.QueryAsync(db => db.Notes.CountAsync()));

        // Exactly the limits, counted as people count: 20 Chinese characters, 9 images, 5 products.
        var id = await bed.Notes.PublishAsync(author.Id, null, await bed.InputAsync(new string('字', 20), "正文", images: 9, products: [onSale, .. six.Take(4)]), default);
        var saved = await bed.Notes.GetForEditAsync(author.Id, id, default);
        Assert.Equal(9, saved!.Images.Count);
        Assert.Equal([onSale, .. six.Take(4)], saved.Products.Select(p => p.Id));
    }

    [Fact]
    public async Task Publish_HtmlAndScript_IsStoredAsTextForTheRendererToNeutralise()
    {
        await using var bed = await NoteBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.Social.UserAsync("author");

        var id = await bed.Notes.PublishAsync(author.Id, null, await bed.InputAsync("<b>hi</b>", "<script>alert(1)</script> [x](javascript:alert(1))"), default);

        var note = await bed.Social.ReadNoteAsync(id);
        Assert.Equal("<b>hi</b>", note.Title);
        Assert.Contains("<script>", note.Body);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DraftThenPublish_DraftIsResumableAndPublishedLater(DatabaseProvider provider)
    {
        await using var bed = await NoteBed.CreateAsync(provider);
        var author = await bed.Social.UserAsync("author");
        var mei = await bed.Social.UserAsync("xiaomei");
        var other = await bed.Social.UserAsync("other");

        // A draft may be incomplete, and mentions in it notify no one yet.
        var id = await bed.Notes.SaveDraftAsync(author.Id, null, new NoteInput("", "写一半 @xiaomei", [], []), default);
        Assert.Equal([id], (await bed.Notes.DraftsAsync(author.Id, default)).Select(d => d.Id));
        Assert.Empty(await bed.Notes.DraftsAsync(other.Id, default));
        Assert.Null(await bed.Notes.GetForEditAsync(other.Id, id, default));
        Assert.Empty(await bed.Social.NotificationsOfAsync(mei.Id));

        await bed.Notes.SaveDraftAsync(author.Id, id, await bed.InputAsync("草稿", "写一半 @xiaomei", images: 2), default);
        var draft = await bed.Notes.GetForEditAsync(author.Id, id, default);
        Assert.Equal(NoteStatus.Draft, draft!.Status);
        Assert.Equal(2, draft.Images.Count);

        bed.Social.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(id, await bed.Notes.PublishAsync(author.Id, id, await bed.InputAsync("草稿", "写完了 @xiaomei", images: 3), default));

        var note = await bed.Social.ReadNoteAsync(id);
        Assert.Equal(NoteStatus.Published, note.Status);
        Assert.Equal(bed.Social.Clock.GetUtcNow(), note.CreatedAt);
        Assert.Null(note.EditedAt);
        Assert.Equal(3, await bed.Social.QueryAsync(db => db.NoteImages.CountAsync(i => i.NoteId == id)));
        Assert.Empty(await bed.Notes.DraftsAsync(author.Id, default));
        Assert.Single(await bed.Social.NotificationsOfAsync(mei.Id));
        // A published note is not turned back into a draft; someone else's note cannot be touched.
        Assert.Equal(NoteErrors.NotADraft, (await Assert.ThrowsAsync<DomainException>(async () =>
            await bed.Notes.SaveDraftAsync(author.Id, id, await bed.InputAsync("草稿", "x"), default))).Code);
        Assert.Equal(NoteErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(async () =>
            await bed.Notes.PublishAsync(other.Id, id, await bed.InputAsync("抢", "x"), default))).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edit_ReordersImagesAndProducts_MarksEditedAndKeepsTheCover(DatabaseProvider provider)
    {
        await using var bed = await NoteBed.CreateAsync(provider);
        var author = await bed.Social.UserAsync("author");
        var a = await bed.ProductAsync("甲", ProductStatus.OnSale);
        var b = await bed.ProductAsync("乙", ProductStatus.OnSale);
        var input = await bed.InputAsync("标题", "#旧话题 正文", images: 3, products: [a, b]);
        var id = await bed.Notes.PublishAsync(author.Id, null, input, default);

        // A product that went off shelf after it was tagged may stay tagged.
        await bed.Social.QueryAsync(db => db.Products.Where(p => p.Id == a).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProductStatus.OffShelf)));
        var reordered = input with { Body = "#新话题 正文", Images = [input.Images[2], input.Images[0]], ProductIds = [b, a] };
        await bed.Notes.PublishAsync(author.Id, id, reordered, default);

        var edited = await bed.Notes.GetForEditAsync(author.Id, id, default);
        Assert.NotNull(edited!.EditedAt);
        Assert.Equal([input.Images[2].Key, input.Images[0].Key], edited.Images.Select(i => i.Key));
        Assert.Equal([b, a], edited.Products.Select(p => p.Id));
        Assert.Equal(input.Images[2].Key, (await bed.Social.ReadNoteAsync(id)).CoverKey);
        var topics = await bed.Social.QueryAsync(db => db.NoteTopics.Where(t => t.NoteId == id).Select(t => t.Topic!.Name).ToListAsync());
        Assert.Equal(["新话题"], topics);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeleteAndRestore_AuthorOnly_SoftAndBackAsItWas(DatabaseProvider provider)
    {
        await using var bed = await NoteBed.CreateAsync(provider);
        var author = await bed.Social.UserAsync("author");
        var other = await bed.Social.UserAsync("other");
        var id = await bed.Notes.PublishAsync(author.Id, null, await bed.InputAsync("标题", "正文"), default);

        Assert.Equal(NoteErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => bed.Notes.DeleteAsync(other.Id, id, default))).Code);
        await bed.Notes.DeleteAsync(author.Id, id, default);
        await bed.Notes.DeleteAsync(author.Id, id, default);

        Assert.Equal(NoteStatus.Deleted, (await bed.Social.ReadNoteAsync(id)).Status);
        Assert.Null(await bed.Notes.GetForEditAsync(author.Id, id, default));
        Assert.Equal([id], (await bed.Notes.DeletedAsync(50, default)).Select(d => d.Id));
        Assert.Equal(NoteErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(async () =>
            await bed.Notes.PublishAsync(author.Id, id, await bed.InputAsync("改", "正文"), default))).Code);

        await bed.Notes.RestoreAsync(id, default);
        var restored = await bed.Social.ReadNoteAsync(id);
        Assert.Equal(NoteStatus.Published, restored.Status);
        Assert.Null(restored.DeletedAt);
        Assert.Empty(await bed.Notes.DeletedAsync(50, default));
    }

    [Fact]
    public async Task Publish_MoreThanTenInAnHour_IsRateLimited()
    {
        await using var bed = await NoteBed.CreateAsync(DatabaseProvider.Sqlite);
        var author = await bed.Social.UserAsync("author");
        var input = await bed.InputAsync("标题", "正文");
        long last = 0;
        var limit = new ActionLimitOptions().Note.Limit;
        for (var i = 0; i < limit; i++) last = await bed.Notes.PublishAsync(author.Id, null, input, default);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Notes.PublishAsync(author.Id, null, input, default));
        Assert.Equal(LimitErrors.Note, error.Code);
        Assert.Equal(limit, error.Arguments[0]);
        // Drafts and edits are not limited; an hour later publishing works again.
        await bed.Notes.SaveDraftAsync(author.Id, null, input, default);
        await bed.Notes.PublishAsync(author.Id, last, input with { Title = "改了" }, default);
        bed.Social.Clock.Advance(TimeSpan.FromMinutes(61));
        await bed.Notes.PublishAsync(author.Id, null, input, default);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publish_ConcurrentlyWithTheSameNewTopic_AllSucceedAndShareOneTopic(DatabaseProvider provider)
    {
        await using var bed = await NoteBed.CreateAsync(provider);
        var users = await bed.Social.ManyUsersAsync("u", 8);
        var input = await bed.InputAsync("同一个话题", "大家都在聊 #全新话题 和 #另一个");

        var ids = await Task.WhenAll(users.Select(u => Task.Run(() => bed.Notes.PublishAsync(u.Id, null, input, default))));

        Assert.Equal(8, ids.Distinct().Count());
        Assert.Equal(["全新话题", "另一个"], (await bed.Social.QueryAsync(db => db.Topics.Select(t => t.Name).ToListAsync())).OrderByDescending(n => n.Length));
        Assert.Equal(16, await bed.Social.QueryAsync(db => db.NoteTopics.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Suggestions_ByPrefix_TopicsPeopleAndProductsOnSale(DatabaseProvider provider)
    {
        await using var bed = await NoteBed.CreateAsync(provider);
        var author = await bed.Social.UserAsync("author");
        await bed.Social.UserAsync("xiaomei", "小美");
        await bed.Social.UserAsync("meili", "美丽");
        await bed.Notes.PublishAsync(author.Id, null, await bed.InputAsync("标题", "#护肤 #护发 #穿搭"), default);
        await bed.ProductAsync("保湿面霜 Cream", ProductStatus.OnSale);
        await bed.ProductAsync("下架面霜", ProductStatus.OffShelf);
        var topics = new TopicQueries(bed.Social.Db.Factory, new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()), bed.Social.Clock);
        var users = new UserQueries(bed.Social.Db.Factory);

        Assert.Equal(["护发", "护肤"], (await topics.SuggestAsync("#护", default)).Select(t => t.Name).Order());
        Assert.Equal(["xiaomei"], (await users.SuggestAsync("xiao", default)).Select(u => u.Handle));
        Assert.Equal(["xiaomei"], (await users.SuggestAsync("小", default)).Select(u => u.Handle));
        Assert.Equal(["保湿面霜 Cream"], (await bed.Notes.FindProductsToTagAsync("面霜", default)).Select(p => p.Title));
        Assert.Equal(["保湿面霜 Cream"], (await bed.Notes.FindProductsToTagAsync("cream", default)).Select(p => p.Title));
        Assert.Empty(await topics.SuggestAsync("", default));
    }

    /// <summary>The social test bed plus a media store with "uploaded" images and products to tag.</summary>
    private sealed class NoteBed : IAsyncDisposable
    {
        private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-note-tests", Guid.NewGuid().ToString("N"));
        private int uploads;
        private int? categoryId;

        private NoteBed(SocialTestBed social)
        {
            Social = social;
            Media = new LocalMediaStore(mediaRoot);
            Notes = TestServices.Get<NoteService>(social.Db, social.Clock, s => s.AddSingleton<IMediaStore>(Media).AddSingleton<INotificationBus>(social.Bus));
        }

        public SocialTestBed Social { get; }

        public LocalMediaStore Media { get; }

        public NoteService Notes { get; }

        public static async Task<NoteBed> CreateAsync(DatabaseProvider provider) => new(await SocialTestBed.CreateAsync(provider));

        /// <summary>Stores a fake upload under a pipeline-shaped key.</summary>
        public async Task<NoteImageInput> UploadAsync()
        {
            var key = $"i/2026/11/upload{Interlocked.Increment(ref uploads):0000}";
            await Media.PutAsync($"{key}/{MediaUrls.FullFileName}", new byte[] { 0xFF, 0xD8, 0xFF }, default);
            return new NoteImageInput(key, 900, 1200, "图");
        }

        public async Task<NoteInput> InputAsync(string title, string body, int images = 1, IReadOnlyList<long>? products = null)
        {
            var list = new List<NoteImageInput>();
            for (var i = 0; i < images; i++) list.Add(await UploadAsync());
            return new NoteInput(title, body, list, products ?? []);
        }

        public async Task<long> ProductAsync(string title, ProductStatus status)
        {
            await using var db = await Social.Db.Factory.CreateDbContextAsync();
            if (categoryId is null)
            {
                var category = new Category { Slug = "test", NameZh = "测试", NameEn = "Test" };
                db.Categories.Add(category);
                await db.SaveChangesAsync();
                categoryId = category.Id;
            }
            var product = new Product { Title = title, CategoryId = categoryId.Value, Price = 99m, OriginalPrice = 99m, Status = status, CoverKey = "seed/p.svg", CreatedAt = SocialTestBed.Start };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        }

        public async ValueTask DisposeAsync()
        {
            await Social.DisposeAsync();
            if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
        }
    }
}
