using System.Runtime.InteropServices;
using System.Text;
using SocialStore.Domain.Media;

namespace SocialStore.Tests.Domain.Media;

public class WebPContainerTests
{
    [Fact]
    public void LibvipsWebPSave_WithStripOnly_KeepsTheGpsPosition()
    {
        // The trap this code exists for (libvips 8.14): "strip" does not stop EXIF, GPS included, going into WebP.
        var webp = SaveWithoutRemovingFields(TestImages.WithCameraMetadata(TestImages.Solid(320, 240, ".jpg")), ".webp[Q=80,strip]");

        if (Vips.Version!.StartsWith("8.14", StringComparison.Ordinal))
            Assert.Contains("exif-ifd3-GPSLatitude", TestImages.Inspect(webp).Fields);
    }

    [Fact]
    public void WithoutMetadata_WebPWithExif_DropsTheChunkAndStillDecodes()
    {
        var webp = SaveWithoutRemovingFields(TestImages.WithCameraMetadata(TestImages.Solid(320, 240, ".jpg")), ".webp[Q=80]");
        Assert.True(Contains(webp, "EXIF"));

        var clean = WebPContainer.WithoutMetadata(webp);

        Assert.False(Contains(clean, "EXIF") || Contains(clean, "XMP ") || Contains(clean, "ICCP") || Contains(clean, "Exif"));
        Assert.Equal(clean.Length - 8, BitConverter.ToInt32(clean, 4));
        var info = TestImages.Inspect(clean);
        Assert.Equal((320, 240), (info.Width, info.Height));
        Assert.DoesNotContain(info.Fields, f => f.StartsWith("exif-", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutMetadata_TruncatedChunk_Throws()
    {
        var webp = SaveWithoutRemovingFields(TestImages.Solid(64, 64, ".jpg"), ".webp[Q=80]");

        Assert.Throws<InvalidDataException>(() => WebPContainer.WithoutMetadata(webp[..(webp.Length - 5)]));
        Assert.Throws<InvalidDataException>(() => WebPContainer.WithoutMetadata(Encoding.ASCII.GetBytes("RIFF....WAVEfmt ")));
    }

    private static byte[] SaveWithoutRemovingFields(byte[] jpeg, string suffix)
    {
        Assert.Null(Vips.Initialise(2));
        var pin = GCHandle.Alloc(jpeg, GCHandleType.Pinned);
        try
        {
            using var image = VipsImage.FromBuffer(pin.AddrOfPinnedObject(), (nuint)jpeg.Length);
            return image.Save(suffix);
        }
        finally
        {
            pin.Free();
        }
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}
