using Microsoft.EntityFrameworkCore;

namespace SocialStore.Domain.Data;

/// <summary>
/// Runs one unit of work — a row and the counters that count it — in one transaction on a fresh
/// context, and runs it again (on a new context) when the database picked it as a deadlock victim.
/// The work must keep its effects inside the transaction, so a rerun starts from a clean state.
/// </summary>
internal static class DbTransactions
{
    private const int Attempts = 4;

    public static async Task<T> RunAsync<T>(
        IDbContextFactory<SocialStoreDbContext> dbFactory,
        Func<SocialStoreDbContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            try
            {
                // On SQLite this is BEGIN IMMEDIATE: the write lock is taken up front and the busy timeout applies.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await work(db, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception ex) when (attempt < Attempts && DbErrors.IsTransient(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt * Random.Shared.Next(1, 4)), cancellationToken);
            }
        }
    }
}
