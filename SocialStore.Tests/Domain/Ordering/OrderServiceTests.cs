using Microsoft.Extensions.Time.Testing;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Ordering;
using SocialStore.Domain.Reviews;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Social;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Ordering;

public sealed class OrderServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private sealed record Bed(TestDatabase Db, OrderService Orders, FakeTimeProvider Clock, string BuyerId, string OtherId, ClaimsPrincipal Admin, Product Product);

    private static async Task<Bed> ArrangeAsync(TestDatabase db, int stock = 10)
    {
        var clock = new FakeTimeProvider(Start);
        var buyer = await TestData.UserAsync(db.Factory, "buyer");
        var other = await TestData.UserAsync(db.Factory, "other");
        var admin = await TestData.UserAsync(db.Factory, "admin");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var product = await CatalogTestData.ProductAsync(db.Factory, "T恤", [CatalogTestData.Colour], [new(["红"], 99m, 129m, stock), new(["白"], 89m, 99m, stock)]);
        return new Bed(db, new OrderService(db.Factory, clock), clock, buyer.Id, other.Id, principal, product);
    }

    private static async Task<(Order Order, int[] Stock)> PlaceAsync(Bed bed, int red = 2, int white = 1)
    {
        var order = await OrderTestData.PendingAsync(bed.Db.Factory, bed.BuyerId, [new(bed.Product.Skus[0], red, "T恤"), new(bed.Product.Skus[1], white, "T恤")], at: bed.Clock.GetUtcNow());
        return (order, await StockAsync(bed));
    }

    private static async Task<int[]> StockAsync(Bed bed)
    {
        await using var db = await bed.Db.Factory.CreateDbContextAsync();
        return [.. await db.Skus.Where(s => s.ProductId == bed.Product.Id).OrderBy(s => s.Id).Select(s => s.Stock).ToListAsync(), await db.Products.Where(p => p.Id == bed.Product.Id).Select(p => p.Stock).SingleAsync()];
    }

    private static async Task<Order> LoadAsync(Bed bed, long id)
    {
        await using var db = await bed.Db.Factory.CreateDbContextAsync();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id);
        order.Events.AddRange(await db.OrderEvents.AsNoTracking().Where(e => e.OrderId == id).OrderBy(e => e.Id).ToListAsync());
        return order;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancel_UnpaidOrder_ReturnsStockOnce_EvenWhenSubmittedConcurrently(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var (order, taken) = await PlaceAsync(bed);
        Assert.Equal([8, 9, 17], taken);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try { await bed.Orders.CancelAsync(bed.BuyerId, order.Number, CancellationToken.None); return "ok"; }
            catch (DomainException ex) { return ex.Code; }
        })));

        Assert.Single(attempts, a => a == "ok");
        Assert.All(attempts.Where(a => a != "ok"), a => Assert.Equal(OrderManagementErrors.StateChanged, a));
        Assert.Equal(new[] { 10, 10, 20 }, await StockAsync(bed));
        var stored = await LoadAsync(bed, order.Id);
        Assert.Equal(OrderStatus.Cancelled, stored.Status);
        Assert.Equal((OrderActor.Buyer, bed.BuyerId, Start), (stored.Events[^1].Actor, stored.Events[^1].ActorId, stored.Events[^1].At));
    }

    [Fact]
    public async Task Cancel_PaidOrAnotherBuyersOrMalformed_IsRefusedAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var (order, taken) = await PlaceAsync(bed);
        await OrderTestData.PayAsync(db.Factory, order);

        var paid = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.CancelAsync(bed.BuyerId, order.Number, CancellationToken.None));
        var other = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.CancelAsync(bed.OtherId, order.Number, CancellationToken.None));
        var malformed = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.CancelAsync(bed.BuyerId, "1' OR 1=1", CancellationToken.None));

        Assert.Equal(OrderManagementErrors.StateChanged, paid.Code);
        Assert.Equal(OrderErrors.NotFound, other.Code);
        Assert.Equal(OrderErrors.NotFound, malformed.Code);
        Assert.Equal(taken, await StockAsync(bed));
        Assert.Equal(OrderStatus.Paid, (await LoadAsync(bed, order.Id)).Status);
    }

    [Theory]
    [InlineData("", "SF1234567890", OrderManagementErrors.CarrierInvalid)]
    [InlineData("   ", "SF1234567890", OrderManagementErrors.CarrierInvalid)]
    [InlineData("顺丰速运顺丰速运顺丰速运顺丰速运顺丰速运顺丰速运顺丰速运顺丰速运顺丰速运顺丰速运1", "SF1234567890", OrderManagementErrors.CarrierInvalid)]
    [InlineData("顺丰", "", OrderManagementErrors.TrackingInvalid)]
    [InlineData("顺丰", "SF12", OrderManagementErrors.TrackingInvalid)]
    [InlineData("顺丰", "SF<script>", OrderManagementErrors.TrackingInvalid)]
    [InlineData("顺丰", "=HYPERLINK(1)", OrderManagementErrors.TrackingInvalid)]
    public async Task Ship_InvalidCarrierOrTracking_IsRefusedAndChangesNothing(string carrier, string tracking, string code)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var (order, _) = await PlaceAsync(bed);
        await OrderTestData.PayAsync(db.Factory, order);

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.ShipAsync(bed.Admin, order.Id, carrier, tracking, CancellationToken.None));

        Assert.Equal(code, error.Code);
        var stored = await LoadAsync(bed, order.Id);
        Assert.Equal(OrderStatus.Paid, stored.Status);
        Assert.Null(stored.TrackingNumber);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lifecycle_ShipDeliverConfirm_EveryStepOnTheTimelineWithActorAndTime(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var (order, _) = await PlaceAsync(bed);
        var shopper = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, bed.BuyerId)], "test"));

        var unpaid = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.ShipAsync(bed.Admin, order.Id, "顺丰", "SF1234567890", CancellationToken.None));
        await OrderTestData.PayAsync(db.Factory, order, Start);
        var notAdmin = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.ShipAsync(shopper, order.Id, "顺丰", "SF1234567890", CancellationToken.None));
        bed.Clock.Advance(TimeSpan.FromHours(3));
        await bed.Orders.ShipAsync(bed.Admin, order.Id, " 顺丰 ", "SF 1234 5678 90", CancellationToken.None);
        var twice = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.ShipAsync(bed.Admin, order.Id, "圆通", "YT0000000000", CancellationToken.None));
        var early = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.ConfirmReceiptAsync(bed.BuyerId, order.Number, CancellationToken.None));
        bed.Clock.Advance(TimeSpan.FromDays(2));
        await bed.Orders.MarkDeliveredAsync(bed.Admin, order.Id, CancellationToken.None);
        var deliveredTwice = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.MarkDeliveredAsync(bed.Admin, order.Id, CancellationToken.None));
        var othersConfirm = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.ConfirmReceiptAsync(bed.OtherId, order.Number, CancellationToken.None));
        bed.Clock.Advance(TimeSpan.FromDays(1));
        await bed.Orders.ConfirmReceiptAsync(bed.BuyerId, order.Number, CancellationToken.None);

        Assert.Equal(OrderManagementErrors.StateChanged, unpaid.Code);
        Assert.Equal(OrderManagementErrors.AdminOnly, notAdmin.Code);
        Assert.Equal(OrderManagementErrors.StateChanged, twice.Code);
        Assert.Equal(OrderManagementErrors.StateChanged, early.Code);
        Assert.Equal(OrderManagementErrors.StateChanged, deliveredTwice.Code);
        Assert.Equal(OrderErrors.NotFound, othersConfirm.Code);
        var stored = await LoadAsync(bed, order.Id);
        Assert.Equal(OrderStatus.Completed, stored.Status);
        Assert.Equal(("顺丰", "SF1234567890"), (stored.Carrier, stored.TrackingNumber));
        Assert.Equal(
            [(null, OrderStatus.PendingPayment, OrderActor.Buyer), (OrderStatus.PendingPayment, OrderStatus.Paid, OrderActor.Gateway),
             (OrderStatus.Paid, OrderStatus.Shipped, OrderActor.Admin), (OrderStatus.Shipped, OrderStatus.Delivered, OrderActor.Admin),
             (OrderStatus.Delivered, OrderStatus.Completed, OrderActor.Buyer)],
            stored.Events.Select(e => (e.FromStatus, e.ToStatus, e.Actor)));
        Assert.Equal(Start.AddHours(3), stored.ShippedAt);
        Assert.Equal(Start.AddHours(3).AddDays(2), stored.DeliveredAt);
        Assert.Equal(Start.AddHours(3).AddDays(3), stored.CompletedAt);
        Assert.Equal("顺丰 SF1234567890", stored.Events[2].Note);

        // Delivery wrote one purchase record per line: the buyer may now review each SKU once.
        await using var context = await db.Factory.CreateDbContextAsync();
        var purchases = await context.PurchaseRecords.Where(p => p.UserId == bed.BuyerId).OrderBy(p => p.SkuId).ToListAsync();
        Assert.Equal(bed.Product.Skus.Select(s => s.Id).OrderBy(i => i), purchases.Select(p => p.SkuId));
        Assert.All(purchases, p => Assert.Equal(PurchaseSource.Order, p.Source));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Timers_DeliverAfterNDaysAndCompleteAfterMDays_OnceAcrossRestartsAndConcurrentNodes(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var (order, _) = await PlaceAsync(bed);
        var (refunding, _) = await PlaceAsync(bed, red: 1, white: 0 + 1);
        await OrderTestData.PayAsync(db.Factory, order, Start);
        await OrderTestData.PayAsync(db.Factory, refunding, Start);
        await OrderTestData.ShipAsync(db.Factory, order, Start);
        await OrderTestData.ShipAsync(db.Factory, refunding, Start);
        var options = Options.Create(new OrderTimerOptions { AutoDeliverAfterDays = 10, AutoCompleteAfterDays = 7 });
        OrderTimers Node() => new(db.Factory, bed.Clock, options);

        bed.Clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1));
        Assert.Equal(new OrderTimers.Result(0, 0), await Node().RunDueAsync(CancellationToken.None));

        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        // Three nodes (or a node and its restarted self) tick at the same moment: each order is delivered once.
        var ticks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Node().RunDueAsync(CancellationToken.None))));
        Assert.Equal(2, ticks.Sum(t => t.Delivered));

        // A refund request is open on the second order: it does not complete while that is pending.
        await using (var context = await db.Factory.CreateDbContextAsync())
            await context.OrderLines.Where(l => l.OrderId == refunding.Id).Take(1).ExecuteUpdateAsync(s => s.SetProperty(l => l.RefundState, RefundState.Requested));
        bed.Clock.Advance(TimeSpan.FromDays(7));
        var completed = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Node().RunDueAsync(CancellationToken.None))));
        Assert.Equal(1, completed.Sum(t => t.Completed));
        Assert.Equal(new OrderTimers.Result(0, 0), await Node().RunDueAsync(CancellationToken.None));

        var stored = await LoadAsync(bed, order.Id);
        Assert.Equal(OrderStatus.Completed, stored.Status);
        Assert.Equal(Start.AddDays(10), stored.DeliveredAt);
        Assert.Equal(Start.AddDays(17), stored.CompletedAt);
        Assert.Equal([OrderActor.System, OrderActor.System], stored.Events.Where(e => e.ToStatus is OrderStatus.Delivered or OrderStatus.Completed).Select(e => e.Actor));
        Assert.Equal(OrderStatus.Delivered, (await LoadAsync(bed, refunding.Id)).Status);
        await using var check = await db.Factory.CreateDbContextAsync();
        // Two lines per order, each delivered exactly once.
        Assert.Equal(4, await check.PurchaseRecords.CountAsync(p => p.UserId == bed.BuyerId && p.Source == PurchaseSource.Order));
    }

    [Fact]
    public async Task Timers_Worker_RunsOnItsOwnClock()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var (order, _) = await PlaceAsync(bed);
        await OrderTestData.PayAsync(db.Factory, order, Start);
        await OrderTestData.ShipAsync(db.Factory, order, Start);
        bed.Clock.Advance(TimeSpan.FromDays(11));
        var options = Options.Create(new OrderTimerOptions { TimerIntervalSeconds = 1 });
        var services = new ServiceCollection()
            .AddSingleton(new OrderTimers(db.Factory, bed.Clock, options)).BuildServiceProvider();
        using var worker = new OrderTimersWorker(services, TimeProvider.System, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<OrderTimersWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        for (var i = 0; i < 50 && (await LoadAsync(bed, order.Id)).Status != OrderStatus.Delivered; i++) await Task.Delay(100);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(OrderStatus.Delivered, (await LoadAsync(bed, order.Id)).Status);
    }

    [Fact]
    public async Task ConfirmReceipt_WhileARefundRequestIsOpen_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var (order, _) = await PlaceAsync(bed);
        await OrderTestData.PayAsync(db.Factory, order);
        await OrderTestData.ShipAsync(db.Factory, order);
        await OrderTestData.DeliverAsync(db.Factory, order);
        await using (var context = await db.Factory.CreateDbContextAsync())
            await context.OrderLines.Where(l => l.Id == order.Lines[0].Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.RefundState, RefundState.Requested));

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Orders.ConfirmReceiptAsync(bed.BuyerId, order.Number, CancellationToken.None));

        Assert.Equal(OrderManagementErrors.RefundPending, error.Code);
        Assert.Equal(OrderStatus.Delivered, (await LoadAsync(bed, order.Id)).Status);
    }
}
