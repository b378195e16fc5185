using System.Text;
using Microsoft.Data.Sqlite;
using NetVips;
using SocialStore.Domain.Media;

namespace SocialStore.Tests.Domain.Media;

/// <summary>The libvips that NetVips.Native brings, as <see cref="VipsSetup"/> configures it for uploads.</summary>
public class VipsTests
{
    public VipsTests() => Assert.Null(VipsSetup.Initialise(2));

    [Fact]
    public void Initialise_LoadsTheBundledLibvips_NotASystemOne()
    {
        Assert.StartsWith("8.18.", VipsSetup.Version);
        var libvips = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && Path.GetFileName(fields[5]).StartsWith("libvips.so", StringComparison.Ordinal))
            .Select(fields => fields[5])
            .Distinct()
            .ToList();
        var path = Assert.Single(libvips);
        Assert.Contains("runtimes/linux-x64/native", path.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.DoesNotContain("/usr/lib", path, StringComparison.Ordinal);

        // The Debian libvips' modules once crashed EF Core's SQLite; the bundled build has no modules, SQLite still opens.
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select 40 + 2";
        Assert.Equal(42L, command.ExecuteScalar());
    }

    [Fact]
    public void Initialise_TurnsTheOperationCacheOff()
    {
        Assert.Equal(0, Cache.Max);
        Assert.Equal(0UL, Cache.MaxMem);
    }

    [Fact]
    public void AllowedLoaders_AllExistInThisLibvips()
    {
        // Operation.Block ignores a name it does not know: a renamed loader would silently stay blocked.
        foreach (var loader in VipsSetup.AllowedLoaders)
            Assert.True(NetVips.NetVips.TypeFromName(loader) != IntPtr.Zero, loader);
    }

    [Fact]
    public void UntrustedAndUnlistedLoaders_AreUnreachable()
    {
        var svg = TestImages.Svg();
        Assert.Null(Image.FindLoadBuffer(svg));
        var blocked = Assert.Throws<VipsException>(() => Image.SvgloadBuffer(svg));
        Assert.Contains("blocked", blocked.Message, StringComparison.OrdinalIgnoreCase);

        // Trusted by libvips, but not an upload format here.
        using var black = Image.Black(8, 8, 3);
        Assert.Null(Image.FindLoadBuffer(black.TiffsaveBuffer()));

        foreach (var format in new[] { ".jpg", ".png", ".gif", ".webp", ".avif" })
            Assert.NotNull(Image.FindLoadBuffer(black.WriteToBuffer(format)));
    }

    [Fact]
    public void Heif_AvifDecodes_HeicHeaderReadsButHevcCannotBeDecoded()
    {
        // What NetVips.Native 8.18.7 can do with a phone's HEIF photos: its libheif decodes AV1 (AVIF) only.
        // If a later NetVips.Native decodes HEVC, this fails: then HEIC can join the accepted formats.
        Assert.True(VipsSetup.CanLoadAvif);
        var heic = TestImages.PhoneHeicFixture();
        Assert.Equal("VipsForeignLoadHeifBuffer", Image.FindLoadBuffer(heic));
        using var header = Image.NewFromBuffer(heic);
        Assert.Equal((64, 48), (header.Width, header.Height));
        Assert.Equal("hevc", header.Get("heif-compression"));
        Assert.Throws<VipsException>(() => header.CopyMemory().Dispose());
    }

    [Fact]
    public void Savers_WithKeepNone_WriteNoMetadataEvenIntoWebP()
    {
        // The trap of libvips 8.14: WebP kept EXIF (GPS included) despite "strip". "keep" replaced it in 8.15.
        using var photo = Image.NewFromBuffer(TestImages.WithCameraMetadata(TestImages.Solid(320, 240, ".jpg")));
        Assert.Contains("exif-ifd3-GPSLatitude", photo.GetFields());

        var kept = photo.WebpsaveBuffer();
        Assert.True(Contains(kept, "EXIF"));   // by default, libvips copies the metadata…

        foreach (var clean in new[] { photo.WebpsaveBuffer(keep: Enums.ForeignKeep.None), photo.JpegsaveBuffer(keep: Enums.ForeignKeep.None) })
        {
            foreach (var marker in new[] { "EXIF", "Exif", "XMP ", "ICCP", "GPS", TestImages.CameraMake, "ns.adobe.com" })
                Assert.False(Contains(clean, marker), marker); // …and with keep None, nothing
            Assert.DoesNotContain(TestImages.Inspect(clean).Fields, f => f.StartsWith("exif-", StringComparison.Ordinal));
        }
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}
