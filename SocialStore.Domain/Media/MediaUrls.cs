namespace SocialStore.Domain.Media;

/// <summary>
/// Public URLs of stored images. A processed upload has the key of a folder holding its
/// variants (full.jpg and WebP thumbnails w360/w720); a generated demo image is a single
/// vector file whose key ends in ".svg" and serves every size.
/// </summary>
public static class MediaUrls
{
    public const string Prefix = "/media/";

    public static readonly int[] ThumbnailWidths = [360, 720];

    public const string FullFileName = "full.jpg";

    public static string ThumbnailFileName(int width) => $"w{width}.webp";

    public static string Thumbnail(string key, int width)
    {
        if (key.EndsWith(".svg", StringComparison.Ordinal)) return Prefix + key;
        var size = ThumbnailWidths.FirstOrDefault(w => w >= width, ThumbnailWidths[^1]);
        return $"{Prefix}{key}/{ThumbnailFileName(size)}";
    }

    public static string Full(string key) =>
        key.EndsWith(".svg", StringComparison.Ordinal) ? Prefix + key : $"{Prefix}{key}/{FullFileName}";
}
