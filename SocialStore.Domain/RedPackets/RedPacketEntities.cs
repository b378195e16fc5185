namespace SocialStore.Domain.RedPackets;

/// <summary>
/// A group red packet (拼手气红包), platform-funded and created in the back office (ADR-050): a total split into
/// <see cref="Slots"/> slots when it is created; <see cref="Claimed"/> counts the slots taken (one conditional update
/// per claim); what is unclaimed at <see cref="ExpiresAt"/> is returned to the platform once (<see cref="ReturnedAt"/>).
/// </summary>
public class RedPacket
{
    public const int TitleMaxLength = 40;
    public const int MaxSlots = 100;
    public const decimal MaxTotal = 200m;
    public const int MaxHours = 7 * 24;
    public const int CouponValidDays = 30;

    public long Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The staff member who created it.</summary>
    public string CreatedBy { get; set; } = "";

    public int Slots { get; set; }

    public decimal Total { get; set; }

    /// <summary>Slots taken so far; slot number <c>Claimed</c> is the one the latest claim took.</summary>
    public int Claimed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the unclaimed amount went back to the platform budget (set once, by a conditional update).</summary>
    public DateTimeOffset? ReturnedAt { get; set; }

    /// <summary>What went back: the sum of the slots nobody claimed.</summary>
    public decimal? ReturnedAmount { get; set; }
}

/// <summary>One slot of a packet, with its amount fixed at creation; UNIQUE(packet, user) keeps one slot per person.</summary>
public class RedPacketSlot
{
    public long PacketId { get; set; }

    /// <summary>1…N; claims take them in order.</summary>
    public int Seq { get; set; }

    public decimal Amount { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>The no-threshold coupon the claim put in the claimer's wallet.</summary>
    public long? CouponId { get; set; }
}
