using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;

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
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.RefreshMinutes));

    protected override bool RunAtStart => false;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var changed = await indexer.RefreshEngagementAsync(cancellationToken);
        if (changed > 0) logger.LogInformation("Search engagement refreshed for {Count} documents", changed);
    }
}
