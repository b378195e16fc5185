using SocialStore.Domain.Notes;

namespace SocialStore.Tests.Domain.Notes;

public class TextTokensTests
{
    [Theory]
    [InlineData("今天的#护肤 分享 @小美", new[] { "护肤" }, new[] { "小美" })]
    [InlineData("#护肤#美妆 好物", new[] { "护肤", "美妆" }, new string[0])]
    [InlineData("#护肤# 分享", new[] { "护肤" }, new string[0])]
    [InlineData("#秋冬护肤，真的好用！@Mei_2026。", new[] { "秋冬护肤" }, new[] { "Mei_2026" })]
    [InlineData("#OOTD #ootd #Skincare2026", new[] { "ootd", "skincare2026" }, new string[0])]
    [InlineData("＃全角话题 ＠全角", new[] { "全角话题" }, new[] { "全角" })]
    [InlineData("＃ＡＢＣ", new[] { "abc" }, new string[0])]
    [InlineData("C# and F# rock, mail me at a@b.com or see https://x.test/page#top", new string[0], new string[0])]
    [InlineData("&#123; html entity", new string[0], new string[0])]
    [InlineData("# alone, @ alone, ## and @@", new string[0], new string[0])]
    [InlineData("😀#emoji话题😀 @小美😀", new[] { "emoji话题" }, new[] { "小美" })]
    [InlineData("line\n#第二行\t@tab", new[] { "第二行" }, new[] { "tab" })]
    [InlineData("#𠀀𠀁 rare CJK", new[] { "𠀀𠀁" }, new string[0])]
    public void Parse_FindsTopicsAndMentions(string text, string[] topics, string[] mentions)
    {
        var parsed = TextTokens.Parse(text);

        Assert.Equal(topics, parsed.Topics);
        Assert.Equal(mentions, parsed.Mentions);
    }

    [Fact]
    public void Parse_TooLongOrTooMany_AreIgnoredOrCapped()
    {
        var longTopic = "#" + new string('长', Topic.NameMaxLength + 1);
        var many = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"#t{i} @u{i}"));

        Assert.Empty(TextTokens.Parse(longTopic).Topics);
        Assert.Equal(["长长"], TextTokens.Parse("#长长").Topics);
        var parsed = TextTokens.Parse(many);
        Assert.Equal(TextTokens.MaxTokensPerKind, parsed.Topics.Count);
        Assert.Equal(TextTokens.MaxTokensPerKind, parsed.Mentions.Count);
    }

    [Fact]
    public void Tokenize_CoversTheWholeTextInOrder()
    {
        const string text = "看 #护肤# 和 @小美，好 <script>";

        var tokens = TextTokens.Tokenize(text);

        Assert.Equal(text, string.Concat(tokens.Select(t => text.Substring(t.Start, t.Length))));
        Assert.Equal(
            [(TextTokenKind.Text, "看 "), (TextTokenKind.Topic, "护肤"), (TextTokenKind.Text, " 和 "), (TextTokenKind.Mention, "小美"), (TextTokenKind.Text, "，好 <script>")],
            tokens.Select(t => (t.Kind, t.Value)));
        Assert.Empty(TextTokens.Tokenize(null));
        Assert.Empty(TextTokens.Tokenize(""));
    }
}
