using SocialStore.Domain.Data.Seed.Generation;
using SocialStore.Domain.Media;

namespace SocialStore.Domain.Data.Seed.Writers;

/// <summary>Draws and stores pictures in parallel; keys are fixed, so a second run rewrites identical files.</summary>
internal sealed class SeedMediaWriter(IMediaStore store)
{
    public async Task<int> WriteAsync(IEnumerable<SeedArtwork> artwork, CancellationToken cancellationToken)
    {
        var count = 0;
        await Parallel.ForEachAsync(artwork,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount * 2), CancellationToken = cancellationToken },
            async (art, ct) =>
            {
                await store.PutAsync(art.Key, art.Draw().ToUtf8(), ct);
                Interlocked.Increment(ref count);
            });
        return count;
    }
}
