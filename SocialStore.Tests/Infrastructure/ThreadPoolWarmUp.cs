using System.Runtime.CompilerServices;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// The test host shares one thread pool between every test collection running at once and the in-process web
/// servers the e2e tests drive. SQLite waits out a busy database by sleeping on the calling thread (async EF calls
/// included), so a contention test with dozens of concurrent writers holds dozens of pool threads; with the
/// default minimum (one per core) the pool then adds threads slowly, and an e2e page request queued behind them
/// can wait long enough for the browser to time out. A higher minimum lets the pool grow at once instead.
/// </summary>
internal static class ThreadPoolWarmUp
{
    private const int MinimumThreads = 128;

    [ModuleInitializer]
    internal static void Raise()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumThreads), Math.Max(io, MinimumThreads));
    }
}
