using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using SocialStore.Domain.Media;

namespace SocialStore.Tests.Domain.Media;

/// <summary>
/// Images made for the tests: pixels by the <c>vips</c> command (Debian libvips-tools, installed by
/// scripts/test.sh), metadata segments and hostile headers built here byte by byte, and read-back
/// through libvips in process.
/// </summary>
internal static class TestImages
{
    /// <summary>An ASCII EXIF value that must never survive processing.</summary>
    public const string CameraMake = "SocialStoreTestCam";

    /// <summary>Text in the XMP packet that must never survive processing.</summary>
    public const string XmpMarker = "exif:GPSLatitude";

    /// <summary>
    /// An image of one colour, encoded by the extension of <paramref name="format"/> (".jpg", ".png", ".avif"…);
    /// with <paramref name="alpha"/> it has an alpha band.
    /// </summary>
    public static byte[] Solid(int width, int height, string format, byte red = 200, byte green = 120, byte blue = 40, int? alpha = null) =>
        WithTemp(dir =>
        {
            var bands = alpha is null ? 3 : 4;
            var black = Path.Combine(dir, "black.v");
            Vips("black", black, Int(width), Int(height), "--bands", Int(bands));
            var scale = string.Join(' ', Enumerable.Repeat("1", bands));
            var offset = alpha is null ? $"{red} {green} {blue}" : $"{red} {green} {blue} {alpha}";
            var output = Path.Combine(dir, "out" + format);
            Vips("linear", black, output, scale, offset, "--uchar");
            return File.ReadAllBytes(FileName(output));
        });

    /// <summary>Left half red, right half blue: shows which way an image was turned.</summary>
    public static byte[] RedLeftBlueRight(int width, int height) => WithTemp(dir =>
    {
        var black = Path.Combine(dir, "black.v");
        var red = Path.Combine(dir, "red.v");
        var blue = Path.Combine(dir, "blue.v");
        Vips("black", black, Int(width / 2), Int(height), "--bands", "3");
        Vips("linear", black, red, "1 1 1", "255 0 0", "--uchar");
        Vips("linear", black, blue, "1 1 1", "0 0 255", "--uchar");
        var output = Path.Combine(dir, "out.jpg");
        Vips("join", red, blue, output, "horizontal");
        return File.ReadAllBytes(output);
    });

    /// <summary>A photo-like (smooth noise) JPEG, e.g. 4000 × 3000 for a 12-MP camera.</summary>
    public static byte[] PhotoJpeg(int width, int height) => WithTemp(dir =>
    {
        var noise = Path.Combine(dir, "noise.v");
        var grey = Path.Combine(dir, "grey.v");
        var colour = Path.Combine(dir, "colour.v");
        var output = Path.Combine(dir, "photo.jpg");
        Vips("perlin", noise, Int(width), Int(height), "--cell-size", "180");
        Vips("linear", noise, grey, "127", "128", "--uchar");
        Vips("bandjoin", $"{grey} {grey} {grey}", colour);
        Vips("copy", colour, output + "[Q=90]");
        return File.ReadAllBytes(output);
    });

