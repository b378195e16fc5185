using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// A door in front of the database: while closed, every asynchronous command waits at it, then runs unchanged
/// once the test opens it. It stands for a slow database, so a component test can look at the screen while a
/// click's call is still in flight (the optimistic state). Nothing is faked: the command still goes to the
/// real database. Synchronous commands are never held (they would block the renderer's thread).
/// </summary>
public sealed class DatabaseGate : DbCommandInterceptor
{
    private TaskCompletionSource? closed;
    private TaskCompletionSource reached = NewSignal();

    /// <summary>Holds the commands that start from now on.</summary>
    public void Close()
    {
        Volatile.Write(ref reached, NewSignal());
        Volatile.Write(ref closed, NewSignal());
    }

    /// <summary>Lets the held commands (and every later one) through.</summary>
    public void Open() => Interlocked.Exchange(ref closed, null)?.TrySetResult();

    /// <summary>Completes when a command has come to the closed door (fails after 10 s, so a test never hangs).</summary>
    public Task Reached => Volatile.Read(ref reached).Task.WaitAsync(TimeSpan.FromSeconds(10));

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await WaitAsync(cancellationToken);
        return result;
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref closed) is not { } door) return;
        Volatile.Read(ref reached).TrySetResult();
        await door.Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
