namespace SocialStore.Domain.Media;

/// <summary>Settings of the "Media" configuration section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Folder of the local store, relative to the content root (default data/media).</summary>
    public string? Root { get; set; }

    /// <summary>False turns image uploads off, as if libvips were missing.</summary>
    public bool ImageProcessing { get; set; } = true;

    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Checked from the header before any pixel is decoded (decompression bombs).</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Longest side of the stored full-size JPEG.</summary>
    public int FullMaxSide { get; set; } = 2560;

    public int JpegQuality { get; set; } = 82;

    public int WebPQuality { get; set; } = 80;

    /// <summary>libvips worker threads per image; 0 means one per core.</summary>
    public int VipsThreads { get; set; }

    /// <summary>Uploads processed at once; each holds the upload and a decoded copy in memory. 0 means one per core.</summary>
    public int MaxParallelJobs { get; set; }

    internal int MaxUploadMegabytes => (int)(MaxUploadBytes / (1024 * 1024));

    internal int MaxMegapixels => (int)(MaxPixels / 1_000_000);
}