    /// <summary>
    /// Adds what a phone camera writes: an EXIF segment (camera make, orientation and a GPS position in
    /// Shanghai) and an XMP packet that repeats the position, right after the JPEG's SOI marker.
    /// </summary>
    public static byte[] WithCameraMetadata(byte[] jpeg, ushort orientation = 1)
    {
        if (jpeg[0] != 0xFF || jpeg[1] != 0xD8) throw new ArgumentException("Not a JPEG.", nameof(jpeg));
        var exif = Segment(0xE1, [.. "Exif\0\0"u8, .. ExifTiff(orientation)]);
        var xmp = Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(XmpPacket)]);
        return [.. jpeg.AsSpan(0, 2), .. exif, .. xmp, .. jpeg.AsSpan(2)];
    }

    private const string XmpPacket =
        "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" +
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" " +
        "xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"31,14.49N\" exif:GPSLongitude=\"121,28.50E\"/>" +
        "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), checked((ushort)(payload.Length + 2)));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>A little-endian TIFF structure: IFD0 (Make, Orientation, pointer to GPS) and a GPS IFD (latitude, longitude).</summary>
    private static byte[] ExifTiff(ushort orientation)
    {
        const int ifd0 = 8, ifd0Size = 2 + 3 * 12 + 4;
        const int makeOffset = ifd0 + ifd0Size;
        var make = Encoding.ASCII.GetBytes(CameraMake + "\0");
        var gpsIfd = makeOffset + make.Length + (make.Length % 2);
        const int gpsIfdSize = 2 + 5 * 12 + 4;
        var latitudeOffset = gpsIfd + gpsIfdSize;
        var longitudeOffset = latitudeOffset + 24;

        var tiff = new byte[longitudeOffset + 24];
        var w = new TiffWriter(tiff);
        "II"u8.CopyTo(tiff);
        w.U16(2, 42);
        w.U32(4, ifd0);

        w.U16(ifd0, 3);
        w.Entry(ifd0 + 2, 0x010F, type: 2, count: (uint)make.Length, value: makeOffset);          // Make, ASCII
        w.Entry(ifd0 + 14, 0x0112, type: 3, count: 1, value: orientation);                       // Orientation, SHORT
        w.Entry(ifd0 + 26, 0x8825, type: 4, count: 1, value: (uint)gpsIfd);                      // GPS IFD pointer, LONG
        make.CopyTo(tiff, makeOffset);

        w.U16(gpsIfd, 5);
        w.Entry(gpsIfd + 2, 0x0000, type: 1, count: 4, value: 0x00000302);                       // GPSVersionID 2.3.0.0
        w.Entry(gpsIfd + 14, 0x0001, type: 2, count: 2, value: 'N');                            // GPSLatitudeRef
        w.Entry(gpsIfd + 26, 0x0002, type: 5, count: 3, value: (uint)latitudeOffset);            // GPSLatitude, RATIONAL×3
        w.Entry(gpsIfd + 38, 0x0003, type: 2, count: 2, value: 'E');                            // GPSLongitudeRef
        w.Entry(gpsIfd + 50, 0x0004, type: 5, count: 3, value: (uint)longitudeOffset);           // GPSLongitude
        w.Rationals(latitudeOffset, (31, 1), (14, 1), (2940, 100));
        w.Rationals(longitudeOffset, (121, 1), (28, 1), (3000, 100));
        return tiff;
    }

    private readonly struct TiffWriter(byte[] tiff)
    {
        public void U16(int at, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), value);

        public void U32(int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), value);

        public void Entry(int at, ushort tag, ushort type, uint count, uint value)
        {
            U16(at, tag);
            U16(at + 2, type);
            U32(at + 4, count);
            U32(at + 8, value);
        }

        public void Rationals(int at, params (uint Numerator, uint Denominator)[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                U32(at + i * 8, values[i].Numerator);
                U32(at + i * 8 + 4, values[i].Denominator);
            }
        }
    }

    /// <summary>A valid PNG signature and header chunk declaring <paramref name="width"/> × <paramref name="height"/>, then a few bytes of pixel data: a decompression bomb's header.</summary>
    public static byte[] PngHeader(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 2;  // RGB
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true)) z.Write(new byte[4096]);
        return [.. (byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat.ToArray()), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("holiday.jpg").Open());
            entry.Write(new string('x', 10_000));
        }
        return buffer.ToArray();
    }

    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><script>alert(1)</script><rect width=\"100\" height=\"100\"/></svg>");

    /// <summary>What libvips sees in an encoded image: size and every metadata field name.</summary>
    public static (int Width, int Height, IReadOnlyList<string> Fields) Inspect(byte[] encoded)
    {
        Assert.Null(global::SocialStore.Domain.Media.Vips.Initialise(2));
        var pin = GCHandle.Alloc(encoded, GCHandleType.Pinned);
        try
        {
            using var image = VipsImage.FromBuffer(pin.AddrOfPinnedObject(), (nuint)encoded.Length);
            return (image.Width, image.Height, image.FieldNames());
        }
        finally
        {
            pin.Free();
        }
    }

    /// <summary>The pixel at (x, y), one value per band, read by `vips getpoint`.</summary>
    public static int[] PixelAt(byte[] encoded, string extension, int x, int y) => WithTemp(dir =>
    {
        var file = Path.Combine(dir, "image" + extension);
        File.WriteAllBytes(file, encoded);
        return Vips("getpoint", file, Int(x), Int(y))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(v => (int)Math.Round(double.Parse(v, CultureInfo.InvariantCulture)))
            .ToArray();
    });

    /// <summary>The pixel at (x, y) after libvips converts the image from its embedded ICC profile to sRGB.</summary>
    public static int[] PixelInSrgb(byte[] encoded, string extension, int x, int y) => WithTemp(dir =>
    {
        var file = Path.Combine(dir, "image" + extension);
        var converted = Path.Combine(dir, "srgb.v");
        File.WriteAllBytes(file, encoded);
        Vips("icc_transform", file, converted, "srgb", "--embedded");
        return Vips("getpoint", converted, Int(x), Int(y))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(v => (int)Math.Round(double.Parse(v, CultureInfo.InvariantCulture)))
            .ToArray();
    });

    public static string Vips(params string[] arguments)
    {
        var start = new ProcessStartInfo("vips") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"vips {string.Join(' ', arguments)} failed: {error}");
        return output.Result;
    }

    private static T WithTemp<T>(Func<string, T> action)
    {
        var dir = Path.Combine(Path.GetTempPath(), "socialstore-images", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try { return action(dir); }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static string FileName(string vipsTarget) => vipsTarget.Split('[')[0];

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
