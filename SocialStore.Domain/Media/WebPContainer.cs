using System.Buffers.Binary;

namespace SocialStore.Domain.Media;

/// <summary>
/// Drops the metadata chunks (EXIF, XMP, ICC) from a WebP file. libvips 8.14's WebP saver writes an
/// EXIF chunk whatever the options: rebuilt from the image's remaining fields (GPS included, unless
/// they were removed first) or, with none left, a generic one. This makes the stored file clean either way.
/// </summary>
internal static class WebPContainer
{
    private const byte MetadataFlags = 0x20 | 0x08 | 0x04; // ICC, EXIF, XMP bits of the VP8X header

    public static byte[] WithoutMetadata(byte[] webp)
    {
        if (webp.Length < 12 || !webp.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !webp.AsSpan(8, 4).SequenceEqual("WEBP"u8))
            throw new InvalidDataException("Not a WebP file.");
        using var output = new MemoryStream(webp.Length);
        output.Write(webp, 0, 12);
        var position = 12;
        while (position < webp.Length)
        {
            // A chunk: four-character code, little-endian payload size, payload padded to an even length.
            if (position + 8 > webp.Length) throw new InvalidDataException("Truncated WebP chunk header.");
            var fourCc = webp.AsSpan(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(position + 4));
            var length = 8L + size + (size & 1);
            if (position + length > webp.Length) throw new InvalidDataException("Truncated WebP chunk.");
            if (!fourCc.SequenceEqual("EXIF"u8) && !fourCc.SequenceEqual("XMP "u8) && !fourCc.SequenceEqual("ICCP"u8))
            {
                var start = (int)output.Position;
                output.Write(webp, position, (int)length);
                if (fourCc.SequenceEqual("VP8X"u8) && size >= 1) output.GetBuffer()[start + 8] &= unchecked((byte)~MetadataFlags);
            }
            position += (int)length;
        }
        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }
}
