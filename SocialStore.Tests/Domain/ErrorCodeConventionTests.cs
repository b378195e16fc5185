using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SocialStore.Domain.Common;

namespace SocialStore.Tests.Domain;

/// <summary>
/// One home per error code: the domain throws <see cref="DomainException"/> with a constant from a static
/// <c>XxxErrors</c> class of the feature, never with a string literal, and every such constant has a
/// message in the web project's resources in both languages.
/// </summary>
public partial class ErrorCodeConventionTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Domain_NeverThrowsALiteralCode()
    {
        var domain = Path.Combine(Root, "SocialStore.Domain");
        var offenders = Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsGenerated(f))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => LiteralCode().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryErrorCode_HasAMessageInBothLanguages()
    {
        var codes = ErrorCodes().ToList();
        Assert.NotEmpty(codes);

        var resources = Path.Combine(Root, "SocialStore.Web", "Resources");
        var english = KeysOf(Directory.EnumerateFiles(resources, "*.resx").Where(f => !f.EndsWith(".zh-CN.resx", StringComparison.Ordinal)));
        var chinese = KeysOf(Directory.EnumerateFiles(resources, "*.zh-CN.resx"));

        var missing = codes
            .SelectMany(c => new[]
            {
                english.Contains(c.Code) ? null : $"{c.Owner}: {c.Code} has no English message",
                chinese.Contains(c.Code) ? null : $"{c.Owner}: {c.Code} has no zh-CN message",
            })
            .OfType<string>()
            .ToList();

        Assert.Empty(missing);
    }

    /// <summary>Every public string constant of a static class named <c>…Errors</c> in the domain assembly.</summary>
    private static IEnumerable<(string Owner, string Code)> ErrorCodes() =>
        typeof(DomainException).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (Owner: $"{t.FullName}.{f.Name}", Code: (string)f.GetRawConstantValue()!)));

    private static HashSet<string> KeysOf(IEnumerable<string> files) =>
        files.SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!))
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsGenerated(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}")
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
        || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SocialStore.sln"))) return dir.FullName;
        throw new InvalidOperationException("SocialStore.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary><c>DomainException(</c> whose first argument is a string literal (plain, verbatim or interpolated).</summary>
    [GeneratedRegex(@"DomainException\(\s*[$@]*""")]
    private static partial Regex LiteralCode();
}
