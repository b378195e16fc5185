using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SocialStore.Domain.Data;

public static class DatabaseInitializer
{
    /// <summary>Applies pending migrations; an unreachable database becomes a <see cref="StartupException"/> with a plain message.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var info = services.GetRequiredService<DatabaseInfo>();
        var factory = services.GetRequiredService<IDbContextFactory<SocialStoreDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            if (info.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers go on while one writer commits; busy_timeout waits out short write locks.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException || ex.InnerException is DbException or System.Net.Sockets.SocketException)
        {
            throw new StartupException($"Cannot reach or prepare the database {info.SafeDescription}: {Innermost(ex).Message}", ex);
        }
    }

    public static async Task<bool> CanConnectAsync(IDbContextFactory<SocialStoreDbContext> factory, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }
}
