using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notes;
using SocialStore.Domain.Search;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Integration.Search;

/// <summary>A fixed Chinese/English/mixed corpus and the hits each query must return, on every provider that runs here.</summary>
public class SearchCorpusTests
{
    private static readonly (string Title, string Body)[] Notes =
    [
        ("冬天必备保湿面霜", "干皮救星，这款面霜很滋润。"),
        ("夏日防晒霜测评", "SPF50 的防晒，清爽不油腻。"),
        ("学生党平价洗面奶", "洗面奶推荐，温和不刺激。"),
        ("面膜和面霜的搭配", "先敷面膜再涂面霜。"),
        ("一周通勤穿搭", "简约 OOTD 分享，适合上班。"),
        ("Lancome小黑瓶使用感受", "精华液 serum 真的好用。"),
        ("换季护肤心得", "皮肤干燥的时候用面\n霜锁水。"),
        ("防晒喷雾好用吗", "出门前喷一下防晒，方便。"),
        ("My skincare routine", "Cleanser, toner and a light moisturizer."),
        ("咖啡店探店", "这家 latte 很香，环境安静。"),
        ("晒后修复", "晒黑了怎么办"),
        ("霜降时节的养生汤", "秋天喝汤"),
        ("ＳＰＦ５０＋全身防护", "海边度假必带。"),
    ];

    private static readonly (string Title, string Brand, string Subtitle, ProductStatus Status)[] Products =
    [
        ("多效智妍面霜 50ml", "Estée Lauder", "紧致保湿", ProductStatus.OnSale),
        ("小金瓶防晒乳 SPF50+", "ANESSA", "防水防汗", ProductStatus.OnSale),
        ("润浸保湿洗面奶", "Curél", "温和清洁", ProductStatus.OnSale),
        ("高保湿面霜", "Kiehl's", "经典 cream", ProductStatus.OnSale),
        ("下架面霜", "Nobody", "已下架", ProductStatus.OffShelf),
    ];

    /// <summary>Query → the note titles it must return (in any order), and nothing else.</summary>
    private static readonly (string Query, string[] Hits)[] NoteQueries =
    [
        ("面霜", ["冬天必备保湿面霜", "面膜和面霜的搭配", "换季护肤心得"]),
        ("防晒", ["夏日防晒霜测评", "防晒喷雾好用吗"]),
        ("晒", ["夏日防晒霜测评", "防晒喷雾好用吗", "晒后修复"]),
        ("霜", ["冬天必备保湿面霜", "夏日防晒霜测评", "面膜和面霜的搭配", "换季护肤心得", "霜降时节的养生汤"]),
        ("保湿面霜", ["冬天必备保湿面霜"]),
        ("洗面奶", ["学生党平价洗面奶"]),
        ("SPF50", ["夏日防晒霜测评", "ＳＰＦ５０＋全身防护"]),
        ("ｓｐｆ５０", ["夏日防晒霜测评", "ＳＰＦ５０＋全身防护"]),
        ("Skincare", ["My skincare routine"]),
        ("skincare routine", ["My skincare routine"]),
        ("lancome", ["Lancome小黑瓶使用感受"]),
        ("小黑瓶", ["Lancome小黑瓶使用感受"]),
        ("lancome 精华", ["Lancome小黑瓶使用感受"]),
        ("穿搭 OOTD", ["一周通勤穿搭"]),
        ("latte咖啡", ["咖啡店探店"]),
        ("面霜 skincare", []),
        ("樱花", []),
    ];

