using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

public sealed class UnpaidOrderOptions
{
    public const string Section = "Ordering:UnpaidOrders";

    public bool Enabled { get; set; } = true;

    /// <summary>How often overdue orders are looked for (the pay-by time itself is set at checkout).</summary>
    public int SweepSeconds { get; set; } = 30;
}

/// <summary>
/// Cancels orders still unpaid after their pay-by time and gives their stock back. It reads the database
/// every round, so a restart loses nothing; the cancel is the conditional move of <see cref="OrderTransitions"/>,
/// so a payment callback racing it either wins (the order is paid, nothing returns) or loses (the order is
/// cancelled, the stock returns once, and the late payment is refunded by the callback).
/// </summary>
public sealed class UnpaidOrderSweeper(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, OutboxSignal outbox, ILogger<UnpaidOrderSweeper>? logger = null)
{
    public const string TimeoutNote = "timeout";
    private const int Batch = 100;

    private readonly ILogger logger = logger ?? NullLogger<UnpaidOrderSweeper>.Instance;

    /// <summary>Cancels every overdue unpaid order; returns how many this call cancelled.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cancelled = 0;
        long after = 0;
        while (true)
        {
            List<long> due;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                due = await db.Orders
                    .Where(o => o.Status == OrderStatus.PendingPayment && o.PayBy < now && o.Id > after)
                    .OrderBy(o => o.Id).Select(o => o.Id).Take(Batch).ToListAsync(cancellationToken);
            }
            foreach (var id in due)
                if (await CancelAsync(id, now, cancellationToken)) cancelled++;
            if (due.Count < Batch) break;
            after = due[^1];
        }
        if (cancelled > 0)
        {
            outbox.Wake();
            logger.LogInformation("Cancelled {Count} unpaid orders past their pay-by time", cancelled);
        }
        return cancelled;
    }

    /// <summary>Cancels one order if it is still unpaid, and only then returns its stock — in one transaction.</summary>
    public Task<bool> CancelAsync(long orderId, DateTimeOffset now, CancellationToken cancellationToken) =>
        DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            if (!await OrderTransitions.TryMoveAsync(db, orderId, OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderActor.System, null, TimeoutNote, now, ct))
                return false;
            // SKUs in ascending id, like checkout, so the two do not wait on each other in opposite orders.
            var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId)
                .OrderBy(l => l.SkuId).Select(l => new { l.ProductId, l.SkuId, l.Quantity }).ToListAsync(ct);
            foreach (var line in lines)
                await StockLedger.ReturnAsync(db, line.ProductId, line.SkuId, line.Quantity, ct);
            return true;
        }, cancellationToken);
}

/// <summary>Runs <see cref="UnpaidOrderSweeper"/> at start-up and then every <see cref="UnpaidOrderOptions.SweepSeconds"/>.</summary>
public sealed class UnpaidOrderWorker(UnpaidOrderSweeper sweeper, TimeProvider clock, IOptions<UnpaidOrderOptions> options, ILogger<UnpaidOrderWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.SweepSeconds));

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}
