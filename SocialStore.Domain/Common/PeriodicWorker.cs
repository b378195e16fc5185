using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocialStore.Domain.Common;

/// <summary>
/// A background job that runs a round every <see cref="Interval"/> (on the injected clock), optionally
/// once at start-up. A failed round is logged and the next one runs as usual: the jobs read their work
/// from the database, so nothing is lost in between.
/// </summary>
public abstract class PeriodicWorker(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected virtual bool Enabled => true;

    protected virtual bool RunAtStart => true;

    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            if (RunAtStart) await RunSafelyAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RunSafelyAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task RunSafelyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunRoundAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "{Worker} round failed", GetType().Name);
        }
    }
}
