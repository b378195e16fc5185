using SocialStore.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Ordering;

public sealed class PaymentCallbackTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Callback_TenConcurrentIdenticalDeliveries_AppliedExactlyOnce(DatabaseProvider provider)
    {
        await using var bed = await PaymentTestBed.CreateAsync(provider);
        var order = await bed.OrderAsync();
        var session = await bed.StartAsync(order);
        var (body, signature) = bed.Callback(session, SandboxCallbackBody.Succeeded, callbackId: "cb_same");

        using var gate = new Barrier(10);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            gate.SignalAndWait();
            return await bed.Callbacks.HandleSandboxAsync(body, signature, "127.0.0.1", default);
        })));

        Assert.Single(outcomes, o => o == CallbackOutcome.Applied);
        Assert.All(outcomes.Where(o => o != CallbackOutcome.Applied), o => Assert.Equal(CallbackOutcome.AlreadyProcessed, o));
        var after = await bed.SnapshotAsync(order);
        Assert.Equal(OrderStatus.Paid, after.Status);
        Assert.Equal("Succeeded", after.Payments);
        Assert.Equal(1, after.Callbacks);
        Assert.Equal(2, after.Events); // placed + paid
        Assert.Equal(1, after.StatusMessages);
        await using var db = await bed.Factory.CreateDbContextAsync();
        var paid = await db.OrderEvents.SingleAsync(e => e.OrderId == order.Id && e.ToStatus == OrderStatus.Paid);
        Assert.Equal(OrderActor.Gateway, paid.Actor);
        Assert.Equal(bed.Sandbox.TransactionIdFor(session), (await db.Payments.SingleAsync()).TransactionId);
        Assert.Empty(await db.PaymentIncidents.ToListAsync());
    }

    [Fact]
    public async Task Callback_BadSignature_RecordsIncidentAndChangesNothing()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync();
        var session = await bed.StartAsync(order);
        var before = await bed.SnapshotAsync(order);
        var (body, signature) = bed.Callback(session, SandboxCallbackBody.Succeeded);

        Assert.Equal(CallbackOutcome.BadSignature, await bed.Callbacks.HandleSandboxAsync(body, new string('0', 64), "10.0.0.9", default));
        Assert.Equal(CallbackOutcome.BadSignature, await bed.Callbacks.HandleSandboxAsync(body, null, "10.0.0.9", default));
        // A body changed after signing (a bigger amount, a different session) fails the same check.
        Assert.Equal(CallbackOutcome.BadSignature, await bed.Callbacks.HandleSandboxAsync(body.Replace("\"amount\":", "\"amount\":1"), signature, "10.0.0.9", default));

        Assert.Equal(before, await bed.SnapshotAsync(order));
        await using var db = await bed.Factory.CreateDbContextAsync();
        var incidents = await db.PaymentIncidents.ToListAsync();
        Assert.Equal(3, incidents.Count);
        Assert.All(incidents, i => Assert.Equal(PaymentIncidentKind.BadSignature, i.Kind));
        Assert.All(incidents, i => Assert.Equal("10.0.0.9", i.RemoteAddress));
        Assert.Contains(incidents, i => i.Body.Contains(session));
    }

    [Fact]
    public async Task Callback_UnknownSessionWrongAmountWrongCurrencyMalformed_IncidentAndNoChange()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync(price: 50m, quantity: 1);
        var session = await bed.StartAsync(order);
        var before = await bed.SnapshotAsync(order);

        // Signed by the sandbox, but for a session this shop never started.
        var stranger = (await bed.Sandbox.CreateSessionAsync(new PaymentSessionRequest("2611229999999999", 50m, "CNY", "/"), default)).SessionId;
        Assert.Equal(CallbackOutcome.UnknownSession, await bed.SendAsync(stranger, SandboxCallbackBody.Succeeded));
        Assert.Equal(CallbackOutcome.AmountMismatch, await bed.SendAsync(session, SandboxCallbackBody.Succeeded, amount: 0.01m));
        var (usd, usdSignature) = bed.Callback(session, SandboxCallbackBody.Succeeded, currency: "USD");
        Assert.Equal(CallbackOutcome.AmountMismatch, await bed.Callbacks.HandleSandboxAsync(usd, usdSignature, null, default));
        const string junk = "{\"callbackId\":\"x\",\"event\":\"refunded\"}";
        Assert.Equal(CallbackOutcome.Malformed, await bed.Callbacks.HandleSandboxAsync(junk, bed.Sandbox.Sign(junk), null, default));

        Assert.Equal(before, await bed.SnapshotAsync(order));
        await using var db = await bed.Factory.CreateDbContextAsync();
        var kinds = await db.PaymentIncidents.OrderBy(i => i.Id).Select(i => i.Kind).ToListAsync();
        Assert.Equal([PaymentIncidentKind.UnknownSession, PaymentIncidentKind.AmountMismatch, PaymentIncidentKind.AmountMismatch, PaymentIncidentKind.Malformed], kinds);
        Assert.Contains("expected 50.00 CNY, got 0.01 CNY", (await db.PaymentIncidents.OrderBy(i => i.Id).Skip(1).FirstAsync()).Detail);
    }

    [Fact]
    public async Task Callback_FailedOrCancelledAfterSucceeded_IsStaleAndChangesNothing()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync();
        var session = await bed.StartAsync(order);
        Assert.Equal(CallbackOutcome.Applied, await bed.SendAsync(session, SandboxCallbackBody.Succeeded));
        var paid = await bed.SnapshotAsync(order);

        Assert.Equal(CallbackOutcome.Stale, await bed.SendAsync(session, SandboxCallbackBody.Failed));
        Assert.Equal(CallbackOutcome.Stale, await bed.SendAsync(session, SandboxCallbackBody.Cancelled));

        var after = await bed.SnapshotAsync(order);
        Assert.Equal(OrderStatus.Paid, after.Status);
        Assert.Equal("Succeeded", after.Payments);
        Assert.Equal(paid.Events, after.Events);
        Assert.Equal(paid.StatusMessages, after.StatusMessages);
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.PaymentIncidents.CountAsync(i => i.Kind == PaymentIncidentKind.Stale));
    }

    [Fact]
    public async Task Callback_FailedThenSucceeded_ThePaymentWins()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync();
        var session = await bed.StartAsync(order);

        Assert.Equal(CallbackOutcome.Applied, await bed.SendAsync(session, SandboxCallbackBody.Failed));
        var failed = await bed.SnapshotAsync(order);
        Assert.Equal(OrderStatus.PendingPayment, failed.Status);
        Assert.Equal("Failed", failed.Payments);

        // The shopper tried again on the same hosted page, and this time the money was taken.
        Assert.Equal(CallbackOutcome.Applied, await bed.SendAsync(session, SandboxCallbackBody.Succeeded));
        var after = await bed.SnapshotAsync(order);
        Assert.Equal(OrderStatus.Paid, after.Status);
        Assert.Equal("Succeeded", after.Payments);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Callback_SecondSucceededWithAnotherCallbackId_AppliesNothing(DatabaseProvider provider)
    {
        await using var bed = await PaymentTestBed.CreateAsync(provider);
        var order = await bed.OrderAsync();
        var session = await bed.StartAsync(order);

        var outcomes = await Task.WhenAll(
            Task.Run(() => bed.SendAsync(session, SandboxCallbackBody.Succeeded, callbackId: "cb_first")),
            Task.Run(() => bed.SendAsync(session, SandboxCallbackBody.Succeeded, callbackId: "cb_second")));

        Assert.Single(outcomes, o => o == CallbackOutcome.Applied);
        Assert.Single(outcomes, o => o == CallbackOutcome.Ignored);
        var after = await bed.SnapshotAsync(order);
        Assert.Equal(OrderStatus.Paid, after.Status);
        Assert.Equal(2, after.Events);
        Assert.Equal(1, after.StatusMessages);
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Empty(await db.OutboxMessages.Where(m => m.Type == PaymentAutoRefundHandler.MessageType).ToListAsync());
    }

    [Fact]
    public async Task Callback_SucceededForAnOrderCancelledByTheTimeout_StaleAndRefundedAutomatically()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync(quantity: 3, stock: 10);
        var session = await bed.StartAsync(order);
        bed.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await bed.Sweeper.SweepAsync(default));

        Assert.Equal(CallbackOutcome.Stale, await bed.SendAsync(session, SandboxCallbackBody.Succeeded));

        var after = await bed.SnapshotAsync(order);
        Assert.Equal(OrderStatus.Cancelled, after.Status);
        Assert.Equal(10, after.SkuStock); // returned once, and not taken again
        Assert.Equal("Succeeded", after.Payments);
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            var incident = await db.PaymentIncidents.SingleAsync();
            Assert.Equal(PaymentIncidentKind.Stale, incident.Kind);
            Assert.Contains("Cancelled", incident.Detail);
            Assert.Contains("queued", incident.Detail);
        }

        // The outbox gives the money back through the gateway (idempotent: a second run refunds the same id).
        await bed.Dispatcher.DispatchDueAsync(default);
        await using (var db = await bed.Factory.CreateDbContextAsync())
        {
            var incident = await db.PaymentIncidents.SingleAsync();
            var payment = await db.Payments.SingleAsync();
            var refund = await bed.Sandbox.RefundAsync(
                new GatewayRefundRequest(payment.TransactionId!, payment.Amount, "CNY", PaymentAutoRefundHandler.IdempotencyKey(payment.Id)), default);
            Assert.Contains("refunded automatically, " + refund.RefundId, incident.Detail);
            Assert.Contains("179.70 CNY", incident.Detail);
            Assert.All(await db.OutboxMessages.ToListAsync(), m => Assert.NotNull(m.ProcessedAt));
        }
    }

    [Fact]
    public async Task Callback_SucceededForAnOrderAlreadyPaidThroughAnotherSession_RefundsTheSecondPayment()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync();
        var first = await bed.StartAsync(order);
        // Two tabs: the first session failed, so "pay" opened a second one; then both report success.
        Assert.Equal(CallbackOutcome.Applied, await bed.SendAsync(first, SandboxCallbackBody.Failed));
        var second = await bed.StartAsync(order);
        Assert.NotEqual(first, second);
        Assert.Equal(CallbackOutcome.Applied, await bed.SendAsync(second, SandboxCallbackBody.Succeeded));
        Assert.Equal(CallbackOutcome.Stale, await bed.SendAsync(first, SandboxCallbackBody.Succeeded));

        var after = await bed.SnapshotAsync(order);
        Assert.Equal(OrderStatus.Paid, after.Status);
        Assert.Equal(2, after.Events);
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Type == PaymentAutoRefundHandler.MessageType));
    }
}
