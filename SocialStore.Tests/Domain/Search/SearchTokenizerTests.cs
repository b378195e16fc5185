using SocialStore.Domain.Search;

namespace SocialStore.Tests.Domain.Search;

public class SearchTokenizerTests
{
    [Fact]
    public void IndexTokens_Chinese_UnigramsAndOverlappingBigrams()
    {
        Assert.Equal(["保", "保湿", "湿", "湿面", "面", "面霜", "霜"], SearchTokenizer.IndexTokens("保湿面霜"));
    }

    [Fact]
    public void IndexTokens_LatinWords_LowerCasedAndFullWidthFolded()
    {
        Assert.Equal(["spf50", "sunscreen", "la", "roche"], SearchTokenizer.IndexTokens("ＳＰＦ５０ Sunscreen, La-Roche!"));
    }

    [Fact]
    public void IndexTokens_MixedScripts_SplitAtScriptChange()
    {
        Assert.Equal(["spf50", "防", "防晒", "晒"], SearchTokenizer.IndexTokens("SPF50防晒"));
    }

    [Theory]
    [InlineData("面\n霜")]
    [InlineData("面\r\n霜")]
    [InlineData("面 霜")]
    public void IndexTokens_LineBreakInsideCjkWord_KeepsTheBigram(string text)
    {
        Assert.Contains("面霜", SearchTokenizer.IndexTokens(text));
    }

    [Fact]
    public void IndexTokens_PunctuationBetweenCjk_BreaksTheRun()
    {
        Assert.DoesNotContain("面霜", SearchTokenizer.IndexTokens("面，霜"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("'")]
    [InlineData("-")]
    [InlineData(")(")]
    [InlineData("！？。，、")]
    [InlineData("😀🔥")]
    [InlineData("   ")]
    [InlineData("")]
    public void QueryTerms_OnlySyntaxPunctuationOrEmoji_IsEmpty(string query)
    {
        Assert.Empty(SearchTokenizer.QueryTerms(query));
    }

    [Fact]
    public void QueryTerms_SearchSyntax_BecomesPlainWords()
    {
        Assert.Equal(["a", "near", "b", "or", "c"], SearchTokenizer.QueryTerms("\"a\" NEAR(b) OR -c*"));
    }

    [Theory]
    [InlineData("霜", new[] { "霜" })]
    [InlineData("面霜", new[] { "面霜" })]
    [InlineData("保湿面霜", new[] { "保湿", "湿面", "面霜" })]
    [InlineData("面霜 cream", new[] { "面霜", "cream" })]
    public void QueryTerms_CjkRunsBecomeBigrams_SingleCharacterStaysUnigram(string query, string[] expected)
    {
        Assert.Equal(expected, SearchTokenizer.QueryTerms(query));
    }

    [Fact]
    public void QueryTerms_LongQuery_IsCapped()
    {
        var terms = SearchTokenizer.QueryTerms(new string('面', 250) + new string('a', 250));
        Assert.True(terms.Count <= SearchTokenizer.MaxQueryTerms);
        Assert.All(terms, t => Assert.True(t.Length <= SearchTokenizer.MaxWordLength));
    }

    [Fact]
    public void Highlight_MarksMatchesAndEncodesEverythingElse()
    {
        var html = SearchHighlighter.Highlight("<b>面霜</b> & Cream", SearchTokenizer.QueryTerms("面霜 cream"));
        Assert.Equal("&lt;b&gt;<mark>面霜</mark>&lt;/b&gt; &amp; <mark>Cream</mark>", html);
    }

    [Fact]
    public void Highlight_WordSplitAcrossLineBreak_MarksBothHalves()
    {
        Assert.Equal("好用的<mark>面\n霜</mark>", SearchHighlighter.Highlight("好用的面\n霜", SearchTokenizer.QueryTerms("面霜")));
    }

    [Fact]
    public void Highlight_FullWidthText_MarksOriginalCharacters()
    {
        Assert.Equal("<mark>ＳＰＦ５０</mark>防晒", SearchHighlighter.Highlight("ＳＰＦ５０防晒", SearchTokenizer.QueryTerms("spf50")));
    }

    [Fact]
    public void Snippet_LongText_CentresOnFirstMatch()
    {
        var text = new string('的', 100) + "防晒霜" + new string('的', 100);
        var snippet = SearchSnippets.Snippet(text, SearchTokenizer.QueryTerms("防晒"), 40);
        Assert.StartsWith("…", snippet);
        Assert.Contains("<mark>防晒</mark>", snippet);
    }
}
