using System.Runtime.InteropServices;
using SocialStore.Domain.Common;

namespace SocialStore.Domain.Media;

internal sealed record ProcessedImage(byte[] FullJpeg, int Width, int Height, IReadOnlyList<ProcessedThumbnail> Thumbnails);

internal sealed record ProcessedThumbnail(int Width, byte[] WebP);

/// <summary>
/// Turns an upload into the stored variants: checks the content and the declared pixel count before
/// decoding, decodes once, then re-encodes a full-size JPEG and WebP thumbnails with no metadata.
/// Needs an initialised libvips; safe to call from several threads.
/// </summary>
internal sealed class ImageProcessor(MediaOptions options)
{
    private const string IccProfileField = "icc-profile-data";

    public ProcessedImage Process(byte[] data, int length)
    {
        var format = ImageSniffer.Detect(data.AsSpan(0, length));
        if (format == ImageFormat.Unknown || (format == ImageFormat.Heif && !Vips.CanLoadHeif))
            throw new DomainException(MediaErrors.NotAnImage, AcceptedFormatNames());

        // libvips reads the caller's buffer lazily, so it stays pinned until every image is released.
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            var buffer = pin.AddrOfPinnedObject();
            var hasProfile = CheckHeader(buffer, (nuint)length, format);
            using var decoded = VipsImage.Thumbnail(buffer, (nuint)length, options.FullMaxSide, options.FullMaxSide, toSrgb: hasProfile);
            using var full = decoded.CopyMemory();
            full.RemoveMetadata();
            // JPEG has no alpha: transparent pixels become white, not libvips' default black.
            var jpeg = full.Save(FormattableString.Invariant($".jpg[Q={options.JpegQuality},strip,optimize_coding,background=255]"));
            var thumbnails = Thumbnails(full);
            return new ProcessedImage(jpeg, full.Width, full.Height, thumbnails);
        }
        finally
        {
            pin.Free();
        }
    }

    public static string AcceptedFormatNames() => Vips.CanLoadHeif ? "JPEG, PNG, WebP, GIF, HEIC, AVIF" : "JPEG, PNG, WebP, GIF";

    /// <summary>
    /// Rejects what the header declares, before a single pixel is decoded (a 100 KB PNG can declare
    /// 20000 × 20000). Returns whether the image embeds an ICC profile.
    /// </summary>
    private bool CheckHeader(IntPtr buffer, nuint length, ImageFormat format)
    {
        // The loader libvips would use must be the one for the sniffed format: no polyglot reaches another decoder.
        var loader = Marshal.PtrToStringUTF8(Vips.FindLoadBuffer(buffer, length));
        if (loader is null || !loader.Contains(LoaderName(format), StringComparison.OrdinalIgnoreCase))
        {
            Vips.TakeError();
            throw new DomainException(MediaErrors.NotAnImage, AcceptedFormatNames());
        }
        using var header = VipsImage.FromBuffer(buffer, length);
        if ((long)header.Width * header.Height > options.MaxPixels)
            throw new DomainException(MediaErrors.TooManyPixels, options.MaxMegapixels);
        return header.FieldNames().Contains(IccProfileField);
    }

    private static string LoaderName(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpeg",
        ImageFormat.Png => "png",
        ImageFormat.Gif => "gif",
        ImageFormat.WebP => "webp",
        ImageFormat.Heif => "heif",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>
    /// Largest first, each made from the one before: libvips 8.14 takes up to 50 times longer to shrink
    /// 2560 → 360 in one step than 720 → 360, for the same result.
    /// </summary>
    private List<ProcessedThumbnail> Thumbnails(VipsImage full)
    {
        var thumbnails = new List<ProcessedThumbnail>();
        var made = new List<VipsImage>();
        try
        {
            var source = full;
            foreach (var width in MediaUrls.ThumbnailWidths.OrderDescending())
            {
                using var shrunk = source.ShrinkToWidth(width);
                var small = shrunk.CopyMemory();
                made.Add(small);
                small.RemoveMetadata();
                var webp = small.Save(FormattableString.Invariant($".webp[Q={options.WebPQuality},strip]"));
                thumbnails.Add(new ProcessedThumbnail(width, WebPContainer.WithoutMetadata(webp)));
                source = small;
            }
            return thumbnails;
        }
        finally
        {
            foreach (var image in made) image.Dispose();
        }
    }
}
