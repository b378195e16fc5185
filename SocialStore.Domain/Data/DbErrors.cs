using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SocialStore.Domain.Data;

/// <summary>Recognises the database errors that the domain turns into outcomes, on every provider.</summary>
public static class DbErrors
{
    /// <summary>A unique index or primary key refused a duplicate: the row is already there.</summary>
    public static bool IsUniqueViolation(Exception ex) => Innermost(ex) switch
    {
        // SQLITE_CONSTRAINT_PRIMARYKEY (1555) / SQLITE_CONSTRAINT_UNIQUE (2067)
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 1555 or 2067,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException q => q.Number is 2627 or 2601,
        _ => false,
    };

    /// <summary>The database chose this transaction as a deadlock victim or could not serialise it: running it again is safe.</summary>
    public static bool IsTransient(Exception ex) => Innermost(ex) switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        SqlException q => q.Number == 1205,
        // SQLITE_BUSY after the busy timeout: another writer held the lock for too long.
        SqliteException s => s.SqliteErrorCode == 5,
        _ => false,
    };

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }
}
