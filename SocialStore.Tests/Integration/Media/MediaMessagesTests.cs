using System.Globalization;
using System.Reflection;
using System.Resources;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Web;

namespace SocialStore.Tests.Integration.Media;

public class MediaMessagesTests
{
    private static readonly ResourceManager Messages = new("SocialStore.Web.Resources.MeResource", typeof(MeResource).Assembly);

    public static TheoryData<string> Codes => [.. new[] { typeof(MediaErrors), typeof(ProfileErrors) }
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryErrorCode_HasAnEnglishAndAChineseMessage(string code)
    {
        var english = Messages.GetString(code, CultureInfo.GetCultureInfo("en-US"));
        var chinese = Messages.GetString(code, CultureInfo.GetCultureInfo("zh-CN"));

        Assert.False(string.IsNullOrWhiteSpace(english), code);
        Assert.False(string.IsNullOrWhiteSpace(chinese), code);
        Assert.NotEqual(english, chinese);
        Assert.Equal(english.Contains("{0}", StringComparison.Ordinal), chinese.Contains("{0}", StringComparison.Ordinal));
    }
}
