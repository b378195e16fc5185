using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialStore.Domain.Catalog;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;
using SocialStore.Domain.Media;
using SocialStore.Domain.Ordering;
using SocialStore.Tests.Domain.Catalog;
using SocialStore.Tests.Domain.Media;
using SocialStore.Tests.Infrastructure;

namespace SocialStore.Tests.Domain.Ordering;

public sealed class RefundServiceTests : IDisposable
{
    private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "socialstore-refund-media", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(mediaRoot)) Directory.Delete(mediaRoot, recursive: true);
    }

    /// <summary>The sandbox, counting how often it is asked and which refunds it issued.</summary>
    private sealed class CountingGateway : IPaymentGateway
    {
        public int Calls;
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, decimal> Refunds = new();

        public string Provider => SandboxGateway.Name;

        public Task<PaymentSession> CreateSessionAsync(PaymentSessionRequest request, CancellationToken cancellationToken) =>
            OrderTestData.Gateway.CreateSessionAsync(request, cancellationToken);

        public async Task<GatewayRefund> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            var refund = await OrderTestData.Gateway.RefundAsync(request, cancellationToken);
            Refunds[refund.RefundId] = refund.Amount;
            return refund;
        }
    }

    private sealed record Bed(TestDatabase Db, RefundService Refunds, CountingGateway Gateway, string BuyerId, string OtherId, ClaimsPrincipal Admin, Product Product);

    private async Task<Bed> ArrangeAsync(TestDatabase db)
    {
        var gateway = new CountingGateway();
        var pipeline = new ImagePipeline(new LocalMediaStore(mediaRoot), TimeProvider.System, Options.Create(new MediaOptions()), NullLogger<ImagePipeline>.Instance);
        var buyer = await TestData.UserAsync(db.Factory, "buyer");
        var other = await TestData.UserAsync(db.Factory, "other");
        var admin = await TestData.UserAsync(db.Factory, "admin");
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        // Prices that do not divide evenly: ¥10 shipping spreads as 3.75 / 6.25 (subtotals 29.90 and 49.83 → weights).
        var product = await CatalogTestData.ProductAsync(db.Factory, "T恤", [CatalogTestData.Colour], [new(["红"], 29.9m, 39m, 10), new(["白"], 16.61m, 20m, 10)]);
        return new Bed(db, new RefundService(db.Factory, gateway, pipeline, TimeProvider.System), gateway, buyer.Id, other.Id, principal, product);
    }

    private static async Task<Order> PaidAsync(Bed bed)
    {
        var order = await OrderTestData.PendingAsync(bed.Db.Factory, bed.BuyerId, [new(bed.Product.Skus[0], 1, "红T恤"), new(bed.Product.Skus[1], 3, "白T恤")]);
        await OrderTestData.PayAsync(bed.Db.Factory, order);
        return order;
    }

    private static async Task<(Order Order, List<OrderLine> Lines, int[] Stock)> StateAsync(Bed bed, long orderId)
    {
        await using var db = await bed.Db.Factory.CreateDbContextAsync();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.OrderId == orderId).OrderBy(l => l.Id).ToListAsync();
        var stock = await db.Skus.Where(s => s.ProductId == bed.Product.Id).OrderBy(s => s.Id).Select(s => s.Stock).ToListAsync();
        return (order, lines, [.. stock]);
    }

    [Fact]
    public void Arrangement_LinePayablesIncludeTheirShareOfShipping_AndAddUpToTheTotal()
    {
        var shares = PriceAllocation.Spread(10m, [29.9m, 49.83m]);
        Assert.Equal([3.75m, 6.25m], shares);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApprovePaidLine_RefundsThroughTheGatewayOnce_RestocksAndRecordsToTheFen(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var order = await PaidAsync(bed);
        var white = order.Lines[1];
        Assert.Equal(49.83m + 6.25m, white.Payable);

        var request = await bed.Refunds.RequestAsync(bed.BuyerId, order.Number, white.Id, null, "尺码不合适", [], CancellationToken.None);
        // The admin clicks approve three times at once and once more later: one gateway refund, one record, stock back once.
        var decisions = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => bed.Refunds.ApproveAsync(bed.Admin, request, false, CancellationToken.None))));
        var later = await bed.Refunds.ApproveAsync(bed.Admin, request, false, CancellationToken.None);

        Assert.Single(decisions, d => !d.AlreadyDone);
        Assert.True(later.AlreadyDone);
        Assert.Single(bed.Gateway.Refunds);
        Assert.Equal(56.08m, bed.Gateway.Refunds.Values.Single());
        var (stored, lines, stock) = await StateAsync(bed, order.Id);
        Assert.Equal(56.08m, stored.RefundedAmount);
        Assert.Equal((56.08m, RefundState.Refunded), (lines[1].RefundedAmount, lines[1].RefundState));
        Assert.Equal((0m, RefundState.None), (lines[0].RefundedAmount, lines[0].RefundState));
        Assert.Equal([9, 10], stock); // the white shirts never left: back on the shelf
        Assert.Equal(OrderStatus.Paid, stored.Status);
        await using var context = await db.Factory.CreateDbContextAsync();
        var saved = await context.RefundRequests.SingleAsync();
        Assert.Equal((RefundRequestStatus.Refunded, true), (saved.Status, saved.Restocked));
        Assert.Equal(bed.Gateway.Refunds.Keys.Single(), saved.GatewayRefundId);
        Assert.Contains(await context.OrderEvents.Where(e => e.OrderId == order.Id).Select(e => e.Note).ToListAsync(), n => n != null && n.StartsWith("refund-approved|56.08|"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Request_SecondRequestOnTheSameLine_IsRefused_EvenConcurrently(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var order = await PaidAsync(bed);
        var line = order.Lines[0].Id;

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try { await bed.Refunds.RequestAsync(bed.BuyerId, order.Number, line, 1m + i, "不想要了", [], CancellationToken.None); return "ok"; }
            catch (DomainException ex) { return ex.Code; }
        })));

        Assert.Single(attempts, a => a == "ok");
        Assert.All(attempts.Where(a => a != "ok"), a => Assert.Equal(OrderErrors.RefundExists, a));
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(1, await context.RefundRequests.CountAsync());

        // Rejected: the buyer may ask again; after a refund, never again.
        var request = await context.RefundRequests.Select(r => r.Id).SingleAsync();
        var noReason = await Assert.ThrowsAsync<DomainException>(() => bed.Refunds.RejectAsync(bed.Admin, request, " ", CancellationToken.None));
        await bed.Refunds.RejectAsync(bed.Admin, request, "请先联系客服", CancellationToken.None);
        var approveRejected = await Assert.ThrowsAsync<DomainException>(() => bed.Refunds.ApproveAsync(bed.Admin, request, false, CancellationToken.None));
        var again = await bed.Refunds.RequestAsync(bed.BuyerId, order.Number, line, 5m, "还是想退", [], CancellationToken.None);
        await bed.Refunds.ApproveAsync(bed.Admin, again, false, CancellationToken.None);
        var third = await Assert.ThrowsAsync<DomainException>(() => bed.Refunds.RequestAsync(bed.BuyerId, order.Number, line, 1m, "再退一点", [], CancellationToken.None));

        Assert.Equal(OrderManagementErrors.RejectReasonInvalid, noReason.Code);
        Assert.Equal(OrderManagementErrors.RefundDecided, approveRejected.Code);
        Assert.Equal(OrderErrors.RefundExists, third.Code);
        var (_, lines, _) = await StateAsync(bed, order.Id);
        Assert.Equal((5m, RefundState.Refunded), (lines[0].RefundedAmount, lines[0].RefundState));
    }

    [Theory]
    [InlineData("33.66", OrderErrors.RefundTooLarge)] // the red line cost 29.90 + 3.75 = 33.65
    [InlineData("1000", OrderErrors.RefundTooLarge)]
    [InlineData("0", OrderManagementErrors.RefundAmountInvalid)]
    [InlineData("-1", OrderManagementErrors.RefundAmountInvalid)]
    [InlineData("1.005", OrderManagementErrors.RefundAmountInvalid)]
    public async Task Request_MoreThanPaidOrNonsenseAmount_IsRefusedAndChangesNothing(string amount, string code)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var order = await PaidAsync(bed);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            bed.Refunds.RequestAsync(bed.BuyerId, order.Number, order.Lines[0].Id, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "太贵", [], CancellationToken.None));

        Assert.Equal(code, error.Code);
        var (_, lines, _) = await StateAsync(bed, order.Id);
        Assert.All(lines, l => Assert.Equal(RefundState.None, l.RefundState));
        await using var context = await db.Factory.CreateDbContextAsync();
        Assert.Equal(0, await context.RefundRequests.CountAsync());
    }

    [Fact]
    public async Task Request_BadReasonPhotosOrder_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var order = await PaidAsync(bed);
        var unpaid = await OrderTestData.PendingAsync(db.Factory, bed.BuyerId, [new(bed.Product.Skus[0], 1)]);
        var line = order.Lines[0].Id;
        Task<long> Request(string buyer, string number, long lineId, string reason, int photos = 0) =>
            bed.Refunds.RequestAsync(buyer, number, lineId, null, reason, [.. Enumerable.Range(0, photos).Select(_ => (Stream)new MemoryStream(TestImages.Solid(40, 40, ".png")))], CancellationToken.None);

        Assert.Equal(OrderManagementErrors.RefundReasonInvalid, (await Assert.ThrowsAsync<DomainException>(() => Request(bed.BuyerId, order.Number, line, "  "))).Code);
        Assert.Equal(OrderManagementErrors.RefundReasonInvalid, (await Assert.ThrowsAsync<DomainException>(() => Request(bed.BuyerId, order.Number, line, new string('长', RefundRequest.ReasonMaxLength + 1)))).Code);
        Assert.Equal(OrderManagementErrors.RefundTooManyPhotos, (await Assert.ThrowsAsync<DomainException>(() => Request(bed.BuyerId, order.Number, line, "坏了", 4))).Code);
        Assert.Equal(OrderErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => Request(bed.OtherId, order.Number, line, "坏了"))).Code);
        Assert.Equal(OrderErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => Request(bed.BuyerId, order.Number, unpaid.Lines[0].Id, "坏了"))).Code);
        Assert.Equal(OrderErrors.RefundNotAllowed, (await Assert.ThrowsAsync<DomainException>(() => Request(bed.BuyerId, unpaid.Number, unpaid.Lines[0].Id, "坏了"))).Code);
        await using (var context = await db.Factory.CreateDbContextAsync())
            Assert.Equal(0, await context.RefundRequests.CountAsync());

        // Three photos go through the image pipeline and are kept with the request.
        var id = await Request(bed.BuyerId, order.Number, line, "破了个洞", 3);
        await using var check = await db.Factory.CreateDbContextAsync();
        Assert.Equal(3, (await check.RefundRequests.SingleAsync(r => r.Id == id)).PhotoKeys.Split('|').Length);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeliveredOrder_PartialRefundsOfEveryLine_AddUpToTheTotal_ThenTheOrderIsCancelled(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bed = await ArrangeAsync(db);
        var order = await PaidAsync(bed);
        await OrderTestData.ShipAsync(db.Factory, order);
        await OrderTestData.DeliverAsync(db.Factory, order);
        var shopper = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, bed.BuyerId)], "test"));

        // Red: refunded in full without a return (stock stays out); white: the goods come back (stock returns).
        var red = await bed.Refunds.RequestAsync(bed.BuyerId, order.Number, order.Lines[0].Id, null, "没收到", [], CancellationToken.None);
        var white = await bed.Refunds.RequestAsync(bed.BuyerId, order.Number, order.Lines[1].Id, 56.08m, "退货", [], CancellationToken.None);
        var notAdmin = await Assert.ThrowsAsync<DomainException>(() => bed.Refunds.ApproveAsync(shopper, red, false, CancellationToken.None));
        var first = await bed.Refunds.ApproveAsync(bed.Admin, red, goodsReturned: false, CancellationToken.None);
        var (afterFirst, _, stockAfterFirst) = await StateAsync(bed, order.Id);
        var second = await bed.Refunds.ApproveAsync(bed.Admin, white, goodsReturned: true, CancellationToken.None);

        Assert.Equal(OrderManagementErrors.AdminOnly, notAdmin.Code);
        Assert.Equal(OrderStatus.Delivered, afterFirst.Status);
        Assert.Equal([9, 7], stockAfterFirst);
        Assert.False(first.Restocked);
        Assert.True(second.Restocked);
        Assert.True(second.OrderCancelled);
        var (stored, lines, stock) = await StateAsync(bed, order.Id);
        Assert.Equal(stored.Total, stored.RefundedAmount);
        Assert.Equal(33.65m + 56.08m, stored.RefundedAmount);
        Assert.Equal(stored.Total, bed.Gateway.Refunds.Values.Sum());
        Assert.All(lines, l => Assert.Equal(l.Payable, l.RefundedAmount));
        Assert.Equal(OrderStatus.Cancelled, stored.Status);
        Assert.Equal([9, 10], stock);
        await using var context = await db.Factory.CreateDbContextAsync();
        var last = await context.OrderEvents.Where(e => e.OrderId == order.Id).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((OrderStatus.Delivered, OrderStatus.Cancelled, OrderActor.System), (last.FromStatus, last.ToStatus, last.Actor));
    }

    [Fact]
    public async Task Approve_WithoutASucceededPayment_IsRefusedAndNothingIsRefunded()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = await ArrangeAsync(db);
        var order = await PaidAsync(bed);
        var request = await bed.Refunds.RequestAsync(bed.BuyerId, order.Number, order.Lines[0].Id, null, "坏了", [], CancellationToken.None);
        await using (var context = await db.Factory.CreateDbContextAsync())
            await context.Payments.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Failed));

        var error = await Assert.ThrowsAsync<DomainException>(() => bed.Refunds.ApproveAsync(bed.Admin, request, false, CancellationToken.None));

        Assert.Equal(OrderManagementErrors.PaymentMissing, error.Code);
        Assert.Equal(0, bed.Gateway.Calls);
        var (stored, _, _) = await StateAsync(bed, order.Id);
        Assert.Equal(0m, stored.RefundedAmount);
    }
}
