using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Media;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// A test that needs the real image pipeline (libvips in process). Where libvips cannot be loaded the test
/// is reported as skipped, with the pipeline's own reason, instead of passing without having run.
/// </summary>
public sealed class ImagePipelineFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> UnavailableReason = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "socialstore-tests", "media-probe");
        var pipeline = new ImagePipeline(new LocalMediaStore(root), TimeProvider.System, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        return pipeline.UnavailableReason;
    });

    public ImagePipelineFactAttribute()
    {
        if (UnavailableReason.Value is { } reason) Skip = $"The image pipeline cannot run here: {reason}";
    }
}
