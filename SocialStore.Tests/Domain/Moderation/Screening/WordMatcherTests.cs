using SocialStore.Domain.Moderation.Screening;

namespace SocialStore.Tests.Domain.Moderation.Screening;

public sealed class WordMatcherTests
{
    [Theory]
    [InlineData("加 微 信 聊", "微信")]
    [InlineData("加微.信聊", "微信")]
    [InlineData("加ＷＥＩＸＩＮ好友", "weixin")]
    [InlineData("加WeiXin好友", "weixin")]
    [InlineData("vx：ab c１２３", "abc123")]
    [InlineData("号码是一二三", "123")]
    [InlineData("号码是壹贰叁", "123")]
    [InlineData("全网第1", "第一")]
    [InlineData("全网第 一 名", "第一")]
    [InlineData("全网第１", "第一")]
    [InlineData("刷-单-返-现", "刷单返现")]
    [InlineData("刷\u200B单", "刷单")]
    [InlineData("代😀开😀发票", "代开发票")]
    public void Find_Variants_AreMatched(string text, string term)
    {
        var index = new WordListIndex([new ScreenTerm(term, ScreenAction.Block)]);

        var hit = Assert.Single(index.Find(text, commercial: false));

        Assert.Equal(term, hit.Term.Term);
        Assert.Equal(text[hit.OriginalStart..hit.OriginalEnd], hit.Found);
    }

    [Theory]
    [InlineData("今天的晚霞好美", "微信")]
    [InlineData("微 博 信 息", "微信")]
    [InlineData("", "微信")]
    public void Find_NoTerm_NoHit(string text, string term)
    {
        var index = new WordListIndex([new ScreenTerm(term, ScreenAction.Block)]);

        Assert.Empty(index.Find(text, commercial: false));
    }

    [Fact]
    public void Find_FoundTextIsTheAuthorsOwn_WithSpacesKept()
    {
        var index = new WordListIndex([new ScreenTerm("代购", ScreenAction.Flag)]);

        var hit = Assert.Single(index.Find("找我 代 购 哦", commercial: false));

        Assert.Equal("代 购", hit.Found);
        Assert.Equal(3, hit.OriginalStart);
        Assert.Equal(6, hit.OriginalEnd);
    }

    [Theory]
    [InlineData("我在练体操", "操", "体操")]
    [InlineData("公共产品很重要", "共产", "公共产品")]
    [InlineData("江阴毛纺厂", "阴毛", "江阴毛纺")]
    [InlineData("这是一本法轮功能手册", "法轮功", "轮功能")] // allow only wins when it covers the match
    public void Find_AllowListEntryContainingTheMatch_Wins(string text, string blocked, string allowed)
    {
        var index = new WordListIndex([new ScreenTerm(blocked, ScreenAction.Block), new ScreenTerm(allowed, ScreenAction.Allow)]);

        var hits = index.Find(text, commercial: false);

        var coveredByAllow = ScreeningText.Normalize(allowed).Contains(ScreeningText.Normalize(blocked), StringComparison.Ordinal);
        if (coveredByAllow) Assert.Empty(hits);
        else Assert.Equal(blocked, Assert.Single(hits).Term.Term);
    }

    [Fact]
    public void Find_AllowOnlyProtectsItsOwnOccurrence()
    {
        var index = new WordListIndex([new ScreenTerm("操", ScreenAction.Block), new ScreenTerm("体操", ScreenAction.Allow)]);

        var hit = Assert.Single(index.Find("体操队 操 你", commercial: false));

        Assert.Equal(4, hit.OriginalStart);
    }

    [Fact]
    public void Find_OverlappingAndNestedTerms_AllReported()
    {
        // The classic Aho-Corasick case: he / she / his / hers.
        var index = new WordListIndex(new[] { "he", "she", "his", "hers" }.Select(t => new ScreenTerm(t, ScreenAction.Flag)));

        var found = index.Find("ushers", commercial: false).Select(h => h.Term.Term).Order().ToArray();

        Assert.Equal(["he", "hers", "she"], found);
    }

    [Fact]
    public void Find_ChineseCorpus_CountsEveryOccurrence()
    {
        string[] terms = ["假货", "高仿", "原单", "刷单", "加微信", "微信", "私聊"];
        var index = new WordListIndex(terms.Select(t => new ScreenTerm(t, ScreenAction.Flag)));
        const string corpus = "这家店卖高 仿和原单，说不是假货。想要的私 聊，加ＷＥＩ信不行就加微信；刷单的别来。高仿高仿！";

        var found = index.Find(corpus, commercial: false).GroupBy(h => h.Term.Term).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3, found["高仿"]);
        Assert.Equal(1, found["原单"]);
        Assert.Equal(1, found["假货"]);
        Assert.Equal(1, found["私聊"]);
        Assert.Equal(1, found["加微信"]);
        Assert.Equal(1, found["微信"]);
        Assert.Equal(1, found["刷单"]);
        Assert.Equal(corpus.Split("高仿").Length - 1 + 1, found["高仿"]); // two written together, one with a space
    }

    [Fact]
    public void Find_CommercialOnlyTerms_OnlyInCommercialText()
    {
        var index = new WordListIndex([new ScreenTerm("最佳", ScreenAction.Hold, CommercialOnly: true)]);

        Assert.Empty(index.Find("今天是最佳的一天", commercial: false));
        Assert.Single(index.Find("全网最佳面霜", commercial: true));
    }

    [Fact]
    public void Find_PatternThatNormalisesToNothing_IsIgnored()
    {
        var index = new WordListIndex([new ScreenTerm(" ，。! ", ScreenAction.Block), new ScreenTerm("假货", ScreenAction.Block)]);

        Assert.Equal("假货", Assert.Single(index.Find("假 货, 真的", commercial: false)).Term.Term);
    }

    [Fact]
    public void Mask_ReplacesTheTermsCharacters_KeepsSpacing()
    {
        var index = new WordListIndex([new ScreenTerm("傻瓜", ScreenAction.Replace)]);
        const string text = "你这个傻 瓜，Ｓ傻瓜";

        var masked = WordListIndex.Mask(text, index.Find(text, commercial: false));

        Assert.Equal("你这个＊ ＊，Ｓ＊＊", masked);
    }

    [Fact]
    public void Matcher_TenThousandPatterns_FindsEachPlantedOne()
    {
        var patterns = Enumerable.Range(0, 10_000).Select(SyntheticTerm).ToArray();
        var matcher = new WordMatcher(patterns);
        var text = ScreeningText.Normalize("前缀" + patterns[17] + "中间" + patterns[9_999] + "结尾" + patterns[5_000]);

        var hits = matcher.Matches(text).Select(h => h.Pattern).ToHashSet();

        Assert.Contains(17, hits);
        Assert.Contains(9_999, hits);
        Assert.Contains(5_000, hits);
    }

    /// <summary>A distinct 2–6 character Chinese term per number (for the big-list tests and the benchmark).</summary>
    internal static string SyntheticTerm(int n)
    {
        var random = new Random(n * 7919 + 13);
        var length = 2 + n % 5;
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)random.Next(0x4E00 + 0x200, 0x9FA5); // skip 一-ff
        return new string(chars) + ToChinese(n);
    }

    private static string ToChinese(int n) => new([.. n.ToString().Select(d => "零壹贰叁肆伍陆柒捌玖"[d - '0'])]);
}
