namespace SocialStore.Domain.Ordering;

public enum RefundRequestStatus
{
    Requested,
    Rejected,
    Refunded,
}

/// <summary>
/// A buyer's request to refund one order line (after-sales, 售后). An admin approves or rejects it;
/// approval sends the refund through the gateway with <see cref="IdempotencyKey"/>, so a retried
/// approval refunds once.
/// </summary>
public class RefundRequest
{
    public const int ReasonMaxLength = 300;
    public const int MaxPhotos = 3;

    public long Id { get; set; }

    public long OrderId { get; set; }

    public long OrderLineId { get; set; }

    public string RequesterId { get; set; } = "";

    public decimal Amount { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>Media keys of the photos, separated by '|'.</summary>
    public string PhotoKeys { get; set; } = "";

    public RefundRequestStatus Status { get; set; }

    public string? DecisionReason { get; set; }

    public string? DecidedById { get; set; }

    /// <summary>Whether the goods came back (or never left), so the stock was returned.</summary>
    public bool Restocked { get; set; }

    public string IdempotencyKey { get; set; } = "";

    /// <summary>The gateway's refund id once refunded.</summary>
    public string? GatewayRefundId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}
