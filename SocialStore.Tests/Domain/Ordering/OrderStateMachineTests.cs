using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Ordering;

public sealed class OrderStateMachineTests
{
    /// <summary>The lifecycle as the issue states it, written out independently of the table under test.</summary>
    private static readonly HashSet<(OrderStatus From, OrderStatus To, OrderActor Actor)> Expected =
    [
        (OrderStatus.PendingPayment, OrderStatus.Paid, OrderActor.Gateway),
        (OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderActor.Buyer),
        (OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderActor.Admin),
        (OrderStatus.PendingPayment, OrderStatus.Cancelled, OrderActor.System),
        (OrderStatus.Paid, OrderStatus.Shipped, OrderActor.Admin),
        (OrderStatus.Paid, OrderStatus.Cancelled, OrderActor.Admin),
        (OrderStatus.Paid, OrderStatus.Cancelled, OrderActor.System),
        (OrderStatus.Shipped, OrderStatus.Delivered, OrderActor.Admin),
        (OrderStatus.Shipped, OrderStatus.Delivered, OrderActor.System),
        (OrderStatus.Delivered, OrderStatus.Completed, OrderActor.Buyer),
        (OrderStatus.Delivered, OrderStatus.Completed, OrderActor.System),
        (OrderStatus.Delivered, OrderStatus.Cancelled, OrderActor.System),
    ];

    public static TheoryData<OrderStatus, OrderStatus, OrderActor> Allowed()
    {
        var data = new TheoryData<OrderStatus, OrderStatus, OrderActor>();
        foreach (var (from, to, actor) in Expected) data.Add(from, to, actor);
        return data;
    }

    public static TheoryData<OrderStatus, OrderStatus, OrderActor> Forbidden()
    {
        var data = new TheoryData<OrderStatus, OrderStatus, OrderActor>();
        foreach (var from in Enum.GetValues<OrderStatus>())
            foreach (var to in Enum.GetValues<OrderStatus>())
                foreach (var actor in Enum.GetValues<OrderActor>())
                    if (!Expected.Contains((from, to, actor))) data.Add(from, to, actor);
        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void CanMove_AllowedTransition_IsAllowed(OrderStatus from, OrderStatus to, OrderActor actor)
    {
        Assert.True(OrderStateMachine.CanMove(from, to, actor));
        OrderStateMachine.EnsureCanMove(from, to, actor);
        Assert.Contains(to, OrderStateMachine.Next(from, actor));
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void CanMove_ForbiddenTransition_IsRefused(OrderStatus from, OrderStatus to, OrderActor actor)
    {
        Assert.False(OrderStateMachine.CanMove(from, to, actor));
        var error = Assert.Throws<DomainException>(() => OrderStateMachine.EnsureCanMove(from, to, actor));
        Assert.Equal(OrderErrors.TransitionNotAllowed, error.Code);
        Assert.DoesNotContain(to, OrderStateMachine.Next(from, actor));
    }

    [Fact]
    public void Table_CoversEveryCombination()
    {
        var all = Enum.GetValues<OrderStatus>().Length * Enum.GetValues<OrderStatus>().Length * Enum.GetValues<OrderActor>().Length;
        Assert.Equal(all, Allowed().Count() + Forbidden().Count());
        Assert.Equal(Expected.Count, Allowed().Count());
    }

    [Fact]
    public void FinalStatuses_HaveNoWayOut()
    {
        foreach (var actor in Enum.GetValues<OrderActor>())
        {
            Assert.Empty(OrderStateMachine.Next(OrderStatus.Completed, actor));
            Assert.Empty(OrderStateMachine.Next(OrderStatus.Cancelled, actor));
        }
        Assert.True(OrderStateMachine.IsFinal(OrderStatus.Completed));
        Assert.True(OrderStateMachine.IsFinal(OrderStatus.Cancelled));
        Assert.False(OrderStateMachine.IsFinal(OrderStatus.Delivered));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TryMove_TwoConcurrentMovesFromTheSameStatus_ExactlyOneWins(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var buyer = await TestData.UserAsync(db.Factory, "buyer");
        var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 50m, stock: 20);
        var order = await OrderTestData.PendingAsync(db.Factory, buyer.Id, [new(product.Skus[0], 1)]);
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

        // The gateway pays while the buyer cancels, ten times each, all at once: only one move can leave PendingPayment.
        var moves = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            var (to, actor) = i % 2 == 0 ? (OrderStatus.Paid, OrderActor.Gateway) : (OrderStatus.Cancelled, OrderActor.Buyer);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await using var context = await db.Factory.CreateDbContextAsync();
                    await using var transaction = await context.Database.BeginTransactionAsync();
                    var moved = await OrderTransitions.TryMoveAsync(context, order.Id, OrderStatus.PendingPayment, to, actor, null, null, now, CancellationToken.None);
                    await transaction.CommitAsync();
                    return moved;
                }
                catch (Exception ex) when (attempt < 20 && DbErrors.IsTransient(ex))
                {
                    await Task.Delay(10 * (attempt + 1));
                }
            }
        })).ToList();
        var results = await Task.WhenAll(moves);

        Assert.Single(results, r => r);
        await using var check = await db.Factory.CreateDbContextAsync();
        var stored = await check.Orders.SingleAsync(o => o.Id == order.Id);
        var events = await check.OrderEvents.Where(e => e.OrderId == order.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, events.Count); // created + the one winning move
        Assert.Equal(stored.Status, events[1].ToStatus);
        Assert.Equal(OrderStatus.PendingPayment, events[1].FromStatus);
        Assert.Single(await check.OutboxMessages.Where(m => m.Type == OrderTransitions.StatusChangedMessage).ToListAsync());
        Assert.True(stored.Status == OrderStatus.Paid ? stored.PaidAt == now : stored.CancelledAt == now);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TryMove_FromAStatusTheOrderIsNotIn_ChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var buyer = await TestData.UserAsync(db.Factory, "buyer");
        var product = await CatalogTestData.SimpleAsync(db.Factory, "面霜", 50m);
        var order = await OrderTestData.PendingAsync(db.Factory, buyer.Id, [new(product.Skus[0], 1)]);

        await using var context = await db.Factory.CreateDbContextAsync();
        var moved = await OrderTransitions.TryMoveAsync(context, order.Id, OrderStatus.Paid, OrderStatus.Shipped, OrderActor.Admin, null, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var forbidden = await Assert.ThrowsAsync<DomainException>(() =>
            OrderTransitions.TryMoveAsync(context, order.Id, OrderStatus.PendingPayment, OrderStatus.Shipped, OrderActor.Admin, null, null, DateTimeOffset.UtcNow, CancellationToken.None));

        Assert.False(moved);
        Assert.Equal(OrderErrors.TransitionNotAllowed, forbidden.Code);
        Assert.Equal(OrderStatus.PendingPayment, (await context.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id)).Status);
        Assert.Equal(1, await context.OrderEvents.CountAsync(e => e.OrderId == order.Id));
    }
}
