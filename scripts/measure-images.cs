#!/usr/bin/env -S dotnet run
// Measures the image pipeline: time to process a 12-MP camera JPEG, and memory over 100 runs (no leak).
// Usage: dotnet run scripts/measure-images.cs [runs]   (needs the `vips` command to make the test photo)
#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
#:project ../SocialStore.Domain/SocialStore.Domain.csproj
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Media;

var runs = args.Length > 0 ? int.Parse(args[0]) : 100;
var work = Directory.CreateTempSubdirectory("socialstore-measure-").FullName;
try
{
    var photo = MakePhoto(work, 4000, 3000);
    Console.WriteLine($"input: 4000x3000 JPEG, {photo.Length / 1024.0 / 1024:F1} MB; {Environment.ProcessorCount} cores");
    var pipeline = new ImagePipeline(new LocalMediaStore(Path.Combine(work, "media")), TimeProvider.System,
        Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
    if (!pipeline.IsAvailable) throw new InvalidOperationException(pipeline.UnavailableReason);

    for (var i = 0; i < 3; i++) await pipeline.SaveAsync(new MemoryStream(photo), CancellationToken.None); // warm-up
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
        $"p90 {times[(int)(times.Count * 0.9)]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms");
    var (rssEnd, heapEnd) = Memory();
    Console.WriteLine($"RSS {rssStart:F1} → {rssEnd:F1} MB, managed heap {heapStart:F1} → {heapEnd:F1} MB over {runs} runs");
}
finally
{
    Directory.Delete(work, recursive: true);
}

static (double RssMb, double HeapMb) Memory()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    using var self = Process.GetCurrentProcess();
    return (self.WorkingSet64 / 1048576.0, GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
}

// A photo-like test image: smooth structure plus sensor-like grain, so the JPEG is as busy as a camera's.
static byte[] MakePhoto(string dir, int width, int height)
{
    string P(string name) => Path.Combine(dir, name);
    Vips("perlin", P("p.v"), $"{width}", $"{height}", "--cell-size", "160");
    Vips("gaussnoise", P("n.v"), $"{width}", $"{height}", "--sigma", "10", "--mean", "0");
    Vips("linear", P("p.v"), P("base.v"), "110", "128");
    Vips("add", P("base.v"), P("n.v"), P("g.v"));
    Vips("linear", P("g.v"), P("r.v"), "1.1", "10", "--uchar");
    Vips("linear", P("g.v"), P("gr.v"), "0.9", "20", "--uchar");
    Vips("linear", P("g.v"), P("b.v"), "0.7", "30", "--uchar");
    Vips("bandjoin", $"{P("r.v")} {P("gr.v")} {P("b.v")}", P("rgb.v"));
    Vips("copy", P("rgb.v"), P("photo.jpg") + "[Q=92]");
    return File.ReadAllBytes(P("photo.jpg"));
}

static void Vips(params string[] arguments)
{
    var start = new ProcessStartInfo("vips") { RedirectStandardError = true };
    foreach (var argument in arguments) start.ArgumentList.Add(argument);
    using var process = Process.Start(start)!;
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"vips {string.Join(' ', arguments)}: {error}");
}
