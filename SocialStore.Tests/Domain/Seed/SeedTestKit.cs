using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialStore.Domain.Data;
using SocialStore.Domain.Data.Seed;
using SocialStore.Domain.Media;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Seed;

/// <summary>A migrated database, a media folder and a seeder wired to both.</summary>
public sealed class SeedTestKit : IAsyncDisposable
{
    private SeedTestKit(TestDatabase database, string mediaRoot, ILogger<DemoDataSeeder>? logger)
    {
        Database = database;
        MediaRoot = mediaRoot;
        Media = new LocalMediaStore(mediaRoot);
        Seeder = new DemoDataSeeder(database.Factory, Media, TimeProvider.System, logger ?? NullLogger<DemoDataSeeder>.Instance);
    }

    public TestDatabase Database { get; }

    public string MediaRoot { get; }

    public LocalMediaStore Media { get; }

    public DemoDataSeeder Seeder { get; }

    public static async Task<SeedTestKit> CreateAsync(DatabaseProvider provider, ILogger<DemoDataSeeder>? logger = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new SeedTestKit(database, Path.Combine(Path.GetTempPath(), "socialstore-seed-media", Guid.NewGuid().ToString("N")), logger);
    }

    public async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed;
    }

    public SocialStoreDbContext Context() => Database.Factory.CreateDbContext();

    /// <summary>Notes whose stored counters differ from the rows they count.</summary>
    public static Task<int> CounterMismatchesAsync(SocialStoreDbContext db) =>
        db.Notes.CountAsync(n =>
            n.LikeCount != db.NoteLikes.Count(l => l.NoteId == n.Id)
            || n.CollectCount != db.Collects.Count(c => c.NoteId == n.Id)
            || n.CommentCount != db.Comments.Count(c => c.NoteId == n.Id)
            || n.ShareCount != 0);

    /// <summary>Reads a stored SVG as XML (no DTDs allowed) and fails on anything that could run or fetch.</summary>
    public async Task<XElement> ReadSafeSvgAsync(string key)
    {
        await using var stream = await Media.OpenReadAsync(key, CancellationToken.None);
        Assert.True(stream is not null, $"{key} is missing from the media store");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        var svg = (await XDocument.LoadAsync(reader, LoadOptions.None, CancellationToken.None)).Root!;
        Assert.Equal("svg", svg.Name.LocalName);
        foreach (var element in svg.DescendantsAndSelf())
        {
            Assert.NotEqual("script", element.Name.LocalName, StringComparer.OrdinalIgnoreCase);
            Assert.NotEqual("foreignObject", element.Name.LocalName, StringComparer.OrdinalIgnoreCase);
            foreach (var attribute in element.Attributes())
            {
                Assert.False(attribute.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{key}: event attribute {attribute.Name}");
                Assert.NotEqual("href", attribute.Name.LocalName);
                if (attribute.Value.Contains("url(", StringComparison.Ordinal))
                    Assert.StartsWith("url(#", attribute.Value);
            }
        }
        return svg;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try { Directory.Delete(MediaRoot, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
