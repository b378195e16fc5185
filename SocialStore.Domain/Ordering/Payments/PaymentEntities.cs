namespace SocialStore.Domain.Ordering;

public enum PaymentStatus
{
    Pending,
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>One attempt to pay an order at a gateway: the hosted session the shopper was sent to.</summary>
public class Payment
{
    public const int ProviderMaxLength = 20;
    public const int ReferenceMaxLength = 64;

    public long Id { get; set; }

    public long OrderId { get; set; }

    /// <summary>"sandbox" (later "alipay", "wechat", "stripe").</summary>
    public string Provider { get; set; } = "";

    /// <summary>The gateway's id of the hosted payment session; unique per provider.</summary>
    public string SessionId { get; set; } = "";

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "CNY";

    public PaymentStatus Status { get; set; }

    /// <summary>The gateway's transaction id once paid (what a refund refers to).</summary>
    public string? TransactionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>
/// A gateway callback that was accepted: the unique (provider, callback id) index is what makes a
/// repeated or concurrent delivery apply exactly once.
/// </summary>
public class PaymentCallback
{
    public const int CallbackIdMaxLength = 64;

    public long Id { get; set; }

    public string Provider { get; set; } = "";

    public string CallbackId { get; set; } = "";

    public string SessionId { get; set; } = "";

    /// <summary>What the callback reported, e.g. "succeeded", "failed", "cancelled", "refunded".</summary>
    public string Event { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
}

public enum PaymentIncidentKind
{
    BadSignature,
    UnknownSession,
    AmountMismatch,
    Malformed,
    Stale,
}

/// <summary>A callback that was refused or could not be applied, kept for the admin to look at. Changes nothing else.</summary>
public class PaymentIncident
{
    public const int BodyMaxLength = 2000;
    public const int DetailMaxLength = 300;

    public long Id { get; set; }

    public string Provider { get; set; } = "";

    public PaymentIncidentKind Kind { get; set; }

    public string? SessionId { get; set; }

    public string Body { get; set; } = "";

    public string Detail { get; set; } = "";

    public string? RemoteAddress { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
