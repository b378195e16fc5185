using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NetVips;

namespace SocialStore.Tests.Domain.Media;

/// <summary>
/// Images made for the tests: pixels by libvips in process (NetVips, the same library the app uses),
/// metadata segments and hostile headers built here byte by byte, fixtures under TestData/.
/// </summary>
internal static class TestImages
{
    /// <summary>An ASCII EXIF value that must never survive processing.</summary>
    public const string CameraMake = "SocialStoreTestCam";

    /// <summary>Text in the XMP packet that must never survive processing.</summary>
    public const string XmpMarker = "exif:GPSLatitude";

    /// <summary>
    /// A phone photo whose metadata exiftool wrote: EXIF (Make "SocialStoreFixtureCam", GPS position in
    /// Shanghai), XMP (the position again, dc:creator "FixtureAuthor") and IPTC (City, Keywords "SocialStoreIptcKeyword").
    /// </summary>
    public static byte[] PhotoWithGpsFixture() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "photo-with-gps.jpg"));

    /// <summary>A 64 × 48 HEIC as an iPhone stores photos (HEVC inside HEIF), made with libheif's heif-enc.</summary>
    public static byte[] PhoneHeicFixture() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "phone.heic"));

    /// <summary>
    /// An image of one colour, encoded by the extension of <paramref name="format"/> (".jpg", ".png", ".avif",
    /// ".jpg[profile=p3]"…); with <paramref name="alpha"/> it has an alpha band.
    /// </summary>
    public static byte[] Solid(int width, int height, string format, byte red = 200, byte green = 120, byte blue = 40, int? alpha = null)
    {
        double[] colour = alpha is null ? [red, green, blue] : [red, green, blue, alpha.Value];
        using var black = Image.Black(width, height, colour.Length);
        using var filled = black.Linear(Enumerable.Repeat(1.0, colour.Length).ToArray(), colour, uchar: true);
        return filled.WriteToBuffer(format);
    }

    /// <summary>Left half red, right half blue: shows which way an image was turned.</summary>
    public static byte[] RedLeftBlueRight(int width, int height)
    {
        using var black = Image.Black(width / 2, height, 3);
        using var red = black.Linear([1.0, 1, 1], [255.0, 0, 0], uchar: true);
        using var blue = black.Linear([1.0, 1, 1], [0.0, 0, 255], uchar: true);
        using var joined = red.Join(blue, Enums.Direction.Horizontal);
        return joined.JpegsaveBuffer();
    }

    /// <summary>A photo-like (smooth noise) JPEG, e.g. 4000 × 3000 for a 12-MP camera.</summary>
    public static byte[] PhotoJpeg(int width, int height)
    {
        using var noise = Image.Perlin(width, height, cellSize: 180);
        using var grey = noise.Linear([127.0], [128.0], uchar: true);
        using var colour = grey.Bandjoin(grey, grey);
        return colour.JpegsaveBuffer(q: 90);
    }

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
        using var image = Image.NewFromBuffer(encoded);
        return (image.Width, image.Height, image.GetFields());
    }

    /// <summary>The pixel at (x, y), one value per band.</summary>
    public static int[] PixelAt(byte[] encoded, int x, int y)
    {
        using var image = Image.NewFromBuffer(encoded);
        return Rounded(image.Getpoint(x, y));
    }

    /// <summary>The pixel at (x, y) after libvips converts the image from its embedded ICC profile to sRGB.</summary>
    public static int[] PixelInSrgb(byte[] encoded, int x, int y)
    {
        using var image = Image.NewFromBuffer(encoded);
        using var converted = image.IccTransform("srgb", embedded: true);
        return Rounded(converted.Getpoint(x, y));
    }

    private static int[] Rounded(double[] values) => [.. values.Select(v => (int)Math.Round(v))];
}
