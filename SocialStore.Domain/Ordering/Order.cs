namespace SocialStore.Domain.Ordering;

public enum OrderStatus
{
    PendingPayment,
    Paid,
    Shipped,
    Delivered,
    Completed,
    Cancelled,
}

/// <summary>Who moved an order: the buyer, an admin, the payment gateway's callback, or a background job.</summary>
public enum OrderActor
{
    Buyer,
    Admin,
    Gateway,
    System,
}

/// <summary>
/// An order: what was bought at which price, where it goes, and where it stands. Lines and
/// adjustments are written once at checkout; afterwards only the status (through
/// <see cref="OrderTransitions"/>, a conditional update), shipping details and refunded amounts change.
/// The address is copied in, so editing the address book never rewrites history.
/// </summary>
public class Order
{
    public const int NumberLength = 16;
    public const int CheckoutKeyMaxLength = 64;

    public long Id { get; set; }

    /// <summary>Human-friendly and unguessable: yyMMdd plus 10 random digits (<see cref="OrderNumbers"/>).</summary>
    public string Number { get; set; } = "";

    public string BuyerId { get; set; } = "";

    /// <summary>The idempotency key of the checkout form: one order per buyer and key (unique index).</summary>
    public string CheckoutKey { get; set; } = "";

    public OrderStatus Status { get; set; }

    public string Currency { get; set; } = "CNY";

    /// <summary>Sum of the lines' unit price × quantity.</summary>
    public decimal Subtotal { get; set; }

    /// <summary>Sum of the adjustments (shipping is positive, discounts negative).</summary>
    public decimal AdjustmentTotal { get; set; }

    /// <summary>What the buyer pays: <see cref="Subtotal"/> + <see cref="AdjustmentTotal"/>, never negative; equals the sum of the lines' payable amounts.</summary>
    public decimal Total { get; set; }

    public decimal RefundedAmount { get; set; }

    public string Recipient { get; set; } = "";

    public string Mobile { get; set; } = "";

    public string Province { get; set; } = "";

    public string City { get; set; } = "";

    public string District { get; set; } = "";

    public string AddressDetail { get; set; } = "";

    public string? Carrier { get; set; }

    public string? TrackingNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>An unpaid order is cancelled, and its stock released, after this moment.</summary>
    public DateTimeOffset PayBy { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? ShippedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public List<OrderLine> Lines { get; } = [];

    public List<OrderAdjustment> Adjustments { get; } = [];

    public List<OrderEvent> Events { get; } = [];

    public string MaskedMobile => Address.MaskMobile(Mobile);
}

public enum RefundState
{
    None,
    Requested,
    Refunded,
    Rejected,
}

/// <summary>One SKU of an order, with the title, label and price copied at checkout.</summary>
public class OrderLine
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public long ProductId { get; set; }

    public long SkuId { get; set; }

    public string ProductTitle { get; set; } = "";

    public string SkuLabel { get; set; } = "";

    public string CoverKey { get; set; } = "";

    public decimal UnitPrice { get; set; }

    public int Quantity { get; set; }

    /// <summary><see cref="UnitPrice"/> × <see cref="Quantity"/>.</summary>
    public decimal Subtotal { get; set; }

    /// <summary>This line's share of the order's adjustments (see <see cref="OrderLineAdjustment"/>).</summary>
    public decimal AdjustmentTotal { get; set; }

    /// <summary>What this line cost the buyer: <see cref="Subtotal"/> + <see cref="AdjustmentTotal"/>; the most that can be refunded for it.</summary>
    public decimal Payable { get; set; }

    public decimal RefundedAmount { get; set; }

    public RefundState RefundState { get; set; }

    /// <summary>What can still be refunded for this line.</summary>
    public decimal RefundableLeft => Payable - RefundedAmount;

    /// <summary>Whether the buyer may ask for a refund of this line while its order is in <paramref name="orderStatus"/>.</summary>
    public bool CanRequestRefund(OrderStatus orderStatus) =>
        OrderStateMachine.AcceptsRefunds(orderStatus) && RefundState is RefundState.None or RefundState.Rejected && RefundableLeft > 0;
}

/// <summary>One step of the pricing pipeline (shipping, a coupon, points …) with its signed amount.</summary>
public class OrderAdjustment
{
    public const int KindMaxLength = 32;
    public const int LabelMaxLength = 100;

    public long Id { get; set; }

    public long OrderId { get; set; }

    public int Position { get; set; }

    /// <summary>A stable code, e.g. "shipping", "coupon", "points".</summary>
    public string Kind { get; set; } = "";

    /// <summary>A resource key or text shown to people, e.g. the coupon's name.</summary>
    public string Label { get; set; } = "";

    /// <summary>Positive adds to the total (shipping), negative takes off (discounts).</summary>
    public decimal Amount { get; set; }

    public List<OrderLineAdjustment> Allocations { get; } = [];
}

/// <summary>The part of an adjustment spread onto one line, exact to the fen; the parts add up to the adjustment.</summary>
public class OrderLineAdjustment
{
    public long Id { get; set; }

    public long AdjustmentId { get; set; }

    public long OrderLineId { get; set; }

    public decimal Amount { get; set; }
}

/// <summary>One step of an order's timeline: from which status to which, when, by whom.</summary>
public class OrderEvent
{
    public const int NoteMaxLength = 200;

    public long Id { get; set; }

    public long OrderId { get; set; }

    public OrderStatus? FromStatus { get; set; }

    public OrderStatus ToStatus { get; set; }

    public OrderActor Actor { get; set; }

    public string? ActorId { get; set; }

    /// <summary>Free text for the timeline, e.g. "顺丰 SF123…" or a cancellation reason code.</summary>
    public string? Note { get; set; }

    public DateTimeOffset At { get; set; }
}
