using System.Collections;
using System.Globalization;
using System.Resources;
using SocialStore.Web;
using SocialStore.Web.Components.Pages.Profiles;

namespace SocialStore.Tests.Components.Profiles;

public class ProfileAndShareResourceTests
{
    [Theory]
    [InlineData(typeof(ProfileResource))]
    [InlineData(typeof(ShareResource))]
    public void Resources_EnglishAndChinese_HaveTheSameKeys(Type marker)
    {
        var manager = new ResourceManager($"SocialStore.Web.Resources.{marker.Name}", marker.Assembly);
        var english = Keys(manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false));
        var chinese = Keys(manager.GetResourceSet(new CultureInfo("zh-CN"), createIfNotExists: true, tryParents: false));

        Assert.NotEmpty(english);
        Assert.Equal(english, chinese);
    }

    [Fact]
    public void Resources_DomainErrorCodesOfSharingAndProfiles_AreTranslated()
    {
        var share = new ResourceManager("SocialStore.Web.Resources.ShareResource", typeof(ShareResource).Assembly);
        var profile = new ResourceManager("SocialStore.Web.Resources.ProfileResource", typeof(ProfileResource).Assembly);
        foreach (var culture in new[] { CultureInfo.InvariantCulture, new CultureInfo("zh-CN") })
        {
            Assert.NotNull(share.GetString("Share.TargetNotFound", culture));
            Assert.NotNull(share.GetString("Share.SharerNotFound", culture));
            Assert.NotNull(profile.GetString("Profile.NotFound", culture));
        }
    }

    [Theory]
    [InlineData(0, "zh-CN", "0")]
    [InlineData(9_999, "zh-CN", "9,999")]
    [InlineData(10_000, "zh-CN", "1万")]
    [InlineData(12_999, "zh-CN", "1.2万")]
    [InlineData(123_456_789, "zh-CN", "1.2亿")]
    [InlineData(9_999, "en-US", "9,999")]
    [InlineData(12_999, "en-US", "12.9K")]
    [InlineData(2_500_000, "en-US", "2.5M")]
    [InlineData(3_000_000_000, "en-US", "3B")]
    public void CompactCount_RoundsDownNeverUp(long value, string culture, string expected) =>
        Assert.Equal(expected, CompactCount.Format(value, new CultureInfo(culture)));

    private static SortedSet<string> Keys(ResourceSet? set) =>
        new(set?.Cast<DictionaryEntry>().Select(e => (string)e.Key) ?? [], StringComparer.Ordinal);
}
