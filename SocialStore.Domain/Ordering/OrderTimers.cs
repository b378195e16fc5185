using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

/// <summary>
/// The lifecycle's clocks: a shipped order is delivered after <see cref="OrderTimerOptions.AutoDeliverAfterDays"/>,
/// a delivered one completes after <see cref="OrderTimerOptions.AutoCompleteAfterDays"/> (not while an after-sales
/// request is open). The due orders are found from the database and each is claimed by the conditional move
/// itself, so a restart loses nothing and two nodes never move the same order twice.
/// </summary>
public sealed class OrderTimers(IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, IOptions<OrderTimerOptions> options)
{
    public const int BatchSize = 100;

    public sealed record Result(int Delivered, int Completed);

    public async Task<Result> RunDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var deliverBefore = now - TimeSpan.FromDays(o.AutoDeliverAfterDays);
        var completeBefore = now - TimeSpan.FromDays(o.AutoCompleteAfterDays);
        int delivered = 0, completed = 0;

        foreach (var id in await DueAsync(db => db.Orders.Where(x => x.Status == OrderStatus.Shipped && x.ShippedAt <= deliverBefore), cancellationToken))
        {
            if (await DbTransactions.RunAsync(dbFactory, (db, ct) => OrderService.DeliverAsync(db, id, OrderActor.System, null, now, ct), cancellationToken))
                delivered++;
        }

        foreach (var id in await DueAsync(db => db.Orders.Where(x => x.Status == OrderStatus.Delivered && x.DeliveredAt <= completeBefore
                     && !db.OrderLines.Any(l => l.OrderId == x.Id && l.RefundState == RefundState.Requested)), cancellationToken))
        {
            var moved = await DbTransactions.RunAsync(dbFactory, async (db, ct) =>
            {
                // Checked again inside the transaction: a refund request may have arrived since the scan.
                if (await db.OrderLines.AnyAsync(l => l.OrderId == id && l.RefundState == RefundState.Requested, ct)) return false;
                return await OrderTransitions.TryMoveAsync(db, id, OrderStatus.Delivered, OrderStatus.Completed, OrderActor.System, null, null, now, ct);
            }, cancellationToken);
            if (moved) completed++;
        }
        return new Result(delivered, completed);
    }

    private async Task<List<long>> DueAsync(Func<SocialStoreDbContext, IQueryable<Order>> query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await query(db).OrderBy(x => x.Id).Select(x => x.Id).Take(BatchSize).ToListAsync(cancellationToken);
    }
}

/// <summary>Runs <see cref="OrderTimers"/> periodically; a tick that fails is logged and the next one tries again.</summary>
public sealed class OrderTimersWorker(IServiceProvider services, TimeProvider clock, IOptions<OrderTimerOptions> options, ILogger<OrderTimersWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.TimerIntervalSeconds));

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var timers = services.GetRequiredService<OrderTimers>();
        OrderTimers.Result last;
        do
        {
            last = await timers.RunDueAsync(cancellationToken);
        }
        while (last.Delivered + last.Completed >= OrderTimers.BatchSize && !cancellationToken.IsCancellationRequested);
    }
}
