using NetVips;

namespace SocialStore.Domain.Media;

/// <summary>
/// libvips as NetVips.Native ships it (no system package), configured once per process for untrusted
/// uploads (ADR-002): no operation cache, a fixed number of worker threads, and only the five loaders
/// uploads may reach.
/// </summary>
internal static class VipsSetup
{
    /// <summary>
    /// Class names, so each covers its file, buffer and source variants. GIF is libnsgif's loader.
    /// Every other loader stays blocked, including trusted ones such as TIFF, RAW and Ultra HDR that
    /// would otherwise claim some uploads before the loader for the sniffed format.
    /// </summary>
    internal static readonly string[] AllowedLoaders =
        ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadNsgif", "VipsForeignLoadWebp", "VipsForeignLoadHeif"];

    private static readonly Lock InitLock = new();
    private static bool initialised;
    private static string? initError;

    /// <summary>Kept in a field: the native side calls it for the life of the process.</summary>
    private static Log.LogDelegate? logHandler;

    /// <summary>The libvips version, once initialised.</summary>
    public static string? Version { get; private set; }

    /// <summary>Receives libvips' warnings (e.g. "error in tile 0 x 0"), which would otherwise go straight to stderr.</summary>
    public static Action<string>? Warning { get; set; }

    /// <summary>
    /// True when AVIF round-trips through this libvips. HEIC (HEVC inside HEIF) never decodes with
    /// NetVips.Native: its libheif has no HEVC decoder, so HEIC is refused from the header.
    /// </summary>
    public static bool CanLoadAvif { get; private set; }

    /// <summary>Configures libvips once; returns null on success or why it is unavailable. Later calls return the first outcome.</summary>
    public static string? Initialise(int threads)
    {
        lock (InitLock)
        {
            if (!initialised)
            {
                initError = TryInitialise(threads);
                initialised = true;
            }
            return initError;
        }
    }

    private static string? TryInitialise(int threads)
    {
        try
        {
            if (!ModuleInitializer.VipsInitialized)
                return $"libvips could not be loaded ({FirstLine(ModuleInitializer.Exception?.Message ?? "vips_init failed")}); NetVips.Native has no build for this platform?";
            Version = $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";
            // Savers honour "keep" (every piece of metadata dropped) from 8.15; before it WebP kept EXIF with GPS.
            if (!NetVips.NetVips.AtLeastLibvips(8, 15)) return $"libvips {Version} is too old; 8.15 or newer is needed.";
            NetVips.NetVips.Concurrency = Math.Max(1, threads);
            // Every upload is different, so the cache would only hold memory, and with it references to upload buffers.
            Cache.Max = 0;
            Cache.MaxMem = 0;
            Cache.MaxFiles = 0;
            Operation.Block("VipsForeignLoad", true);
            foreach (var loader in AllowedLoaders) Operation.Block(loader, false);
            // Last, so it wins over the unblocking above should any of those loaders have an untrusted subclass.
            NetVips.NetVips.BlockUntrusted = true;
            logHandler = OnLog;
            Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning, logHandler);
            CanLoadAvif = RoundTripsAvif();
            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return $"libvips could not be loaded ({FirstLine(ex.Message)}).";
        }
    }

    private static bool RoundTripsAvif()
    {
        try
        {
            using var black = Image.Black(16, 16, 3);
            var avif = black.HeifsaveBuffer(compression: Enums.ForeignHeifCompression.Av1, keep: Enums.ForeignKeep.None);
            using var loaded = Image.NewFromBuffer(avif);
            using var decoded = loaded.CopyMemory();
            return decoded.Width == 16;
        }
        catch (VipsException)
        {
            return false;
        }
    }

    private static void OnLog(string? domain, Enums.LogLevelFlags level, string? message)
    {
        // An exception must never unwind into native code.
        try { Warning?.Invoke(message ?? ""); }
        catch (Exception) { }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
