using Microsoft.EntityFrameworkCore;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

public enum PayStartKind
{
    /// <summary>No such order for this buyer (another person's number looks the same: 404, not 403).</summary>
    NotFound,

    /// <summary>The order is no longer waiting for money (paid, cancelled, or past its pay-by time).</summary>
    NotPayable,

    /// <summary>Send the shopper to <see cref="PayStart.RedirectUrl"/>, the provider's hosted page.</summary>
    Redirect,

    /// <summary>No payment gateway is configured: online payment is not available (the order stays unpaid).</summary>
    Unavailable,
}

public sealed record PayStart(PayStartKind Kind, string? RedirectUrl = null);

/// <summary>What the return page shows, read from the database (never from the query string).</summary>
public sealed record PaymentReturnState(
    string Number, OrderStatus Status, decimal Total, string Currency, DateTimeOffset PayBy, PaymentStatus? LatestPayment);

/// <summary>
/// Starting a payment: one <see cref="Payment"/> row per hosted session, and a refreshed "pay" click goes
/// back to the latest pending session of the order instead of opening another. The return URL handed to the
/// provider is absolute, on the configured public origin (never the request's Host).
/// </summary>
public sealed class PaymentService(IDbContextFactory<SocialStoreDbContext> dbFactory, IPaymentGateway gateway, IPublicOrigin origin, TimeProvider clock)
{
    /// <summary>Where the provider sends the shopper back; the page reads the order's state from the database.</summary>
    public static string ReturnPath(string number) => $"/payments/return/{number}";

    /// <summary>False when no gateway is configured (<see cref="UnavailablePaymentGateway"/>): the shop says so instead of offering to pay.</summary>
    public bool IsAvailable => gateway is not UnavailablePaymentGateway;

    /// <summary>The absolute return URL given to the provider.</summary>
    public string ReturnUrl(string number) => new Uri(origin.Origin, ReturnPath(number)).AbsoluteUri;

    public async Task<PayStart> StartAsync(string buyerId, string number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(buyerId) || !OrderNumbers.IsWellFormed(number)) return new PayStart(PayStartKind.NotFound);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking()
            .Where(o => o.Number == number && o.BuyerId == buyerId)
            .Select(o => new { o.Id, o.Status, o.PayBy, o.Total, o.Currency })
            .FirstOrDefaultAsync(cancellationToken);
        if (order is null) return new PayStart(PayStartKind.NotFound);
        var now = clock.GetUtcNow();
        if (order.Status != OrderStatus.PendingPayment || now >= order.PayBy) return new PayStart(PayStartKind.NotPayable);
        if (!IsAvailable) return new PayStart(PayStartKind.Unavailable);

        var returnUrl = ReturnUrl(number);
        var pending = await db.Payments.AsNoTracking()
            .Where(p => p.OrderId == order.Id && p.Provider == gateway.Provider && p.Status == PaymentStatus.Pending
                && p.Amount == order.Total && p.Currency == order.Currency)
            .OrderByDescending(p => p.Id)
            .Select(p => p.SessionId)
            .FirstOrDefaultAsync(cancellationToken);
        if (pending is not null && gateway.ResumeUrl(pending, returnUrl) is { } resume) return new PayStart(PayStartKind.Redirect, resume);

        var session = await gateway.CreateSessionAsync(new PaymentSessionRequest(number, order.Total, order.Currency, returnUrl), cancellationToken);
        db.Payments.Add(new Payment
        {
            OrderId = order.Id,
            Provider = gateway.Provider,
            SessionId = session.SessionId,
            Amount = order.Total,
            Currency = order.Currency,
            Status = PaymentStatus.Pending,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new PayStart(PayStartKind.Redirect, session.RedirectUrl);
    }

    /// <summary>The buyer's order and its latest payment attempt; null for an unknown number or another person's order.</summary>
    public async Task<PaymentReturnState?> GetReturnStateAsync(string buyerId, string number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(buyerId) || !OrderNumbers.IsWellFormed(number)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Orders.AsNoTracking()
            .Where(o => o.Number == number && o.BuyerId == buyerId)
            .Select(o => new PaymentReturnState(
                o.Number, o.Status, o.Total, o.Currency, o.PayBy,
                db.Payments.Where(p => p.OrderId == o.Id).OrderByDescending(p => p.Id).Select(p => (PaymentStatus?)p.Status).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
