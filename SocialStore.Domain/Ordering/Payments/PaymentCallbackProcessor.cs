using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialStore.Domain.Common;
using SocialStore.Domain.Data;

namespace SocialStore.Domain.Ordering;

public enum CallbackOutcome
{
    /// <summary>The callback changed the payment (and, for a success, paid the order).</summary>
    Applied,

    /// <summary>This callback id was already accepted: nothing changes (a repeated or concurrent delivery).</summary>
    AlreadyProcessed,

    /// <summary>Accepted but there was nothing to change (e.g. a second "succeeded" for a payment that already succeeded).</summary>
    Ignored,

    /// <summary>Accepted but late: it contradicts what already happened. An incident is recorded; a late success is refunded.</summary>
    Stale,

    BadSignature,
    Malformed,
    UnknownSession,
    AmountMismatch,
}

/// <summary>
/// Applies a gateway callback exactly once (ADR-018): the signature is checked in constant time, then in one
/// transaction the callback row is inserted (its unique (provider, callback id) index refuses a twin), the
/// payment moves by a conditional update, and a success moves the order PendingPayment → Paid through
/// <see cref="OrderTransitions"/>. Refused callbacks change nothing but a <see cref="PaymentIncident"/> row.
/// </summary>
public sealed class PaymentCallbackProcessor(
    IDbContextFactory<SocialStoreDbContext> dbFactory,
    SandboxGateway sandbox,
    TimeProvider clock,
    OutboxSignal outbox,
    ILogger<PaymentCallbackProcessor>? logger = null)
{
    /// <summary>A callback body is small; anything larger is not read.</summary>
    public const int MaxBodyLength = 8 * 1024;

    private readonly ILogger logger = logger ?? NullLogger<PaymentCallbackProcessor>.Instance;

    public async Task<CallbackOutcome> HandleSandboxAsync(string body, string? signature, string? remoteAddress, CancellationToken cancellationToken)
    {
        if (!sandbox.Verify(body, signature))
        {
            await RecordAsync(PaymentIncidentKind.BadSignature, null, body, "signature does not match the body", remoteAddress, cancellationToken);
            return CallbackOutcome.BadSignature;
        }
        var callback = SandboxCallbackBody.TryParse(body);
        if (callback is null)
        {
            await RecordAsync(PaymentIncidentKind.Malformed, null, body, "not a complete sandbox callback", remoteAddress, cancellationToken);
            return CallbackOutcome.Malformed;
        }

        CallbackOutcome outcome;
        try
        {
            outcome = await DbTransactions.RunAsync(dbFactory, (db, ct) => ApplyAsync(db, callback, body, remoteAddress, ct), cancellationToken);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A twin delivery of the same callback committed first.
            return CallbackOutcome.AlreadyProcessed;
        }
        if (outcome is CallbackOutcome.Applied or CallbackOutcome.Stale) outbox.Wake();
        logger.LogInformation("Sandbox callback {CallbackId} ({Event}, session {SessionId}): {Outcome}", callback.CallbackId, callback.Event, callback.SessionId, outcome);
        return outcome;
    }

    private async Task<CallbackOutcome> ApplyAsync(SocialStoreDbContext db, SandboxCallbackBody callback, string body, string? remoteAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var payment = await db.Payments.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Provider == SandboxGateway.Name && p.SessionId == callback.SessionId, cancellationToken);
        if (payment is null)
        {
            Add(db, PaymentIncidentKind.UnknownSession, callback.SessionId, body, "no payment was started with this session", remoteAddress, now);
            await db.SaveChangesAsync(cancellationToken);
            return CallbackOutcome.UnknownSession;
        }
        if (payment.Amount != callback.Amount || !string.Equals(payment.Currency, callback.Currency, StringComparison.Ordinal))
        {
            Add(db, PaymentIncidentKind.AmountMismatch, callback.SessionId, body,
                $"expected {Money.Plain(payment.Amount)} {payment.Currency}, got {Money.Plain(callback.Amount)} {callback.Currency}", remoteAddress, now);
            await db.SaveChangesAsync(cancellationToken);
            return CallbackOutcome.AmountMismatch;
        }

        // Exactly once: the unique (provider, callback id) index decides between concurrent twins.
        if (await db.PaymentCallbacks.AnyAsync(c => c.Provider == SandboxGateway.Name && c.CallbackId == callback.CallbackId, cancellationToken))
            return CallbackOutcome.AlreadyProcessed;
        db.PaymentCallbacks.Add(new PaymentCallback
        {
            Provider = SandboxGateway.Name,
            CallbackId = callback.CallbackId,
            SessionId = callback.SessionId,
            Event = callback.Event,
            ReceivedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);

        return callback.Event == SandboxCallbackBody.Succeeded
            ? await SucceedAsync(db, payment, callback, body, remoteAddress, now, cancellationToken)
            : await EndAsync(db, payment, callback, body, remoteAddress, now, cancellationToken);
    }

    private static async Task<CallbackOutcome> SucceedAsync(
        SocialStoreDbContext db, Payment payment, SandboxCallbackBody callback, string body, string? remoteAddress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Money was taken: a success wins over an earlier failure or cancel of the same session (the shopper
        // may retry on the hosted page), but a second success of the same payment changes nothing.
        var updated = await db.Payments
            .Where(p => p.Id == payment.Id && p.Status != PaymentStatus.Succeeded)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, PaymentStatus.Succeeded)
                .SetProperty(p => p.TransactionId, callback.TransactionId)
                .SetProperty(p => p.CompletedAt, now), cancellationToken);
        if (updated == 0) return CallbackOutcome.Ignored;

        if (await OrderTransitions.TryMoveAsync(db, payment.OrderId, OrderStatus.PendingPayment, OrderStatus.Paid, OrderActor.Gateway, null, null, now, cancellationToken))
            return CallbackOutcome.Applied;

        // The order stopped waiting for money first: cancelled by the unpaid timeout, or paid through another
        // session. The shop must not keep this money: record it and refund automatically (through the outbox,
        // so the gateway call happens after commit and is retried until it succeeds; the refund is idempotent).
        var status = await db.Orders.Where(o => o.Id == payment.OrderId).Select(o => o.Status).SingleAsync(cancellationToken);
        var incident = Add(db, PaymentIncidentKind.Stale, callback.SessionId, body,
            $"succeeded after the order was {status}: automatic refund queued", remoteAddress, now);
        await db.SaveChangesAsync(cancellationToken);
        Outbox.Enqueue(db, PaymentAutoRefundHandler.MessageType, new AutomaticRefund(payment.Id, incident.Id, status), now);
        await db.SaveChangesAsync(cancellationToken);
        return CallbackOutcome.Stale;
    }

    private static async Task<CallbackOutcome> EndAsync(
        SocialStoreDbContext db, Payment payment, SandboxCallbackBody callback, string body, string? remoteAddress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = callback.Event == SandboxCallbackBody.Failed ? PaymentStatus.Failed : PaymentStatus.Cancelled;
        var updated = await db.Payments
            .Where(p => p.Id == payment.Id && p.Status == PaymentStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, target).SetProperty(p => p.CompletedAt, now), cancellationToken);
        if (updated == 1) return CallbackOutcome.Applied;

        var current = await db.Payments.Where(p => p.Id == payment.Id).Select(p => p.Status).SingleAsync(cancellationToken);
        if (current != PaymentStatus.Succeeded) return CallbackOutcome.Ignored;
        Add(db, PaymentIncidentKind.Stale, callback.SessionId, body, $"{callback.Event} after the payment succeeded: ignored", remoteAddress, now);
        await db.SaveChangesAsync(cancellationToken);
        return CallbackOutcome.Stale;
    }

    private async Task RecordAsync(PaymentIncidentKind kind, string? sessionId, string body, string detail, string? remoteAddress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Add(db, kind, sessionId, body, detail, remoteAddress, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Sandbox callback refused: {Kind} from {Remote}", kind, remoteAddress);
    }

    private static PaymentIncident Add(
        SocialStoreDbContext db, PaymentIncidentKind kind, string? sessionId, string body, string detail, string? remoteAddress, DateTimeOffset now)
    {
        var incident = new PaymentIncident
        {
            Provider = SandboxGateway.Name,
            Kind = kind,
            SessionId = sessionId is { Length: <= Payment.ReferenceMaxLength } ? sessionId : null,
            Body = Truncate(body, PaymentIncident.BodyMaxLength),
            Detail = Truncate(detail, PaymentIncident.DetailMaxLength),
            RemoteAddress = remoteAddress is null ? null : Truncate(remoteAddress, 64),
            ReceivedAt = now,
        };
        db.PaymentIncidents.Add(incident);
        return incident;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
