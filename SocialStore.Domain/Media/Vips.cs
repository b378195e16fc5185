using System.Runtime.InteropServices;

namespace SocialStore.Domain.Media;

/// <summary>
/// P/Invoke into libvips 8.x (Debian <c>libvips42</c>), initialised once on first use (ADR-002).
/// libvips' variadic functions are declared with fixed parameters ending in a NULL pointer. That is
/// sound on x86-64 and arm64 Linux for int, pointer and string arguments only — a double travels in a
/// different register than a variadic callee reads it from — so options that need doubles go into the
/// saver's suffix string instead (".jpg[Q=82,background=255]").
/// </summary>
internal static partial class Vips
{
    private const string Lib = "libvips.so.42";
    private const string GLib = "libglib-2.0.so.0";
    private const string GObject = "libgobject-2.0.so.0";

    internal const int SizeDown = 2;        // VIPS_SIZE_DOWN: never upscale
    internal const int MaxCoordinate = 10_000_000;
    private const int LogLevelWarning = 1 << 4; // G_LOG_LEVEL_WARNING

    private static readonly Lock InitLock = new();
    private static readonly Lock ErrorLock = new();
    private static bool initialised;
    private static string? initError;

    /// <summary>The libvips version string, once initialised.</summary>
    public static string? Version { get; private set; }

    /// <summary>Receives libvips' warnings (e.g. "heifload: ignoring nclx profile"), which would otherwise go straight to stderr.</summary>
    public static Action<string>? Warning { get; set; }

    /// <summary>True when this libvips has its HEIF loader (HEIC and AVIF photos).</summary>
    public static bool CanLoadHeif { get; private set; }

