namespace SocialStore.Domain.FlashSales;

public sealed class FlashSaleOptions
{
    public const string Section = "FlashSales";

    /// <summary>Reservation transactions of one item running at once; the rest wait in memory (the admission gate).</summary>
    public int ConcurrentReservationsPerItem { get; set; } = 8;

    /// <summary>How long a "sold out" seen in the database is believed without asking it again.</summary>
    public TimeSpan SoldOutRecheck { get; set; } = TimeSpan.FromSeconds(5);

    public const int MaxPerUserLimit = 99;
}
