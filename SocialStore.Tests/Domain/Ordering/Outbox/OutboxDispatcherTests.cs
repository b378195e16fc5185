using SocialStore.Tests.Infrastructure;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Notifications;
using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Ordering;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task Dispatch_OrderPaid_NotifiesTheBuyerOnce_EvenWhenDeliveredAgain()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync();
        var published = new List<int>();
        using var _ = bed.Bus.Subscribe(order.BuyerId, count => { lock (published) published.Add(count); return Task.CompletedTask; });
        Assert.Equal(CallbackOutcome.Applied, await bed.SendAsync(await bed.StartAsync(order), SandboxCallbackBody.Succeeded));

        Assert.Equal(1, await bed.Dispatcher.DispatchDueAsync(default));
        // A crash after the handler but before the row was marked: the message runs again.
        await using (var db = await bed.Factory.CreateDbContextAsync())
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null));
        Assert.Equal(1, await bed.Dispatcher.DispatchDueAsync(default));
        Assert.Equal(0, await bed.Dispatcher.DispatchDueAsync(default));

        await using var check = await bed.Factory.CreateDbContextAsync();
        var notification = await check.Notifications.SingleAsync();
        Assert.Equal(NotificationKind.OrderUpdate, notification.Kind);
        Assert.Equal(order.BuyerId, notification.RecipientId);
        Assert.Equal(order.BuyerId, notification.ActorId);
        Assert.Equal(order.Id, notification.OrderId);
        Assert.Equal(OrderStatus.Paid, notification.OrderStatus);
        Assert.Null(notification.ReadAt);
        Assert.Equal([1], published);

        var page = await bed.Notifications.ListAsync(order.BuyerId, null, default);
        var group = Assert.Single(page.Unread);
        Assert.Equal(order.Number, group.OrderNumber);
        Assert.Equal(OrderStatus.Paid, group.OrderStatus);
    }

    [Fact]
    public async Task Dispatch_HandlerFails_AttemptCountedErrorKept_RetriedAfterBackoff()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var flaky = new FlakyHandler(failures: 1);
        var dispatcher = bed.NewDispatcher(flaky);
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            Outbox.Enqueue(db, FlakyHandler.MessageType, new { n = 1 }, bed.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await dispatcher.DispatchDueAsync(default);
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            var message = await db.OutboxMessages.SingleAsync();
            Assert.Null(message.ProcessedAt);
            Assert.Equal(1, message.Attempts);
            Assert.Contains("flaky", message.LastError);
            Assert.Null(message.LockedUntil);
            Assert.Equal(bed.Clock.GetUtcNow() + OutboxDispatcher.Backoff(1), message.AvailableAt);
        }
        Assert.Equal(0, await dispatcher.DispatchDueAsync(default)); // backing off

        bed.Clock.Advance(OutboxDispatcher.Backoff(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(default));
        await using (var db = await bed.Factory.CreateDbContextAsync())
            Assert.NotNull((await db.OutboxMessages.SingleAsync()).ProcessedAt);
        Assert.Equal(2, flaky.Calls);
    }

    [Fact]
    public async Task Dispatch_UnknownType_KeptWithAnErrorForLater()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            Outbox.Enqueue(db, "nobody.handles-this", new { }, bed.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await bed.Dispatcher.DispatchDueAsync(default);
        await using var check = await bed.Factory.CreateDbContextAsync();
        var message = await check.OutboxMessages.SingleAsync();
        Assert.Null(message.ProcessedAt);
        Assert.Contains("No outbox handler", message.LastError);
    }

    [Fact]
    public async Task Dispatch_RowLockedByAnotherNode_IsNotRunUntilTheLeaseRunsOut()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var counting = new CountingHandler();
        var dispatcher = bed.NewDispatcher(counting);
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            var message = Outbox.Enqueue(db, CountingHandler.MessageType, new { }, bed.Clock.GetUtcNow());
            message.LockedUntil = bed.Clock.GetUtcNow().AddSeconds(60); // a node that died holding it
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await dispatcher.DispatchDueAsync(default));
        bed.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(default));
        Assert.Single(counting.Calls);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dispatch_FourNodesAtOnce_EachMessageRunsOnce(DatabaseProvider provider)
    {
        await using var bed = await PaymentTestBed.CreateAsync(provider);
        var counting = new CountingHandler();
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            for (var i = 0; i < 40; i++) Outbox.Enqueue(db, CountingHandler.MessageType, new { i }, bed.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        var nodes = Enumerable.Range(0, 4).Select(_ => bed.NewDispatcher(counting)).ToList();

        await Task.WhenAll(nodes.Select(n => Task.Run(async () =>
        {
            while (await n.DispatchDueAsync(default) > 0)
            {
            }
        })));

        Assert.Equal(40, counting.Calls.Count);
        Assert.Equal(40, counting.Calls.Distinct().Count());
        await using var check = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.ProcessedAt == null));
    }

    private sealed class FlakyHandler(int failures) : IOutboxHandler
    {
        public const string MessageType = "test.flaky";

        public int Calls { get; private set; }

        public string Type => MessageType;

        public Task HandleAsync(string payload, CancellationToken cancellationToken)
        {
            Calls++;
            if (Calls <= failures) throw new InvalidOperationException("flaky handler failed");
            return Task.CompletedTask;
        }
    }

    private sealed class CountingHandler : IOutboxHandler
    {
        public const string MessageType = "test.counting";

        public ConcurrentBag<string> Calls { get; } = [];

        public string Type => MessageType;

        public async Task HandleAsync(string payload, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            Calls.Add(payload);
        }
    }
}
