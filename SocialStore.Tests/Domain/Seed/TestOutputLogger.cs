using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace SocialStore.Tests.Domain.Seed;

/// <summary>Shows a component's log in the test output (progress and timings of seeding).</summary>
public sealed class TestOutputLogger<T>(ITestOutputHelper output) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try { output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}"); }
        catch (InvalidOperationException) { } // the test has finished
    }
}
