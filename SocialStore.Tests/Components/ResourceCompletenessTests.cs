using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SocialStore.Tests.Components;

/// <summary>
/// Every UI string exists in both languages: each neutral (English) .resx in the solution has a
/// .zh-CN.resx with the same keys and placeholders, and no Chinese value is an English sentence left behind.
/// </summary>
public partial class ResourceCompletenessTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> NeutralResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in ResxFiles().Where(f => !IsCultureSpecific(f)))
            data.Add(Path.GetRelativePath(Root, file));
        return data;
    }

    [Fact]
    public void Solution_HasTheExpectedResources()
    {
        var names = ResxFiles().Select(Path.GetFileName).ToList();

        Assert.Contains("SharedResource.resx", names);
        Assert.Contains("AccountResource.resx", names);
    }

    [Fact]
    public void EveryCultureFile_HasANeutralFile()
    {
        foreach (var file in ResxFiles().Where(IsCultureSpecific))
        {
            var neutral = Regex.Replace(file, @"\.[a-z]{2}(-[A-Z]{2})?\.resx$", ".resx");
            Assert.True(File.Exists(neutral), $"{Path.GetRelativePath(Root, file)} has no neutral (English) file");
        }
    }

    [Theory]
    [MemberData(nameof(NeutralResources))]
    public void ChineseFile_HasTheSameKeys(string neutral)
    {
        var english = Read(Path.Combine(Root, neutral));
        var chinese = Read(ChineseFor(neutral));

        Assert.Empty(english.Keys.Except(chinese.Keys).Select(k => $"missing in zh-CN: {k}"));
        Assert.Empty(chinese.Keys.Except(english.Keys).Select(k => $"missing in English: {k}"));
    }

    [Theory]
    [MemberData(nameof(NeutralResources))]
    public void ChineseFile_KeepsThePlaceholders(string neutral)
    {
        var english = Read(Path.Combine(Root, neutral));
        var chinese = Read(ChineseFor(neutral));

        var problems = english.Keys.Intersect(chinese.Keys)
            .Where(k => !Placeholders(english[k]).SetEquals(Placeholders(chinese[k])))
            .Select(k => $"{k}: '{english[k]}' vs '{chinese[k]}'");
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(NeutralResources))]
    public void ChineseFile_HasNoUntranslatedSentences(string neutral)
    {
        var english = Read(Path.Combine(Root, neutral));
        var chinese = Read(ChineseFor(neutral));

        // A value of several English words with no Chinese in it was most likely copied, not translated.
        // Single words (brand names, "OK") and values that are Chinese in the English file (the language switch) pass.
        var problems = english.Keys.Intersect(chinese.Keys)
            .Where(k => IsEnglishSentence(english[k]) && !Cjk().IsMatch(chinese[k]) && IsEnglishSentence(chinese[k]))
            .Select(k => $"{k}: '{chinese[k]}'");
        Assert.Empty(problems);
    }

    [Fact]
    public void Components_UseOnlyKeysThatExist()
    {
        var web = Path.Combine(Root, "SocialStore.Web");
        var shared = Read(Path.Combine(web, "Resources", "SharedResource.resx"));
        var account = Read(Path.Combine(web, "Resources", "AccountResource.resx"));
        var missing = new List<string>();

        foreach (var file in Directory.EnumerateFiles(Path.Combine(web, "Components"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".razor") || f.EndsWith(".cs")))
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(Root, file);
            // Components/_Imports.razor injects L (SharedResource) everywhere; Account/_Imports.razor adds T (AccountResource).
            if (file.EndsWith(".razor") && !Regex.IsMatch(text, @"@inject\s+\S+\s+L\b"))
                missing.AddRange(Keys(LKey(), text).Where(k => !shared.ContainsKey(k)).Select(k => $"{relative}: L[\"{k}\"]"));
            if (relative.Contains($"Components{Path.DirectorySeparatorChar}Account"))
                missing.AddRange(Keys(AccountKey(), text).Where(k => !account.ContainsKey(k)).Select(k => $"{relative}: \"{k}\""));
        }

        Assert.Empty(missing);
    }

    private static IEnumerable<string> Keys(Regex pattern, string text) =>
        pattern.Matches(text).Select(m => m.Groups["key"].Value).Where(k => !k.EndsWith('.'));

    private static bool IsEnglishSentence(string value) =>
        !Cjk().IsMatch(value) && Word().Matches(value).Count >= 3;

    private static HashSet<string> Placeholders(string value) =>
        Placeholder().Matches(value).Select(m => m.Value).ToHashSet();

    private static string ChineseFor(string neutral)
    {
        var path = Path.Combine(Root, neutral[..^".resx".Length] + ".zh-CN.resx");
        Assert.True(File.Exists(path), $"{neutral} has no zh-CN file");
        return path;
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .Where(d => d.Attribute("type") is null)
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static bool IsCultureSpecific(string file) => Regex.IsMatch(Path.GetFileName(file), @"\.[a-z]{2}(-[A-Z]{2})?\.resx$");

    private static IEnumerable<string> ResxFiles() =>
        Directory.EnumerateFiles(Root, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SocialStore.sln"))) return dir.FullName;
        throw new InvalidOperationException("SocialStore.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\b[A-Za-z]{2,}\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"\bL\[""(?<key>[^""]+)""")]
    private static partial Regex LKey();

    // T["…"] in the pages; localizer["…"] in the C# next to them.
    [GeneratedRegex(@"\b(?:T|localizer)\[""(?<key>[^""]+)""")]
    private static partial Regex AccountKey();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
