namespace SocialStore.Domain.FlashSales;

public sealed class FlashSaleOptions
{
    public const string Section = "FlashSales";

    /// <summary>
    /// Reservation transactions of one item running at once; the rest wait in memory (the admission gate). Unset: 1 on
    /// SQLite (one writer anyway; a waiting SQLite connection polls with sleeps, a semaphore hands over at once), 8 otherwise.
    /// </summary>
    public int? ConcurrentReservationsPerItem { get; set; }

    public static int DefaultConcurrency(Data.DatabaseProvider provider) => provider == Data.DatabaseProvider.Sqlite ? 1 : 8;

    /// <summary>How long a "sold out" seen in the database is believed without asking it again.</summary>
    public TimeSpan SoldOutRecheck { get; set; } = TimeSpan.FromSeconds(5);

    public const int MaxPerUserLimit = 99;
}
