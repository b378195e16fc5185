using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using NetVips;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;

namespace SocialStore.Domain.Media;

/// <summary>
/// Accepts an uploaded image and stores it under <c>i/{yyyy}/{MM}/{id}</c> as full.jpg and WebP
/// thumbnails (see <see cref="MediaUrls"/>), re-encoded with libvips (NetVips) in process, with every piece of
/// metadata (GPS!) removed. At most <see cref="MediaOptions.MaxParallelJobs"/> uploads are decoded at once;
/// the others wait, holding only their bytes. Bad input raises a <see cref="DomainException"/> with a <see cref="MediaErrors"/> code.
/// When libvips cannot be loaded the app still runs: <see cref="IsAvailable"/> is false and uploads are refused.
/// </summary>
public sealed class ImagePipeline
{
    private const string KeyAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int KeyIdLength = 22; // 36^22 ≈ 2^113: unguessable, and within MediaPaths' lower-case alphabet

    private readonly IMediaStore store;
    private readonly TimeProvider clock;
    private readonly ILogger<ImagePipeline> logger;
    private readonly MediaOptions options;
    private readonly ImageProcessor processor;
    private readonly SemaphoreSlim jobs;

    public ImagePipeline(IMediaStore store, TimeProvider clock, IOptions<MediaOptions> options, ILogger<ImagePipeline> logger)
    {
        this.store = store;
        this.clock = clock;
        this.logger = logger;
        this.options = options.Value;
        processor = new ImageProcessor(this.options);
        var cores = Environment.ProcessorCount;
        jobs = new SemaphoreSlim(this.options.MaxParallelJobs > 0 ? this.options.MaxParallelJobs : cores);
        UnavailableReason = this.options.ImageProcessing
            ? VipsSetup.Initialise(this.options.VipsThreads > 0 ? this.options.VipsThreads : cores)
            : "image processing is turned off (Media:ImageProcessing = false).";
        VipsSetup.Warning = message => logger.LogDebug("libvips: {Message}", message);
        if (UnavailableReason is null) logger.LogInformation("Image uploads use libvips {Version} in process.", VipsSetup.Version);
        else logger.LogWarning("Image uploads are disabled: {Reason}", UnavailableReason);
    }

    public bool IsAvailable => UnavailableReason is null;

    /// <summary>Why uploads are refused (for operators and logs), or null when they work.</summary>
    public string? UnavailableReason { get; }

    /// <summary>The accepted formats, for hints and messages: "JPEG, PNG, WebP, GIF" and, when libvips can, "AVIF".</summary>
    public string AcceptedFormats => IsAvailable ? ImageProcessor.AcceptedFormatNames() : "";

    public int MaxUploadMegabytes => options.MaxUploadMegabytes;

    /// <summary>Checks, re-encodes and stores an upload. Reads at most the size limit plus one byte of <paramref name="content"/>.</summary>
    public async Task<ImageUploadResult> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        if (!IsAvailable) throw new DomainException(MediaErrors.Unavailable);
        using var upload = await ReadBoundedAsync(content, cancellationToken);
        var image = await ProcessAsync(upload, cancellationToken);
        var key = NewKey();
        await StoreAsync(key, image, cancellationToken);
        return new ImageUploadResult(key, image.Width, image.Height);
    }

    /// <summary>Deletes every stored variant of an upload; keys that are not uploads (demo SVGs) are left alone.</summary>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (!MediaPaths.IsSafe(key) || key.Contains('.', StringComparison.Ordinal)) return;
        foreach (var path in VariantPaths(key)) await store.DeleteAsync(path, cancellationToken);
    }

    private async Task<MemoryStream> ReadBoundedAsync(Stream content, CancellationToken cancellationToken)
    {
        var limit = options.MaxUploadBytes;
        if (content.CanSeek && content.Length - content.Position > limit) throw TooLarge();
        var upload = new MemoryStream(content.CanSeek ? (int)(content.Length - content.Position) : 256 * 1024);
        var chunk = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            int read;
            while ((read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - upload.Length)), cancellationToken)) > 0)
            {
                upload.Write(chunk, 0, read);
                if (upload.Length > limit) throw TooLarge();
            }
            return upload;
        }
        catch
        {
            await upload.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private DomainException TooLarge() => new(MediaErrors.TooLarge, options.MaxUploadMegabytes);

    private async Task<ProcessedImage> ProcessAsync(MemoryStream upload, CancellationToken cancellationToken)
    {
        await jobs.WaitAsync(cancellationToken);
        try
        {
            // libvips is handed a whole array: the stream's own buffer when it is exactly the upload.
            var bytes = upload.TryGetBuffer(out var buffer) && buffer.Offset == 0 && buffer.Count == buffer.Array!.Length
                ? buffer.Array
                : upload.ToArray();
            // CPU-bound native work: off the caller's thread, so a Blazor circuit stays responsive.
            return await Task.Run(() => processor.Process(bytes), cancellationToken);
        }
        catch (VipsException ex)
        {
            logger.LogInformation("An upload could not be decoded: {Error}", ex.Message);
            throw new DomainException(MediaErrors.Corrupt);
        }
        finally
        {
            jobs.Release();
        }
    }

    private async Task StoreAsync(string key, ProcessedImage image, CancellationToken cancellationToken)
    {
        try
        {
            await store.PutAsync($"{key}/{MediaUrls.FullFileName}", image.FullJpeg, cancellationToken);
            foreach (var thumbnail in image.Thumbnails)
                await store.PutAsync($"{key}/{MediaUrls.ThumbnailFileName(thumbnail.Width)}", thumbnail.WebP, cancellationToken);
        }
        catch
        {
            // No half-stored upload: nothing refers to this key yet.
            foreach (var path in VariantPaths(key))
                try { await store.DeleteAsync(path, CancellationToken.None); } catch (IOException) { }
            throw;
        }
    }

    private string NewKey()
    {
        var now = clock.GetUtcNow();
        return string.Create(CultureInfo.InvariantCulture, $"i/{now:yyyy}/{now:MM}/{RandomNumberGenerator.GetString(KeyAlphabet, KeyIdLength)}");
    }

    private static IEnumerable<string> VariantPaths(string key) =>
        MediaUrls.ThumbnailWidths.Select(w => $"{key}/{MediaUrls.ThumbnailFileName(w)}").Prepend($"{key}/{MediaUrls.FullFileName}");
}
