using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Ordering;

public sealed class UnpaidOrderSweeperTests
{
    [Fact]
    public async Task Sweep_OverdueUnpaidOrder_CancelledWithStockReturnedOnce()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var overdue = await bed.OrderAsync(quantity: 2, stock: 5);
        var fresh = await bed.OrderAsync(quantity: 1, stock: 5, payWithin: TimeSpan.FromMinutes(30));
        Assert.Equal(3, (await bed.SnapshotAsync(overdue)).SkuStock);

        Assert.Equal(0, await bed.Sweeper.SweepAsync(default)); // nothing is due yet
        bed.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await bed.Sweeper.SweepAsync(default));
        Assert.Equal(0, await bed.Sweeper.SweepAsync(default)); // a second round finds nothing: stock returns once

        var cancelled = await bed.SnapshotAsync(overdue);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(5, cancelled.SkuStock);
        Assert.Equal(5, cancelled.ProductStock);
        Assert.Equal(1, cancelled.StatusMessages);
        Assert.Equal(OrderStatus.PendingPayment, (await bed.SnapshotAsync(fresh)).Status);
        await using var db = await bed.Factory.CreateDbContextAsync();
        var cancel = await db.OrderEvents.SingleAsync(e => e.OrderId == overdue.Id && e.ToStatus == OrderStatus.Cancelled);
        Assert.Equal(OrderActor.System, cancel.Actor);
        Assert.Equal(UnpaidOrderSweeper.TimeoutNote, cancel.Note);
        Assert.Equal(bed.Clock.GetUtcNow(), (await db.Orders.SingleAsync(o => o.Id == overdue.Id)).CancelledAt);
    }

    [Fact]
    public async Task Sweep_PaidOrder_IsLeftAlone()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync(stock: 4, quantity: 1);
        Assert.Equal(CallbackOutcome.Applied, await bed.SendAsync(await bed.StartAsync(order), SandboxCallbackBody.Succeeded));
        bed.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await bed.Sweeper.SweepAsync(default));
        var after = await bed.SnapshotAsync(order);
        Assert.Equal(OrderStatus.Paid, after.Status);
        Assert.Equal(3, after.SkuStock);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Timeout_RacingSuccessCallbacks_ExactlyOneWinsPerOrder_StockReturnedOnlyForCancelled(DatabaseProvider provider)
    {
        await using var bed = await PaymentTestBed.CreateAsync(provider);
        var orders = new List<(TestOrder Order, string Session)>();
        for (var i = 0; i < 12; i++)
        {
            var order = await bed.OrderAsync(quantity: 2, stock: 10);
            orders.Add((order, await bed.StartAsync(order)));
        }
        bed.Clock.Advance(TimeSpan.FromMinutes(20));

        // Every order: the timeout and a success callback at the same moment.
        var now = bed.Clock.GetUtcNow();
        var races = orders.Select(o => (
            Cancel: Task.Run(() => bed.Sweeper.CancelAsync(o.Order.Id, now, default)),
            Pay: Task.Run(() => bed.SendAsync(o.Session, SandboxCallbackBody.Succeeded)))).ToList();
        await Task.WhenAll(races.SelectMany(r => new Task[] { r.Cancel, r.Pay }));

        foreach (var ((order, _), race) in orders.Zip(races))
        {
            var after = await bed.SnapshotAsync(order);
            Assert.Equal(2, after.Events); // placed + exactly one of paid / cancelled
            Assert.Equal(1, after.StatusMessages);
            if (await race.Cancel)
            {
                Assert.Equal(OrderStatus.Cancelled, after.Status);
                Assert.Equal(CallbackOutcome.Stale, await race.Pay);
                Assert.Equal(10, after.SkuStock);
            }
            else
            {
                Assert.Equal(OrderStatus.Paid, after.Status);
                Assert.Equal(CallbackOutcome.Applied, await race.Pay);
                Assert.Equal(8, after.SkuStock);
            }
        }
        await using var db = await bed.Factory.CreateDbContextAsync();
        var cancelledCount = races.Count(r => r.Cancel.Result);
        Assert.Equal(cancelledCount, await db.OutboxMessages.CountAsync(m => m.Type == PaymentAutoRefundHandler.MessageType));
        Assert.Equal(cancelledCount, await db.PaymentIncidents.CountAsync(i => i.Kind == PaymentIncidentKind.Stale));
    }
}
