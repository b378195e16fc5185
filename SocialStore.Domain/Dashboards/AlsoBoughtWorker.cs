using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.Dashboards;

public sealed class AlsoBoughtOptions
{
    public const string Section = "AlsoBought";

    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first rebuild waits this long after start, off the start-up path.</summary>
    public TimeSpan FirstRunAfter { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Rebuilds the "also bought" table <see cref="AlsoBoughtOptions.FirstRunAfter"/> after start and then every <see cref="AlsoBoughtOptions.RefreshEvery"/>.</summary>
public sealed class AlsoBoughtWorker(IServiceProvider services, Microsoft.Extensions.Options.IOptions<AlsoBoughtOptions> options, ILogger<AlsoBoughtWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var refresher = services.GetRequiredService<AlsoBoughtRefresher>();
        using var timer = new PeriodicTimer(options.Value.RefreshEvery);
        await Task.Delay(options.Value.FirstRunAfter, stoppingToken);
        do
        {
            try
            {
                await refresher.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Rebuilding the also-bought table failed; the next run retries.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
