using System.Text;
using SocialStore.Domain.Media;

namespace SocialStore.Tests.Domain.Media;

public class ImageSnifferTests
{
    public static TheoryData<string, byte[], ImageFormat> Signatures => new()
    {
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8], ImageFormat.Jpeg },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], ImageFormat.Png },
        { "gif87a", [.. "GIF87a"u8, 1, 0, 1, 0], ImageFormat.Gif },
        { "gif89a", [.. "GIF89a"u8, 1, 0, 1, 0], ImageFormat.Gif },
        { "webp", [.. "RIFF"u8, 26, 0, 0, 0, .. "WEBPVP8 "u8], ImageFormat.WebP },
        { "heic", Ftyp("heic", "mif1", "heic"), ImageFormat.Heif },
        { "avif", Ftyp("avif", "avif", "mif1", "miaf"), ImageFormat.Heif },
        { "heif brand only among compatible ones", Ftyp("mif1", "mif1", "heic"), ImageFormat.Heif },
        { "mp4 video", Ftyp("isom", "isom", "mp41"), ImageFormat.Unknown },
        { "wav (RIFF but not WebP)", [.. "RIFF"u8, 26, 0, 0, 0, .. "WAVEfmt "u8], ImageFormat.Unknown },
        { "zip", [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0], ImageFormat.Unknown },
        { "svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), ImageFormat.Unknown },
        { "two jpeg bytes", [0xFF, 0xD8], ImageFormat.Unknown },
        { "empty", [], ImageFormat.Unknown },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Detect_LeadingBytes_GiveTheFormat(string what, byte[] data, ImageFormat expected) =>
        Assert.True(expected == ImageSniffer.Detect(data), what);

    [Fact]
    public void Detect_FtypBoxLongerThanTheData_IsUnknown()
    {
        var data = Ftyp("heic", "mif1");
        data[3] = 200; // box size beyond the bytes we have

        Assert.Equal(ImageFormat.Unknown, ImageSniffer.Detect(data));
    }

    private static byte[] Ftyp(string major, params string[] compatible)
    {
        var size = 16 + 4 * compatible.Length;
        return [0, 0, 0, (byte)size, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(major), 0, 0, 0, 0, .. compatible.SelectMany(Encoding.ASCII.GetBytes)];
    }
}
