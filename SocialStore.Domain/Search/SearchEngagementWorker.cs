using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialStore.Domain.Search;

public sealed class SearchEngagementOptions
{
    public const string Section = "Search:Engagement";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the index's engagement column catches up with likes, follows and sales.</summary>
    public int RefreshMinutes { get; set; } = 10;
}

/// <summary>Runs <see cref="SearchIndexer.RefreshEngagementAsync"/> every <see cref="SearchEngagementOptions.RefreshMinutes"/> (not at start-up).</summary>
public sealed class SearchEngagementWorker(SearchIndexer indexer, TimeProvider clock, IOptions<SearchEngagementOptions> options, ILogger<SearchEngagementWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, settings.RefreshMinutes)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var changed = await indexer.RefreshEngagementAsync(stoppingToken);
                    if (changed > 0) logger.LogInformation("Search engagement refreshed for {Count} documents", changed);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Search engagement refresh failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
