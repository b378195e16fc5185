using System.Collections.Concurrent;

namespace SocialStore.Domain.FlashSales;

/// <summary>
/// The in-process admission gate in front of the database: per item, at most
/// <see cref="FlashSaleOptions.ConcurrentReservationsPerItem"/> reservation transactions run at once (the rest wait
/// in memory, not in the database's lock queue), and once a conditional UPDATE found the slot empty the item is
/// marked sold out, so the rest of a burst is answered "sold out" without touching the database. The mark is a
/// hint, never the decision (the UPDATE's row count is): it lapses after <see cref="FlashSaleOptions.SoldOutRecheck"/>
/// so stock returned by an expired unpaid order is offered again.
/// </summary>
public sealed class FlashSaleGate(TimeProvider clock, int concurrentPerItem, TimeSpan soldOutRecheck)
{
    private sealed class Entry(int slots)
    {
        public readonly SemaphoreSlim Semaphore = new(slots, slots);
        public long SoldOutUntilTicks;
    }

    private readonly ConcurrentDictionary<long, Entry> entries = new();

    private Entry For(long itemId) => entries.GetOrAdd(itemId, _ => new Entry(concurrentPerItem));

    public bool IsSoldOut(long itemId) =>
        entries.TryGetValue(itemId, out var e) && Volatile.Read(ref e.SoldOutUntilTicks) > clock.GetUtcNow().UtcTicks;

    public void MarkSoldOut(long itemId) =>
        Volatile.Write(ref For(itemId).SoldOutUntilTicks, (clock.GetUtcNow() + soldOutRecheck).UtcTicks);

    /// <summary>Waits for a turn at this item; null when the item was marked sold out while waiting.</summary>
    public async Task<IDisposable?> EnterAsync(long itemId, CancellationToken cancellationToken)
    {
        var e = For(itemId);
        await e.Semaphore.WaitAsync(cancellationToken);
        if (IsSoldOut(itemId))
        {
            e.Semaphore.Release();
            return null;
        }
        return new Turn(e.Semaphore);
    }

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) semaphore.Release();
        }
    }
}
