using System.Buffers.Binary;
using System.Text;

namespace SocialStore.Domain.Media;

/// <summary>The upload formats accepted, recognised by their leading bytes, never by file name or declared type.</summary>
public enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    WebP,

    /// <summary>HEIC or AVIF (an ISO base media file with a HEIF brand).</summary>
    Heif,
}

public static class ImageSniffer
{
    /// <summary>Enough leading bytes for every signature below, including a HEIF 'ftyp' box with its brands.</summary>
    public const int HeaderLength = 64;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly HashSet<uint> HeifBrands =
        [.. new[] { "heic", "heix", "heim", "heis", "hevc", "hevx", "avif", "avis" }.Select(b => BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(b)))];

    public static ImageFormat Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ImageFormat.Jpeg;
        if (data.StartsWith(PngSignature)) return ImageFormat.Png;
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)) return ImageFormat.Gif;
        if (data.Length >= 16 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        if (IsHeif(data)) return ImageFormat.Heif;
        return ImageFormat.Unknown;
    }

    /// <summary>ISO BMFF starts with an 'ftyp' box: size, "ftyp", major brand, minor version, compatible brands.</summary>
    private static bool IsHeif(ReadOnlySpan<byte> data)
    {
        if (data.Length < 16 || !data[4..8].SequenceEqual("ftyp"u8)) return false;
        var boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data), int.MaxValue);
        if (boxSize < 16 || boxSize > data.Length) return false;
        var box = data[..boxSize];
        if (IsHeifBrand(box[8..12])) return true;
        for (var i = 16; i + 4 <= box.Length; i += 4)
            if (IsHeifBrand(box[i..(i + 4)])) return true;
        return false;
    }

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) => HeifBrands.Contains(BinaryPrimitives.ReadUInt32BigEndian(brand));
}
