namespace SocialStore.Domain.FlashSales;

/// <summary>A flash-sale time slot (秒杀场次): from <see cref="StartsAt"/> (inclusive) to <see cref="EndsAt"/> (exclusive).</summary>
public sealed class FlashSaleSlot
{
    public const int TitleMaxLength = 40;

    public long Id { get; set; }

    public string Title { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public List<FlashSaleItem> Items { get; set; } = [];
}

/// <summary>One SKU in a slot: its flash price, the stock set aside for the slot, and the per-person cap.</summary>
public sealed class FlashSaleItem
{
    public long Id { get; set; }

    public long SlotId { get; set; }

    public long ProductId { get; set; }

    public long SkuId { get; set; }

    public decimal Price { get; set; }

    /// <summary>The stock the slot was given (what sell-through is measured against).</summary>
    public int Stock { get; set; }

    /// <summary>What is left: taken by one conditional UPDATE per reservation (<c>WHERE Remaining &gt;= @n</c>), returned when an unpaid order is cancelled.</summary>
    public int Remaining { get; set; }

    public int PerUserLimit { get; set; }
}

/// <summary>How many units of an item a person holds (unpaid and paid orders): the cap is a conditional UPDATE on this row.</summary>
public sealed class FlashSaleQuota
{
    public long ItemId { get; set; }

    public string UserId { get; set; } = "";

    public int Count { get; set; }
}

/// <summary>The link between an order and the flash-sale item it reserved; <see cref="ReturnedAt"/> is set once when an unpaid order is cancelled.</summary>
public sealed class FlashSaleReservation
{
    public long OrderId { get; set; }

    public long ItemId { get; set; }

    public string UserId { get; set; } = "";

    public int Quantity { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }
}
