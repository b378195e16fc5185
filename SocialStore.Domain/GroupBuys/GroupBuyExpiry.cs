using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Domain.GroupBuys;

public sealed class GroupBuyOptions
{
    public const string Section = "GroupBuys";

    public bool ExpiryEnabled { get; set; } = true;

    /// <summary>How often groups past their deadline are looked for.</summary>
    public int SweepSeconds { get; set; } = 15;
}

/// <summary>
/// Fails every open group past its deadline that does not have N paid members, one group per transaction:
/// first the unpaid orders still holding seats are cancelled (their seats and stock come back; a payment that
/// lands afterwards is refunded by the payment callback), then the group moves Open → Failed by a conditional
/// update — which a concurrent N-th payment either beat (then the group succeeded and nothing fails) or waits
/// for — and one refund message per paid member is written to the outbox in the same transaction. The move
/// happens once, so each member is refunded exactly once however often the sweep runs.
/// </summary>
public sealed class GroupBuyExpirer(
    IDbContextFactory<SocialStoreDbContext> dbFactory, TimeProvider clock, OutboxSignal outbox, ILogger<GroupBuyExpirer>? logger = null)
{
    public const string ExpiredNote = "group-buy-expired";

    private readonly ILogger logger = logger ?? NullLogger<GroupBuyExpirer>.Instance;

    /// <summary>Fails every overdue group; returns how many this call failed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.GroupBuyGroups.Where(g => g.Status == GroupBuyStatus.Open && g.Deadline <= now)
                .OrderBy(g => g.Id).Select(g => g.Id).Take(500).ToListAsync(cancellationToken);
        }
        var failed = 0;
        foreach (var id in due)
            if (await FailAsync(id, now, cancellationToken)) failed++;
        if (failed > 0)
        {
            outbox.Wake();
            logger.LogInformation("Failed {Count} group buys past their deadline", failed);
        }
        return failed;
    }

    private Task<bool> FailAsync(long groupId, DateTimeOffset now, CancellationToken cancellationToken) =>
        DbTransactions.RunAsync(dbFactory, async (db, ct) =>
        {
            var held = await db.GroupBuyMembers.Where(m => m.GroupId == groupId && m.Status == GroupBuyMemberStatus.Held)
                .OrderBy(m => m.OrderId).Select(m => m.OrderId).ToListAsync(ct);
            foreach (var orderId in held)
                if (await OrderTransitions.TryMoveAsync(db, orderId, OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderActor.System, null, ExpiredNote, now, ct))
                    await OrderService.ReturnStockAsync(db, orderId, ct);

            var failed = await db.GroupBuyGroups
                .Where(g => g.Id == groupId && g.Status == GroupBuyStatus.Open && g.Deadline <= now && g.PaidCount < g.Size)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, GroupBuyStatus.Failed).SetProperty(g => g.ClosedAt, now), ct);
            if (failed == 0) return false;

            var paid = await db.GroupBuyMembers.Where(m => m.GroupId == groupId && m.Status == GroupBuyMemberStatus.Paid)
                .OrderBy(m => m.Id).Select(m => m.OrderId).ToListAsync(ct);
            foreach (var orderId in paid)
                Outbox.Enqueue(db, GroupBuyRefundHandler.MessageType, new GroupBuyRefund(orderId, groupId), now);
            if (paid.Count == 0)
                await db.GroupBuyGroups.Where(g => g.Id == groupId && g.Status == GroupBuyStatus.Failed)
                    .ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, GroupBuyStatus.Refunded), ct);
            GroupBuyOrders.Changed(db, groupId, now);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
}

/// <summary>Runs <see cref="GroupBuyExpirer"/> at start-up and then every <see cref="GroupBuyOptions.SweepSeconds"/>.</summary>
public sealed class GroupBuyExpiryWorker(GroupBuyExpirer expirer, TimeProvider clock, IOptions<GroupBuyOptions> options, ILogger<GroupBuyExpiryWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override bool Enabled => options.Value.ExpiryEnabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.SweepSeconds));

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => expirer.SweepAsync(cancellationToken);
}

/// <summary>
/// "This group changed" for the open group pages (the live island), as the <see cref="Live.LiveTopics.GroupBuy"/>
/// topic of the live bus: this node's pages in-process, every node's with the Redis bus (ADR-052).
/// </summary>
public sealed class GroupBuyNotifier(Live.ILiveBus? live = null)
{
    private readonly Live.ILiveBus bus = live ?? new Live.InProcessLiveBus();

    /// <summary>Calls <paramref name="onChanged"/> after each committed change of the group until the handle is disposed.</summary>
    public IDisposable Subscribe(long groupId, Func<Task> onChanged) =>
        bus.Subscribe(Live.LiveTopics.GroupBuy(groupId), _ => onChanged());

    public Task PublishAsync(long groupId) => bus.PublishAsync(Live.LiveTopics.GroupBuy(groupId), "");
}

/// <summary>Publishes a committed group change to <see cref="GroupBuyNotifier"/> (after commit, from the outbox).</summary>
public sealed class GroupBuyChangedHandler(GroupBuyNotifier notifier) : IOutboxHandler
{
    public string Type => GroupBuyOrders.ChangedMessage;

    public Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var message = System.Text.Json.JsonSerializer.Deserialize<GroupBuyChanged>(payload) ?? throw new FormatException("Empty group change payload.");
        return notifier.PublishAsync(message.GroupId);
    }
}
