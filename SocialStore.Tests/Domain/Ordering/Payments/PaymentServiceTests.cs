using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;
using SocialStore.Domain.Ordering;

namespace SocialStore.Tests.Domain.Ordering;

public sealed class PaymentServiceTests
{
    [Fact]
    public async Task Start_Refreshed_ReusesThePendingSession()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync(price: 12.5m, quantity: 2);

        var first = await bed.Payments.StartAsync(order.BuyerId, order.Number, default);
        var again = await bed.Payments.StartAsync(order.BuyerId, order.Number, default);

        Assert.Equal(PayStartKind.Redirect, first.Kind);
        Assert.Equal(first.RedirectUrl, again.RedirectUrl);
        Assert.StartsWith("/sandbox-pay/ss_" + order.Number + ".25.00.CNY.", first.RedirectUrl);
        // The provider gets an absolute return URL on the configured public origin.
        Assert.EndsWith("?return=" + Uri.EscapeDataString("https://shop.example.test/payments/return/" + order.Number), first.RedirectUrl);
        await using var db = await bed.Factory.CreateDbContextAsync();
        var payment = await db.Payments.SingleAsync();
        Assert.Equal((PaymentStatus.Pending, 25m, "CNY", SandboxGateway.Name), (payment.Status, payment.Amount, payment.Currency, payment.Provider));
    }

    [Fact]
    public async Task Start_WithoutAGateway_IsUnavailable_NoPaymentRow()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync();
        var payments = new PaymentService(bed.Factory, new UnavailablePaymentGateway(), new ConfiguredPublicOrigin(PaymentTestBed.Origin), bed.Clock);

        var start = await payments.StartAsync(order.BuyerId, order.Number, default);
        var stranger = await payments.StartAsync("someone-else", order.Number, default);

        Assert.False(payments.IsAvailable);
        Assert.Equal(PayStartKind.Unavailable, start.Kind);
        Assert.Null(start.RedirectUrl);
        Assert.Equal(PayStartKind.NotFound, stranger.Kind);
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Empty(await db.Payments.ToListAsync());
    }

    [Fact]
    public async Task Start_AfterAFailedAttempt_OpensANewSession()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync();
        var first = await bed.StartAsync(order);
        Assert.Equal(CallbackOutcome.Applied, await bed.SendAsync(first, SandboxCallbackBody.Failed));

        Assert.NotEqual(first, await bed.StartAsync(order));
    }

    [Fact]
    public async Task Start_OtherBuyerUnknownOrMalformedNumber_NotFound_PaidOrOverdue_NotPayable()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync();
        var stranger = await bed.OrderAsync();

        Assert.Equal(PayStartKind.NotFound, (await bed.Payments.StartAsync(stranger.BuyerId, order.Number, default)).Kind);
        Assert.Equal(PayStartKind.NotFound, (await bed.Payments.StartAsync(order.BuyerId, "2611220000000000", default)).Kind);
        Assert.Equal(PayStartKind.NotFound, (await bed.Payments.StartAsync(order.BuyerId, "../../etc", default)).Kind);

        bed.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(PayStartKind.NotPayable, (await bed.Payments.StartAsync(order.BuyerId, order.Number, default)).Kind);
        await using var db = await bed.Factory.CreateDbContextAsync();
        Assert.Empty(await db.Payments.ToListAsync());
    }

    [Fact]
    public async Task ReturnState_ComesFromTheDatabase()
    {
        await using var bed = await PaymentTestBed.CreateAsync(DatabaseProvider.Sqlite);
        var order = await bed.OrderAsync();
        Assert.Null((await bed.Payments.GetReturnStateAsync(order.BuyerId, order.Number, default))!.LatestPayment);
        var session = await bed.StartAsync(order);
        Assert.Equal(PaymentStatus.Pending, (await bed.Payments.GetReturnStateAsync(order.BuyerId, order.Number, default))!.LatestPayment);
        await bed.SendAsync(session, SandboxCallbackBody.Succeeded);

        var state = await bed.Payments.GetReturnStateAsync(order.BuyerId, order.Number, default);
        Assert.Equal((OrderStatus.Paid, PaymentStatus.Succeeded), (state!.Status, state.LatestPayment));
        Assert.Null(await bed.Payments.GetReturnStateAsync("someone-else", order.Number, default));
    }
}
