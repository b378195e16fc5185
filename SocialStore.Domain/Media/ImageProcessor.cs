using NetVips;
using SocialStore.Domain.Common;

namespace SocialStore.Domain.Media;

internal sealed record ProcessedImage(byte[] FullJpeg, int Width, int Height, IReadOnlyList<ProcessedThumbnail> Thumbnails);

internal sealed record ProcessedThumbnail(int Width, byte[] WebP);

/// <summary>
/// Turns an upload into the stored variants: checks the content and the declared pixel count before
/// decoding, decodes once, then re-encodes a full-size JPEG and WebP thumbnails with no metadata.
/// Needs an initialised <see cref="VipsSetup"/>; safe to call from several threads.
/// Failures inside libvips surface as <see cref="VipsException"/>.
/// </summary>
internal sealed class ImageProcessor(MediaOptions options)
{
    private const string IccProfileField = "icc-profile-data";
    private const string HeifCompressionField = "heif-compression";
    private const int MaxCoordinate = 10_000_000;

    /// <param name="upload">Exactly the uploaded bytes (libvips is handed the whole array).</param>
    public ProcessedImage Process(byte[] upload)
    {
        var format = ImageSniffer.Detect(upload);
        if (format == ImageFormat.Unknown || (format == ImageFormat.Heif && !VipsSetup.CanLoadAvif))
            throw NotAnImage();

        // libvips reads the upload in place and lazily: the source pins the array until it is disposed,
        // so it is declared first and disposed last, after every image made from it.
        using var source = Source.NewFromMemory(upload);
        var hasProfile = CheckHeader(source, format);
        using var decoded = Image.ThumbnailSource(source, options.FullMaxSide, height: options.FullMaxSide, size: Enums.Size.Down,
            // Only images with an embedded profile: untagged ones are sRGB by convention and stay untouched.
            outputProfile: hasProfile ? "srgb" : null,
            // A cut-off upload is an error, not a photo with a grey band. Only the loader's own option
            // does it: thumbnail's "fail_on" lets a truncated JPEG through (8.14 and 8.18 alike).
            optionString: "fail_on=truncated");
        using var full = decoded.CopyMemory();
        // JPEG has no alpha: transparent pixels become white, not libvips' default black.
        var jpeg = full.JpegsaveBuffer(q: options.JpegQuality, optimizeCoding: true, keep: Enums.ForeignKeep.None, background: [255]);
        var thumbnails = Thumbnails(full);
        return new ProcessedImage(jpeg, full.Width, full.Height, thumbnails);
    }

    public static string AcceptedFormatNames() => VipsSetup.CanLoadAvif ? "JPEG, PNG, WebP, GIF, AVIF" : "JPEG, PNG, WebP, GIF";

    private static DomainException NotAnImage() => new(MediaErrors.NotAnImage, AcceptedFormatNames());

    /// <summary>
    /// Rejects what the header declares, before a single pixel is decoded (a 100 KB PNG can declare
    /// 20000 × 20000). Returns whether the image embeds an ICC profile.
    /// </summary>
    private bool CheckHeader(Source source, ImageFormat format)
    {
        // The loader libvips would use must be the one for the sniffed format: no polyglot reaches another decoder.
        var loader = Image.FindLoadSource(source);
        if (loader is null || !loader.Contains(LoaderName(format), StringComparison.OrdinalIgnoreCase)) throw NotAnImage();
        using var header = Image.NewFromSource(source);
        if ((long)header.Width * header.Height > options.MaxPixels)
            throw new DomainException(MediaErrors.TooManyPixels, options.MaxMegapixels);
        // A phone's HEIC is HEVC inside HEIF: the header reads, but NetVips.Native has no HEVC decoder.
        if (format == ImageFormat.Heif && !Equals(header.Get(HeifCompressionField), "av1")) throw NotAnImage();
        return header.Contains(IccProfileField);
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
    /// Largest first, each made from the one before: shrinking 2560 → 360 in one step costs more than
    /// 720 → 360, for the same result.
    /// </summary>
    private List<ProcessedThumbnail> Thumbnails(Image full)
    {
        var thumbnails = new List<ProcessedThumbnail>();
        var made = new List<Image>();
        try
        {
            var previous = full;
            foreach (var width in MediaUrls.ThumbnailWidths.OrderDescending())
            {
                using var shrunk = previous.ThumbnailImage(width, height: MaxCoordinate, size: Enums.Size.Down);
                var small = shrunk.CopyMemory();
                made.Add(small);
                thumbnails.Add(new ProcessedThumbnail(width, small.WebpsaveBuffer(q: options.WebPQuality, keep: Enums.ForeignKeep.None)));
                previous = small;
            }
            return thumbnails;
        }
        finally
        {
            foreach (var image in made) image.Dispose();
        }
    }
}
