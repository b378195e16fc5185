#!/usr/bin/env -S dotnet run
// Measures the image pipeline on a 12-MP camera-like JPEG (4000 × 3000, Q 92, ~5 MB).
//   dotnet run scripts/measure-images.cs [sequential] [runs]   time per photo, and memory over the runs (no leak)
//   dotnet run scripts/measure-images.cs concurrent [uploads]  that many uploads at once (default 10): wall time, peak RSS
// Options: --photo FILE reads the photo instead of making one; --save-photo FILE keeps the one made,
// so that two builds can be measured on the same bytes; --jobs N sets Media:MaxParallelJobs.
#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
#:project ../SocialStore.Domain/SocialStore.Domain.csproj
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Media;

var positional = new List<string>();
string? photoFile = null, savePhoto = null;
var jobs = 0;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--photo") photoFile = args[++i];
    else if (args[i] == "--save-photo") savePhoto = args[++i];
    else if (args[i] == "--jobs") jobs = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else positional.Add(args[i]);
}
var mode = positional.Count > 0 && !char.IsDigit(positional[0][0]) ? positional[0] : "sequential";
var count = positional.Select(p => int.TryParse(p, out var n) ? n : 0).FirstOrDefault(n => n > 0, mode == "concurrent" ? 10 : 100);

var work = Directory.CreateTempSubdirectory("socialstore-measure-").FullName;
try
{
    var photo = photoFile is null ? MakePhoto(4000, 3000) : File.ReadAllBytes(photoFile);
    if (savePhoto is not null) File.WriteAllBytes(savePhoto, photo);
    var options = new MediaOptions();
    if (jobs > 0) options.MaxParallelJobs = jobs;
    Console.WriteLine($"input: 12-MP JPEG, {photo.Length / 1024.0 / 1024:F1} MB; {Environment.ProcessorCount} cores; " +
        $"MaxParallelJobs {options.MaxParallelJobs}; MALLOC_ARENA_MAX={Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "unset"}");
    var pipeline = new ImagePipeline(new LocalMediaStore(Path.Combine(work, "media")), TimeProvider.System,
        Options.Create(options), NullLogger<ImagePipeline>.Instance);
    if (!pipeline.IsAvailable) throw new InvalidOperationException(pipeline.UnavailableReason);

    await pipeline.DeleteAsync((await pipeline.SaveAsync(new MemoryStream(photo), CancellationToken.None)).Key, CancellationToken.None); // warm-up
    if (mode == "concurrent") await ConcurrentAsync(pipeline, photo, count);
    else await SequentialAsync(pipeline, photo, count);
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task SequentialAsync(ImagePipeline pipeline, byte[] photo, int runs)
{
    for (var i = 0; i < 2; i++) await pipeline.DeleteAsync((await pipeline.SaveAsync(new MemoryStream(photo), CancellationToken.None)).Key, CancellationToken.None);
    var (rssStart, heapStart) = Memory();
    var times = new List<double>();
    for (var i = 1; i <= runs; i++)
    {
        var clock = Stopwatch.StartNew();
        var result = await pipeline.SaveAsync(new MemoryStream(photo), CancellationToken.None);
        times.Add(clock.Elapsed.TotalMilliseconds);
        await pipeline.DeleteAsync(result.Key, CancellationToken.None);
        if (i % 25 == 0)
        {
            var (rss, heap) = Memory();
            Console.WriteLine($"after {i,3} runs: RSS {rss,6:F1} MB, managed heap {heap,5:F1} MB");
        }
    }
    times.Sort();
    Console.WriteLine($"per photo (decode, full.jpg ≤2560, w720 + w360 WebP, store): median {times[times.Count / 2]:F0} ms, " +
        $"p90 {times[(int)(times.Count * 0.9)]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {runs} runs");
    var (rssEnd, heapEnd) = Memory();
    Console.WriteLine($"RSS {rssStart:F1} → {rssEnd:F1} MB, managed heap {heapStart:F1} → {heapEnd:F1} MB, peak RSS {PeakRssMb():F1} MB");
}

static async Task ConcurrentAsync(ImagePipeline pipeline, byte[] photo, int uploads)
{
    // A busy server has many pool threads; with the default two, the pool itself would queue the uploads and hide the gate.
    ThreadPool.SetMinThreads(uploads + 4, uploads + 4);
    var (rssBefore, _) = Memory();
    ResetPeakRss();
    var clock = Stopwatch.StartNew();
    var results = await Task.WhenAll(Enumerable.Range(0, uploads).Select(_ => Task.Run(async () =>
    {
        var started = clock.Elapsed.TotalMilliseconds;
        var result = await pipeline.SaveAsync(new MemoryStream(photo), CancellationToken.None);
        return (result.Key, Ms: clock.Elapsed.TotalMilliseconds - started);
    })));
    var wall = clock.Elapsed.TotalMilliseconds;
    var peak = PeakRssMb();
    foreach (var result in results) await pipeline.DeleteAsync(result.Key, CancellationToken.None);
    var latencies = results.Select(r => r.Ms).Order().ToList();
    Console.WriteLine($"{uploads} uploads at once: all {results.Length} stored in {wall:F0} ms " +
        $"(each waited + ran {latencies[0]:F0}–{latencies[^1]:F0} ms); RSS before {rssBefore:F1} MB, peak RSS {peak:F1} MB");
}

static (double RssMb, double HeapMb) Memory()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    using var self = Process.GetCurrentProcess();
    return (self.WorkingSet64 / 1048576.0, GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
}

// VmHWM: the kernel's high-water mark of this process's resident set.
static double PeakRssMb() => File.ReadLines("/proc/self/status")
    .Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
    .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024)
    .First();

// Writing 5 to clear_refs resets VmHWM to the current RSS, so the peak is that of what follows only.
static void ResetPeakRss() => File.WriteAllText("/proc/self/clear_refs", "5");

// A photo-like test image: smooth structure plus sensor-like grain, so the JPEG is as busy as a camera's.
static byte[] MakePhoto(int width, int height)
{
    using var structure = NetVips.Image.Perlin(width, height, cellSize: 160);
    using var grain = NetVips.Image.Gaussnoise(width, height, sigma: 10, mean: 0);
    using var lifted = structure.Linear([110.0], [128.0]);
    using var grey = lifted.Add(grain);
    using var red = grey.Linear([1.1], [10.0], uchar: true);
    using var green = grey.Linear([0.9], [20.0], uchar: true);
    using var blue = grey.Linear([0.7], [30.0], uchar: true);
    using var rgb = red.Bandjoin(green, blue);
    return rgb.JpegsaveBuffer(q: 92);
}
