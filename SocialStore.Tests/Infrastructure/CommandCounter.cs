using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// Counts database round trips (commands executed) of the page requests a test makes: only commands run while
/// an HTTP request is being served count, so a background worker (the outbox, the sweepers) that happens to wake
/// during the request does not make the page look chattier than it is.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    // HttpContextAccessor keeps the current request in a static AsyncLocal; any instance reads it.
    private static readonly HttpContextAccessor Requests = new();

    private int count;
    private readonly List<string> commands = [];

    public int Count => Volatile.Read(ref count);

    public IReadOnlyList<string> Commands { get { lock (commands) return commands.ToList(); } }

    public void Reset()
    {
        Interlocked.Exchange(ref count, 0);
        lock (commands) commands.Clear();
    }

    private void Record(DbCommand command)
    {
        if (Requests.HttpContext is null) return;
        Interlocked.Increment(ref count);
        lock (commands) commands.Add(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
