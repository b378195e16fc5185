using Microsoft.Extensions.Time.Testing;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Media;

namespace SocialStore.Tests.Domain.Media;

public sealed class ImagePipelineTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<byte[]> Photo12Mp = new(() => TestImages.PhotoJpeg(4000, 3000));

    private readonly string root = Path.Combine(Path.GetTempPath(), "socialstore-media-tests", Guid.NewGuid().ToString("N"));
    private readonly LocalMediaStore store;
    private readonly ImagePipeline pipeline;

    public ImagePipelineTests()
    {
        store = new LocalMediaStore(root);
        pipeline = NewPipeline(new MediaOptions());
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Pipeline_WithLibvipsFromNuGet_IsAvailableAndAcceptsAvifButNotHeic()
    {
        Assert.True(pipeline.IsAvailable, pipeline.UnavailableReason);
        Assert.Equal("JPEG, PNG, WebP, GIF, AVIF", pipeline.AcceptedFormats);
    }

    [Fact]
    public async Task SaveAsync_JpegWithGpsExif_RemovesMetadataFromFullAndBothThumbnails()
    {
        var upload = TestImages.WithCameraMetadata(TestImages.Solid(1600, 1200, ".jpg"));
        var before = TestImages.Inspect(upload);
        Assert.Contains("exif-ifd3-GPSLatitude", before.Fields);   // libvips does see the position…
        Assert.Contains("xmp-data", before.Fields);

        var result = await pipeline.SaveAsync(new MemoryStream(upload), CancellationToken.None);

        foreach (var file in new[] { "full.jpg", "w360.webp", "w720.webp" })
        {
            var bytes = await ReadStoredAsync(result.Key, file);
            foreach (var marker in new[] { "Exif", "EXIF", "GPS", TestImages.CameraMake, TestImages.XmpMarker, "ns.adobe.com", "ICC_PROFILE", "ICCP", "XMP " })
                Assert.False(Contains(bytes, marker), $"{file} contains '{marker}'.");
            var after = TestImages.Inspect(bytes);                     // …and none of it survives
            Assert.DoesNotContain(after.Fields, f => f.StartsWith("exif-", StringComparison.Ordinal)
                || f.StartsWith("xmp-", StringComparison.Ordinal) || f.StartsWith("iptc-", StringComparison.Ordinal)
                || f.StartsWith("icc-", StringComparison.Ordinal) || f == "orientation");
        }
    }

    [Fact]
    public async Task SaveAsync_PhotoWithGpsXmpAndIptcFromExiftool_StoresNoneOfIt()
    {
        var upload = TestImages.PhotoWithGpsFixture();
        var before = TestImages.Inspect(upload);
        Assert.Contains("exif-ifd3-GPSLatitude", before.Fields);
        Assert.Contains("xmp-data", before.Fields);
        Assert.Contains("iptc-data", before.Fields);

        var result = await pipeline.SaveAsync(new MemoryStream(upload), CancellationToken.None);

        foreach (var file in new[] { "full.jpg", "w360.webp", "w720.webp" })
        {
            var bytes = await ReadStoredAsync(result.Key, file);
            foreach (var marker in new[] { "Exif", "EXIF", "GPS", "SocialStoreFixtureCam", "FixtureAuthor", "SocialStoreIptcKeyword", "Shanghai", "Photoshop 3.0", "8BIM", "ns.adobe.com", "XMP " })
                Assert.False(Contains(bytes, marker), $"{file} contains '{marker}'.");
            Assert.DoesNotContain(TestImages.Inspect(bytes).Fields, f => f.StartsWith("exif-", StringComparison.Ordinal)
                || f.StartsWith("xmp-", StringComparison.Ordinal) || f.StartsWith("iptc-", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SaveAsync_WebPOutputs_DeclareNoMetadataChunks()
    {
        var upload = TestImages.WithCameraMetadata(TestImages.Solid(800, 600, ".jpg"));

        var result = await pipeline.SaveAsync(new MemoryStream(upload), CancellationToken.None);

        foreach (var file in new[] { "w360.webp", "w720.webp" })
        {
            var webp = await ReadStoredAsync(result.Key, file);
            Assert.Equal("RIFF", Encoding.ASCII.GetString(webp, 0, 4));
            // An extended WebP (VP8X) flags ICC (0x20), EXIF (0x08) and XMP (0x04) chunks in its header.
            if (Encoding.ASCII.GetString(webp, 12, 4) == "VP8X") Assert.Equal(0, webp[20] & 0x2C);
            Assert.False(Contains(webp, "EXIF") || Contains(webp, "XMP ") || Contains(webp, "ICCP"), $"{file} has a metadata chunk.");
        }
    }

    [Fact]
    public async Task SaveAsync_12MegapixelPhoto_StoresFullAndThumbnailsAtFeedSizes()
    {
        var result = await pipeline.SaveAsync(new MemoryStream(Photo12Mp.Value), CancellationToken.None);

        Assert.Matches(new Regex("^i/2026/03/[a-z0-9]{22}$"), result.Key);
        Assert.True(MediaPaths.IsSafe(result.Key));
        Assert.Equal((2560, 1920), (result.Width, result.Height));
        Assert.Equal((2560, 1920), Size(await ReadStoredAsync(result.Key, "full.jpg")));
        Assert.Equal((720, 540), Size(await ReadStoredAsync(result.Key, "w720.webp")));
        Assert.Equal((360, 270), Size(await ReadStoredAsync(result.Key, "w360.webp")));
        Assert.Equal(0xFF, (await ReadStoredAsync(result.Key, "full.jpg"))[0]);
    }

    [Fact]
    public async Task SaveAsync_SmallImage_IsNeverEnlarged()
    {
        var result = await pipeline.SaveAsync(new MemoryStream(TestImages.Solid(300, 200, ".png")), CancellationToken.None);

        Assert.Equal((300, 200), (result.Width, result.Height));
        Assert.Equal((300, 200), Size(await ReadStoredAsync(result.Key, "w360.webp")));
        Assert.Equal((300, 200), Size(await ReadStoredAsync(result.Key, "w720.webp")));
    }

    [Fact]
    public async Task SaveAsync_TallImage_LimitsTheLongestSideAndKeepsThumbnailWidths()
    {
        var result = await pipeline.SaveAsync(new MemoryStream(TestImages.Solid(1000, 3000, ".jpg")), CancellationToken.None);

        Assert.Equal(2560, result.Height);
        Assert.InRange(result.Width, 853, 854);
        var w360 = Size(await ReadStoredAsync(result.Key, "w360.webp"));
        Assert.Equal(360, w360.Width);
        Assert.InRange(w360.Height, 1079, 1081);
    }

    [Fact]
    public async Task SaveAsync_ExifOrientation6_TurnsTheImageUpright()
    {
        // Stored 400 × 200, red left and blue right; orientation 6 means "turn 90° clockwise to view".
        var upload = TestImages.WithCameraMetadata(TestImages.RedLeftBlueRight(400, 200), orientation: 6);

        var result = await pipeline.SaveAsync(new MemoryStream(upload), CancellationToken.None);

        Assert.Equal((200, 400), (result.Width, result.Height));
        var full = await ReadStoredAsync(result.Key, "full.jpg");
        AssertColour(TestImages.PixelAt(full, 100, 40), red: true);
        AssertColour(TestImages.PixelAt(full, 100, 360), red: false);
        var thumbnail = await ReadStoredAsync(result.Key, "w360.webp");
        Assert.Equal((200, 400), Size(thumbnail));
        AssertColour(TestImages.PixelAt(thumbnail, 100, 40), red: true);
    }

    [Fact]
    public async Task SaveAsync_UntaggedImage_KeepsItsColours()
    {
        var upload = TestImages.Solid(300, 300, ".jpg", 10, 100, 200);
        var source = TestImages.PixelAt(upload, 150, 150);

        var result = await pipeline.SaveAsync(new MemoryStream(upload), CancellationToken.None);

        AssertClose(source, TestImages.PixelAt(await ReadStoredAsync(result.Key, "full.jpg"), 150, 150));
        AssertClose(source, TestImages.PixelAt(await ReadStoredAsync(result.Key, "w360.webp"), 150, 150));
    }

    [Fact]
    public async Task SaveAsync_DisplayP3Photo_IsConvertedToSrgbBeforeTheProfileIsDropped()
    {
        // Display P3 is one of libvips' built-in profiles: the pixel values below are P3 values.
        var upload = TestImages.Solid(300, 300, ".jpg[profile=p3]", 40, 180, 90);
        Assert.Contains("icc-profile-data", TestImages.Inspect(upload).Fields);
        var expected = TestImages.PixelInSrgb(upload, 150, 150);
        Assert.NotEqual(expected, TestImages.PixelAt(upload, 150, 150)); // the conversion is visible

        var result = await pipeline.SaveAsync(new MemoryStream(upload), CancellationToken.None);

        var full = await ReadStoredAsync(result.Key, "full.jpg");
        AssertClose(expected, TestImages.PixelAt(full, 150, 150));
        Assert.DoesNotContain("icc-profile-data", TestImages.Inspect(full).Fields);
    }

    [Theory]
    [InlineData(".png")]
    [InlineData(".gif")]
    [InlineData(".webp")]
    [InlineData(".avif")]
    public async Task SaveAsync_OtherAcceptedFormats_BecomeJpegAndWebP(string format)
    {
        var upload = TestImages.Solid(640, 480, format);

        var result = await pipeline.SaveAsync(new MemoryStream(upload), CancellationToken.None);

        Assert.Equal((640, 480), (result.Width, result.Height));
        Assert.Equal(ImageFormat.Jpeg, ImageSniffer.Detect(await ReadStoredAsync(result.Key, "full.jpg")));
        Assert.Equal(ImageFormat.WebP, ImageSniffer.Detect(await ReadStoredAsync(result.Key, "w360.webp")));
    }

    [Fact]
    public async Task SaveAsync_HeicFromAnIphone_IsRefusedFromTheHeaderWithTheAcceptedFormats()
    {
        var heic = TestImages.PhoneHeicFixture();

        var ex = await Assert.ThrowsAsync<DomainException>(() => pipeline.SaveAsync(new MemoryStream(heic), CancellationToken.None));

        Assert.Equal(MediaErrors.NotAnImage, ex.Code);
        Assert.Equal("JPEG, PNG, WebP, GIF, AVIF", ex.Arguments[0]);
        Assert.False(Directory.Exists(root) && Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task SaveAsync_TransparentPng_BecomesWhiteInTheJpeg()
    {
        var upload = TestImages.Solid(200, 200, ".png", 0, 0, 0, alpha: 0);

        var result = await pipeline.SaveAsync(new MemoryStream(upload), CancellationToken.None);

        var pixel = TestImages.PixelAt(await ReadStoredAsync(result.Key, "full.jpg"), 100, 100);
        Assert.All(pixel, value => Assert.InRange(value, 250, 255));
    }

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "zip renamed .jpg", TestImages.Zip() },
        { "text", Encoding.UTF8.GetBytes("Just some words about a face cream, not a photo.") },
        { "svg", TestImages.Svg() },
        { "svg with xml declaration", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n") .Concat(TestImages.Svg()).ToArray() },
        { "svg with byte-order mark", [0xEF, 0xBB, 0xBF, .. TestImages.Svg()] },
        { "html", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>") },
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF") },
        { "empty", [] },
        { "one byte", [0xFF] },
    };

    [Theory]
    [MemberData(nameof(NotImages))]
    public async Task SaveAsync_NotAnImage_IsRejectedAndNothingIsStored(string what, byte[] content)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => pipeline.SaveAsync(new MemoryStream(content), CancellationToken.None));

        Assert.True(ex.Code == MediaErrors.NotAnImage, $"{what}: {ex.Code}");
        Assert.StartsWith("JPEG, PNG, WebP, GIF", (string)ex.Arguments[0]);
        Assert.False(Directory.Exists(root) && Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task SaveAsync_JpegHtmlPolyglot_IsReencodedAndNoMarkupIsStored()
    {
        // A valid JPEG whose comment segment is an HTML page: browsers sniffing it as HTML would run the script.
        var html = Encoding.ASCII.GetBytes("<html><body><script>alert(document.cookie)</script><svg onload=alert(1)></body></html>");
        var jpeg = TestImages.Solid(640, 480, ".jpg");
        var length = html.Length + 2;
        byte[] polyglot = [0xFF, 0xD8, 0xFF, 0xFE, (byte)(length >> 8), (byte)length, .. html, .. jpeg[2..]];

        var result = await pipeline.SaveAsync(new MemoryStream(polyglot), CancellationToken.None);

        Assert.Equal((640, 480), (result.Width, result.Height));
        foreach (var file in new[] { "full.jpg", "w360.webp", "w720.webp" })
        {
            var bytes = await ReadStoredAsync(result.Key, file);
            foreach (var marker in new[] { "<html", "<script", "alert(", "onload" })
                Assert.False(Contains(bytes, marker), $"{file} contains '{marker}'.");
        }
    }

    [Fact]
    public async Task SaveAsync_GifWithManyFrames_KeepsOneStillFrame()
    {
        // 300 frames of 200 × 150: a small file that would be 27 MP if every frame were decoded and kept.
        const int frames = 300;
        using var black = NetVips.Image.Black(200, 150 * frames, 3);
        using var strip = black.Linear([1.0, 1, 1], [90.0, 160, 30], uchar: true);
        using var animated = strip.Mutate(m => m.Set(NetVips.GValue.GIntType, "page-height", 150));
        var gif = animated.GifsaveBuffer();

        var result = await pipeline.SaveAsync(new MemoryStream(gif), CancellationToken.None);

        Assert.Equal((200, 150), (result.Width, result.Height));
        var full = TestImages.Inspect(await ReadStoredAsync(result.Key, "full.jpg"));
        Assert.Equal((200, 150), (full.Width, full.Height));
    }

    [Fact]
    public async Task SaveAsync_JpegSignatureOnGarbage_IsCorrupt()
    {
        byte[] content = [0xFF, 0xD8, 0xFF, 0xE0, .. TestImages.Zip()];

        var ex = await Assert.ThrowsAsync<DomainException>(() => pipeline.SaveAsync(new MemoryStream(content), CancellationToken.None));

        Assert.Equal(MediaErrors.Corrupt, ex.Code);
    }

    [Fact]
    public async Task SaveAsync_TruncatedJpeg_IsCorrupt()
    {
        var jpeg = Photo12Mp.Value;

        var ex = await Assert.ThrowsAsync<DomainException>(() => pipeline.SaveAsync(new MemoryStream(jpeg[..(jpeg.Length / 2)]), CancellationToken.None));

        Assert.Equal(MediaErrors.Corrupt, ex.Code);
        Assert.False(Directory.Exists(root) && Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task SaveAsync_StreamOver20MB_IsRejectedWithoutReadingItAll()
    {
        var endless = new EndlessJpegStream();

        var ex = await Assert.ThrowsAsync<DomainException>(() => pipeline.SaveAsync(endless, CancellationToken.None));

        Assert.Equal(MediaErrors.TooLarge, ex.Code);
        Assert.Equal(20, ex.Arguments[0]);
        Assert.Equal(20 * 1024 * 1024 + 1, endless.BytesRead); // the limit plus the one byte that proves it is over
    }

    [Fact]
    public async Task SaveAsync_SeekableStreamOver20MB_IsRejectedBeforeReading()
    {
        var content = new CountingStream(new MemoryStream(new byte[20 * 1024 * 1024 + 1]));

        var ex = await Assert.ThrowsAsync<DomainException>(() => pipeline.SaveAsync(content, CancellationToken.None));

        Assert.Equal(MediaErrors.TooLarge, ex.Code);
        Assert.Equal(0, content.BytesRead);
    }

    [Fact]
    public async Task SaveAsync_PngHeaderDeclaring20000x20000_IsRejectedBeforeDecoding()
    {
        // The few bytes of pixel data would make decoding fail as corrupt: TooManyPixels proves the header check came first.
        var bomb = TestImages.PngHeader(20_000, 20_000);

        var ex = await Assert.ThrowsAsync<DomainException>(() => pipeline.SaveAsync(new MemoryStream(bomb), CancellationToken.None));

        Assert.Equal(MediaErrors.TooManyPixels, ex.Code);
        Assert.Equal(40, ex.Arguments[0]);
    }

    [Fact]
    public async Task SaveAsync_ValidPngOf48Megapixels_IsRejected()
    {
        var large = TestImages.Solid(8000, 6000, ".png");

        var ex = await Assert.ThrowsAsync<DomainException>(() => pipeline.SaveAsync(new MemoryStream(large), CancellationToken.None));

        Assert.Equal(MediaErrors.TooManyPixels, ex.Code);
    }

    [Fact]
    public async Task SaveAsync_ManyAtOnce_AllSucceedWithDistinctKeys()
    {
        var upload = TestImages.WithCameraMetadata(TestImages.Solid(1200, 900, ".jpg"));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => pipeline.SaveAsync(new MemoryStream(upload), CancellationToken.None)));

        Assert.Equal(8, results.Select(r => r.Key).Distinct().Count());
        Assert.All(results, r => Assert.Equal((1200, 900), (r.Width, r.Height)));
    }

    [Fact]
    public async Task SaveAsync_Ten12MegapixelPhotosAtOnce_AllSucceed()
    {
        // Ten phones uploading at the same moment: the default gate decodes two at a time, the rest wait.
        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => Task.Run(() => pipeline.SaveAsync(new MemoryStream(Photo12Mp.Value), CancellationToken.None))));

        Assert.Equal(10, results.Select(r => r.Key).Distinct().Count());
        Assert.All(results, r => Assert.Equal((2560, 1920), (r.Width, r.Height)));
        foreach (var result in results)
            Assert.Equal((360, 270), Size(await ReadStoredAsync(result.Key, "w360.webp")));
    }

    [Fact]
    public async Task DeleteAsync_StoredUpload_RemovesEveryVariant()
    {
        var result = await pipeline.SaveAsync(new MemoryStream(TestImages.Solid(100, 100, ".jpg")), CancellationToken.None);

        await pipeline.DeleteAsync(result.Key, CancellationToken.None);

        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task SaveAsync_ImageProcessingTurnedOff_IsUnavailableWithAReason()
    {
        var off = NewPipeline(new MediaOptions { ImageProcessing = false });

        var ex = await Assert.ThrowsAsync<DomainException>(() => off.SaveAsync(new MemoryStream(TestImages.Solid(10, 10, ".jpg")), CancellationToken.None));

        Assert.False(off.IsAvailable);
        Assert.Contains("Media:ImageProcessing", off.UnavailableReason);
        Assert.Equal(MediaErrors.Unavailable, ex.Code);
    }

    private ImagePipeline NewPipeline(MediaOptions options) =>
        new(store, new FakeTimeProvider(Now), Options.Create(options), NullLogger<ImagePipeline>.Instance);

    private async Task<byte[]> ReadStoredAsync(string key, string file)
    {
        await using var stream = await store.OpenReadAsync($"{key}/{file}", CancellationToken.None)
            ?? throw new FileNotFoundException(file);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static (int Width, int Height) Size(byte[] encoded)
    {
        var info = TestImages.Inspect(encoded);
        return (info.Width, info.Height);
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    private static void AssertClose(int[] expected, int[] actual) =>
        Assert.True(expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) <= 6),
            $"expected about {string.Join(',', expected)}, got {string.Join(',', actual)}");

    private static void AssertColour(int[] rgb, bool red)
    {
        var (strong, weak) = red ? (rgb[0], rgb[2]) : (rgb[2], rgb[0]);
        Assert.True(strong > 200 && weak < 60, $"expected {(red ? "red" : "blue")}, got {string.Join(',', rgb)}");
    }

    /// <summary>A JPEG signature followed by zeros forever; cannot seek, counts what was read.</summary>
    private sealed class EndlessJpegStream : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            if (BytesRead == 0 && count >= 3) (buffer[offset], buffer[offset + 1], buffer[offset + 2]) = ((byte)0xFF, (byte)0xD8, (byte)0xFF);
            BytesRead += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