    private static readonly (string Query, string[] Hits)[] ProductQueries =
    [
        ("面霜", ["多效智妍面霜 50ml", "高保湿面霜"]),
        ("防晒", ["小金瓶防晒乳 SPF50+"]),
        ("spf50", ["小金瓶防晒乳 SPF50+"]),
        ("保湿", ["多效智妍面霜 50ml", "润浸保湿洗面奶", "高保湿面霜"]),
        ("lauder", ["多效智妍面霜 50ml"]),
        ("Kiehl's", ["高保湿面霜"]),
        ("cream", ["高保湿面霜"]),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Corpus_EveryQuery_ReturnsExactlyItsHits(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedCorpusAsync(db);
        var search = Search(db);
        var failures = new List<string>();
        foreach (var (query, expected) in NoteQueries)
        {
            var hits = (await search.NotesAsync(query, 1, default)).Items.Select(h => h.Card.Title).ToList();
            if (!hits.Order().SequenceEqual(expected.Order())) failures.Add($"notes '{query}': expected [{string.Join(", ", expected)}], got [{string.Join(", ", hits)}]");
        }
        foreach (var (query, expected) in ProductQueries)
        {
            var hits = (await search.ProductsAsync(query, 1, default)).Items.Select(h => h.Card.Title).ToList();
            if (!hits.Order().SequenceEqual(expected.Order())) failures.Add($"products '{query}': expected [{string.Join(", ", expected)}], got [{string.Join(", ", hits)}]");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notes_TitleMatch_RanksAboveBodyOnlyMatch_AndIsHighlighted(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedCorpusAsync(db);
        var hits = (await Search(db).NotesAsync("面霜", 1, default)).Items;
        Assert.Equal("换季护肤心得", hits[^1].Card.Title);
        Assert.Contains("<mark>面霜</mark>", hits[0].TitleHtml);
        Assert.Contains("<mark>面\n霜</mark>", hits[^1].SnippetHtml.Replace(" ", "\n"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Users_And_Topics_AreFoundByName(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedCorpusAsync(db);
        var search = Search(db);
        var users = (await search.UsersAsync("小王", 1, default)).Items;
        Assert.Equal("beauty_wang", Assert.Single(users).Handle);
        Assert.Single((await search.UsersAsync("beauty_wang", 1, default)).Items);
        var topics = (await search.TopicsAsync("护肤", 1, default)).Items;
        Assert.Equal("护肤", Assert.Single(topics).Name);
        Assert.Equal(1, topics[0].NoteCount);
        var suggestions = await search.SuggestAsync("护", default);
        Assert.Contains(suggestions, s => s.Kind == "topic" && s.Url == "/topics/" + Uri.EscapeDataString("护肤"));
        Assert.Contains(await search.SuggestAsync("lanc", default), s => s.Kind == "note");
        // Note suggestions show titles, so they match titles only.
        Assert.Equal(["冬天必备保湿面霜", "面膜和面霜的搭配"], (await search.SuggestAsync("面霜", default)).Where(s => s.Kind == "note").Select(s => s.Text).Order());
        Assert.True(suggestions.Count <= 8);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Index_FollowsCreateEditAndDelete_AtOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var author = await TestData.UserAsync(db.Factory, "editor");
        var search = Search(db);
        var note = await TestData.NoteAsync(db.Factory, author.Id, "樱花季限定面霜", "粉色包装");
        Assert.Single((await search.NotesAsync("樱花", 1, default)).Items);

        await using (var ctx = await db.Factory.CreateDbContextAsync())
        {
            var tracked = await ctx.Notes.Include(n => n.Images).SingleAsync(n => n.Id == note.Id);
            tracked.Edit("桃花季限定面霜", "粉色包装", tracked.Images.ToList(), DateTimeOffset.UtcNow);
            await ctx.SaveChangesAsync();
        }
        Assert.Empty((await search.NotesAsync("樱花", 1, default)).Items);
        Assert.Single((await search.NotesAsync("桃花", 1, default)).Items);

        await using (var ctx = await db.Factory.CreateDbContextAsync())
        {
            (await ctx.Notes.SingleAsync(n => n.Id == note.Id)).Delete(DateTimeOffset.UtcNow);
            await ctx.SaveChangesAsync();
        }
        Assert.Empty((await search.NotesAsync("桃花", 1, default)).Items);

        await using (var ctx = await db.Factory.CreateDbContextAsync())
        {
            (await ctx.Notes.SingleAsync(n => n.Id == note.Id)).Restore();
            await ctx.SaveChangesAsync();
        }
        Assert.Single((await search.NotesAsync("桃花", 1, default)).Items);

        await using (var ctx = await db.Factory.CreateDbContextAsync())
        {
            var user = await ctx.Users.SingleAsync(u => u.Id == author.Id);
            user.DisplayName = "改名后的编辑";
            await ctx.SaveChangesAsync();
        }
        Assert.Single((await search.UsersAsync("改名", 1, default)).Items);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Products_GoingOffShelf_LeaveResults(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedCorpusAsync(db);
        var search = Search(db);
        await using (var ctx = await db.Factory.CreateDbContextAsync())
        {
            (await ctx.Products.SingleAsync(p => p.Title == "高保湿面霜")).Status = ProductStatus.OffShelf;
            await ctx.SaveChangesAsync();
        }
        Assert.Equal(["多效智妍面霜 50ml"], (await search.ProductsAsync("面霜", 1, default)).Items.Select(h => h.Card.Title));
    }

    public static TheoryData<DatabaseProvider, string> HostileQueries()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        string[] queries =
        [
            "\"", "\"面霜", "*", "面*", "NEAR", "NEAR(面霜 防晒)", "'", "面霜' OR 1=1 --", "OR", "a OR b", "-", "-面霜", ")", "(", "^", ":", "title:面霜",
            "!!!", "。。。，，，", "😀", "面霜😀", new string('面', 500), string.Concat(Enumerable.Repeat("ab ", 167)), "\\", "' & | ! :*", "AND NOT",
        ];
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            foreach (var query in queries) data.Add(provider, query);
        return data;
    }

    [Fact]
    public async Task HostileQueries_NeverThrow()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            await using var db = await TestDatabase.CreateAsync(provider);
            await SeedCorpusAsync(db);
            var search = Search(db);
            foreach (var row in HostileQueries())
            {
                if ((DatabaseProvider)row[0] != provider) continue;
                var query = (string)row[1];
                await search.NotesAsync(query, 1, default);
                await search.ProductsAsync(query, 99, default);
                await search.UsersAsync(query, -5, default);
                await search.TopicsAsync(query, 1, default);
                await search.SuggestAsync(query, default);
            }
            Assert.NotEmpty((await search.NotesAsync("\"面霜\" * -", 1, default)).Items);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rebuild_IndexesRowsWrittenWithoutEf(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedCorpusAsync(db);
        await using (var ctx = await db.Factory.CreateDbContextAsync())
            await ctx.Set<SearchDocument>().ExecuteDeleteAsync();
        var indexer = new SearchIndexer(db.Factory);
        Assert.True(await indexer.NeedsRebuildAsync(default));
        Assert.Empty((await Search(db).NotesAsync("面霜", 1, default)).Items);

        var written = await indexer.RebuildAsync(default);

        Assert.Equal(Notes.Length + Products.Length - 1 + 2 + 1, written);
        Assert.False(await indexer.NeedsRebuildAsync(default));
        Assert.Equal(3, (await Search(db).NotesAsync("面霜", 1, default)).Items.Count);
        Assert.Equal(1, (await Search(db).TopicsAsync("护肤", 1, default)).Items.Single().NoteCount);

        // The index still follows writes after a rebuild (on SQLite the triggers were set aside and put back).
        var author = await TestData.UserAsync(db.Factory, "after_rebuild");
        var note = await TestData.NoteAsync(db.Factory, author.Id, "樱花季限定");
        Assert.Equal(note.Id, Assert.Single((await Search(db).NotesAsync("樱花", 1, default)).Items).Card.Id);
    }

    private static ISearchService Search(TestDatabase db) => db.Provider switch
    {
        DatabaseProvider.PostgreSql => new PostgreSqlSearchService(db.Factory),
        _ => new SqliteSearchService(db.Factory),
    };

    private static async Task SeedCorpusAsync(TestDatabase db)
    {
        var author = await TestData.UserAsync(db.Factory, "beauty_wang", "美妆小王");
        await TestData.UserAsync(db.Factory, "coffee_li", "咖啡小李");
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        foreach (var (title, body) in Notes)
            await TestData.NoteAsync(db.Factory, author.Id, title, body, at, title == "换季护肤心得" ? ["护肤"] : []);
        await using var ctx = await db.Factory.CreateDbContextAsync();
        var draft = Note.Create(author.Id, "草稿面霜", "还没写完", [], at, draft: true);
        ctx.Notes.Add(draft);
        var category = new Category { Slug = "skincare", NameZh = "护肤", NameEn = "Skincare" };
        ctx.Categories.Add(category);
        foreach (var (title, brand, subtitle, status) in Products)
            ctx.Products.Add(new Product
            {
                Title = title,
                Brand = brand,
                Subtitle = subtitle,
                Description = "",
                Category = category,
                Price = 99m,
                OriginalPrice = 129m,
                Status = status,
                CreatedAt = at,
                CoverKey = "seed/test.svg",
                CoverWidth = 800,
                CoverHeight = 800,
            });
        await ctx.SaveChangesAsync();
    }
}
