using Microsoft.EntityFrameworkCore;

namespace SocialStore.Domain.Data;

/// <summary>
/// "Insert, or false when the row already exists": the one way a unique index decides a race (a like, a claim,
/// a grant, a report). The caller acts on the result; the database, not a read beforehand, decides.
/// </summary>
public static class UniqueInsert
{
    /// <summary>Inserts a row whose key may already exist; false when the database refused it as a duplicate.</summary>
    public static async Task<bool> TryInsertAsync<T>(SocialStoreDbContext db, T row, CancellationToken ct)
        where T : class
    {
        db.Add(row);
        try
        {
            // Inside a transaction EF Core wraps this in a savepoint, so a refusal leaves the transaction usable (PostgreSQL).
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }
}
