namespace SocialStore.Domain.Media;

/// <summary>Settings of the "Media" configuration section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Folder of the local store, relative to the content root (default data/media).</summary>
    public string? Root { get; set; }

    /// <summary>False turns image uploads off, as if libvips could not be loaded.</summary>
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

    /// <summary>
    /// Uploads decoded at once (default 2); the others wait. Each running job holds its upload and a
    /// decoded copy of up to <see cref="FullMaxSide"/> pixels a side (docs/benchmarks.md has the peak memory). 0 means one per core.
    /// </summary>
    public int MaxParallelJobs { get; set; } = 2;

    internal int MaxUploadMegabytes => (int)(MaxUploadBytes / (1024 * 1024));

    internal int MaxMegapixels => (int)(MaxPixels / 1_000_000);
}
