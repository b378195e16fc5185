using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Social;
using SocialStore.Web;
using SocialStore.Web.Services;

namespace SocialStore.Tests.Components.Social;

public partial class SocialResourceTests
{
    private static string ResourceFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocialStore.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "SocialStore.Web", "Resources", name);
    }

    private static Dictionary<string, string> Read(string name) =>
        XDocument.Load(ResourceFile(name)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Fact]
    public void BothLanguages_HaveTheSameKeysAndPlaceholders()
    {
        var en = Read("SocialResource.resx");
        var zh = Read("SocialResource.zh-CN.resx");

        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        foreach (var key in en.Keys)
        {
            // Chinese may leave out a placeholder English needs (e.g. {2} vs {3} in "等 N 人"), but never invent one.
            var enHoles = Placeholders().Matches(en[key]).Select(m => m.Value).ToHashSet();
            var zhHoles = Placeholders().Matches(zh[key]).Select(m => m.Value).ToHashSet();
            Assert.True(zhHoles.All(h => enHoles.Contains(h) || key.StartsWith("Notif.", StringComparison.Ordinal)), $"{key}: {string.Join(',', zhHoles)} vs {string.Join(',', enHoles)}");
            Assert.False(string.IsNullOrWhiteSpace(zh[key]), key);
        }
    }

    [Fact]
    public void EveryDomainErrorCode_HasAMessageInBothLanguages()
    {
        var en = Read("SocialResource.resx");
        var zh = Read("SocialResource.zh-CN.resx");

        Assert.All(SocialErrors.All, code => Assert.True(en.ContainsKey(code) && zh.ContainsKey(code), code));
        Assert.Equal(SocialErrors.All.Count, typeof(SocialErrors).GetFields().Count(f => f.IsLiteral));
    }

    [Theory]
    [InlineData("zh-CN", "评论最多 500 个字")]
    [InlineData("en-US", "A comment can be at most 500 characters.")]
    public void DomainMessages_FormatsTheCodeWithItsArguments(string culture, string expected)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var localizer = new StringLocalizer<SocialResource>(factory);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            Assert.Equal(expected, DomainMessages.For(new DomainException(SocialErrors.CommentTooLong, 500), localizer));
            Assert.NotEqual("No.Such.Code", DomainMessages.For(new DomainException("No.Such.Code"), localizer));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholders();
}