    /// <summary>Loads and configures libvips once; returns null on success or why it is unavailable. Later calls return the first outcome.</summary>
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
            var modules = PrivateModuleFolder();
            GSetEnv("VIPSHOME", modules, 1);
            var status = Init("socialstore");
            GUnsetEnv("VIPSHOME");
            TryDelete(modules); // libvips has loaded what it found there
            if (status != 0) return "vips_init failed: " + TakeError();
            unsafe
            {
                LogSetHandler("VIPS", LogLevelWarning, &OnLog, IntPtr.Zero);
            }
            Version = Marshal.PtrToStringUTF8(VersionString());
            if (VersionPart(0) * 100 + VersionPart(1) < 813)
                return $"libvips {Version} is too old; 8.13 or newer is needed.";
            ConcurrencySet(Math.Max(1, threads));
            // Every upload is different, so the operation cache would only hold memory.
            CacheSetMax(0);
            // Loaders libvips itself marks untrusted (ImageMagick, SVG, PDF, FITS…) stay out of reach of uploads.
            BlockUntrustedSet(1);
            CanLoadHeif = TypeFind("VipsOperation", "heifload_buffer") != 0;
            return null;
        }
        catch (DllNotFoundException ex)
        {
            return $"libvips could not be loaded ({FirstLine(ex.Message)}). On Debian: apt-get install libvips42.";
        }
        catch (EntryPointNotFoundException ex)
        {
            return $"the installed libvips lacks a needed function ({FirstLine(ex.Message)}).";
        }
        catch (IOException ex)
        {
            return $"libvips could not be given its module folder ({ex.Message}).";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"libvips could not be given its module folder ({ex.Message}).";
        }
    }

    /// <summary>
    /// A folder libvips takes as its prefix (VIPSHOME), whose module folder links only the HEIF module.
    /// libvips loads every module it finds with RTLD_GLOBAL; the OpenSlide one brings Debian's
    /// libsqlite3, whose symbols then capture calls inside the SQLite that EF Core bundles (e_sqlite3)
    /// and the process crashes in sqlite3_open_v2. The other modules (ImageMagick, PDF, OpenSlide,
    /// JPEG XL) are loaders uploads must never reach anyway.
    /// </summary>
    private static string PrivateModuleFolder()
    {
        var library = LoadedPath(Lib);
        var prefix = Directory.CreateTempSubdirectory("socialstore-vips-").FullName;
        if (library is null) return prefix;
        // libvips looks in {VIPSHOME}/{last part of its own lib folder}/vips-modules-{major}.{minor}.
        var libFolder = Path.GetDirectoryName(library)!;
        var moduleFolder = $"vips-modules-{VersionPart(0)}.{VersionPart(1)}";
        var heif = Path.Combine(libFolder, moduleFolder, "vips-heif.so");
        if (!File.Exists(heif)) return prefix;
        var modules = Directory.CreateDirectory(Path.Combine(prefix, Path.GetFileName(libFolder), moduleFolder));
        File.CreateSymbolicLink(Path.Combine(modules.FullName, "vips-heif.so"), heif);
        return prefix;
    }

    private static string? LoadedPath(string library)
    {
        NativeLibrary.Load(library);
        return File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && Path.GetFileName(fields[5]).StartsWith(library, StringComparison.Ordinal))
            .Select(fields => fields[5])
            .FirstOrDefault();
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    [UnmanagedCallersOnly]
    private static void OnLog(IntPtr domain, int level, IntPtr message, IntPtr data)
    {
        // An exception must never unwind into native code.
        try { Warning?.Invoke(Marshal.PtrToStringUTF8(message) ?? ""); }
        catch (Exception) { }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>Takes and clears libvips' (process-wide) error text.</summary>
    internal static string TakeError()
    {
        lock (ErrorLock)
        {
            var text = Marshal.PtrToStringUTF8(ErrorBuffer())?.Trim() ?? "";
            ErrorClear();
            return text.Length == 0 ? "unknown libvips error" : text;
        }
    }

    [LibraryImport(Lib, EntryPoint = "vips_init", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Init(string argv0);

    [LibraryImport(Lib, EntryPoint = "vips_version")]
    private static partial int VersionPart(int flag);

    [LibraryImport(Lib, EntryPoint = "vips_version_string")]
    private static partial IntPtr VersionString();

    [LibraryImport(Lib, EntryPoint = "vips_concurrency_set")]
    private static partial void ConcurrencySet(int concurrency);

    [LibraryImport(Lib, EntryPoint = "vips_cache_set_max")]
    private static partial void CacheSetMax(int max);

    [LibraryImport(Lib, EntryPoint = "vips_block_untrusted_set")]
    private static partial void BlockUntrustedSet(int state);

    [LibraryImport(Lib, EntryPoint = "vips_type_find", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nuint TypeFind(string basename, string nickname);

    [LibraryImport(Lib, EntryPoint = "vips_error_buffer")]
    private static partial IntPtr ErrorBuffer();

    [LibraryImport(Lib, EntryPoint = "vips_error_clear")]
    private static partial void ErrorClear();

    /// <summary>The class name of the loader libvips would pick for these bytes, or NULL.</summary>
    [LibraryImport(Lib, EntryPoint = "vips_foreign_find_load_buffer")]
    internal static partial IntPtr FindLoadBuffer(IntPtr data, nuint size);

    /// <summary>Reads the header only; pixels are decoded later, on demand. The buffer must outlive the image.</summary>
    [LibraryImport(Lib, EntryPoint = "vips_image_new_from_buffer", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial VipsImage NewFromBuffer(IntPtr buffer, nuint length, string options, IntPtr end);

    [LibraryImport(Lib, EntryPoint = "vips_thumbnail_buffer", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ThumbnailBuffer(
        IntPtr buffer, nuint length, out VipsImage output, int width,
        string heightName, int height, string sizeName, int size, string loaderOptionsName, string loaderOptions, IntPtr end);

    [LibraryImport(Lib, EntryPoint = "vips_thumbnail_buffer", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ThumbnailBufferToProfile(
        IntPtr buffer, nuint length, out VipsImage output, int width,
        string heightName, int height, string sizeName, int size, string loaderOptionsName, string loaderOptions,
        string exportProfileName, string exportProfile, IntPtr end);

    [LibraryImport(Lib, EntryPoint = "vips_thumbnail_image", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ThumbnailImage(
        VipsImage input, out VipsImage output, int width, string heightName, int height, string sizeName, int size, IntPtr end);

    [LibraryImport(Lib, EntryPoint = "vips_image_copy_memory")]
    internal static partial VipsImage CopyMemory(VipsImage image);

    [LibraryImport(Lib, EntryPoint = "vips_image_get_width")]
    internal static partial int GetWidth(VipsImage image);

    [LibraryImport(Lib, EntryPoint = "vips_image_get_height")]
    internal static partial int GetHeight(VipsImage image);

    [LibraryImport(Lib, EntryPoint = "vips_image_get_bands")]
    internal static partial int GetBands(VipsImage image);

    /// <summary>A NULL-terminated array of field names; free it with <see cref="StrFreeV"/>.</summary>
    [LibraryImport(Lib, EntryPoint = "vips_image_get_fields")]
    internal static partial IntPtr GetFields(VipsImage image);

    [LibraryImport(Lib, EntryPoint = "vips_image_remove", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Remove(VipsImage image, string name);

    [LibraryImport(Lib, EntryPoint = "vips_image_write_to_buffer", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int WriteToBuffer(VipsImage image, string suffix, out IntPtr buffer, out nuint size, IntPtr end);

    [LibraryImport(GLib, EntryPoint = "g_log_set_handler", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial uint LogSetHandler(string domain, int levels, delegate* unmanaged<IntPtr, int, IntPtr, IntPtr, void> handler, IntPtr data);

    // GLib's, not .NET's: Environment.SetEnvironmentVariable does not change the native environment on Linux.
    [LibraryImport(GLib, EntryPoint = "g_setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int GSetEnv(string variable, string value, int overwrite);

    [LibraryImport(GLib, EntryPoint = "g_unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void GUnsetEnv(string variable);

    [LibraryImport(GLib, EntryPoint = "g_free")]
    internal static partial void GFree(IntPtr memory);

    [LibraryImport(GLib, EntryPoint = "g_strfreev")]
    internal static partial void StrFreeV(IntPtr strings);

    [LibraryImport(GObject, EntryPoint = "g_object_unref")]
    internal static partial void ObjectUnref(IntPtr instance);
}

/// <summary>A libvips call failed; the message is libvips' own text, for logs only.</summary>
internal sealed class VipsException(string operation) : Exception($"{operation}: {Vips.TakeError()}");
