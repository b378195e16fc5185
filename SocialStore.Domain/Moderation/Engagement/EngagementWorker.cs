using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;

namespace SocialStore.Domain.Moderation.Engagement;

/// <summary>Runs <see cref="EngagementFindingService.ScanAsync(CancellationToken)"/> and re-applies confirmed discounts every <see cref="EngagementOptions.ScanMinutes"/> (not at start-up).</summary>
public sealed class EngagementWorker(EngagementFindingService findings, TimeProvider clock, IOptions<EngagementOptions> options, ILogger<EngagementWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => options.Value.WorkerEnabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(5, options.Value.ScanMinutes));

    protected override bool RunAtStart => false;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var result = await findings.ScanAsync(cancellationToken);
        if (result.New > 0) logger.LogInformation("Engagement scan: {New} new findings", result.New);
        await findings.RefreshDiscountedAsync(cancellationToken);
    }
}
