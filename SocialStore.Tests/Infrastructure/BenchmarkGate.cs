namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// Benchmarks (SocialStore.Tests/Benchmarks) measure, they do not test: a plain test run reports them as
/// skipped, with the reason, instead of passing without having run. Set SOCIALSTORE_BENCHMARKS=1 to run them
/// (see docs/benchmarks.md); each benchmark class also carries <c>[Trait("Category", "Benchmark")]</c>, so
/// <c>--filter "Category=Benchmark"</c> picks them and <c>--filter "Category!=Benchmark"</c> leaves them out.
/// </summary>
public static class BenchmarkGate
{
    public const string Variable = "SOCIALSTORE_BENCHMARKS";

    public const string Category = "Benchmark";

    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(Variable) == "1"
            ? null
            : $"A benchmark: runs only with {Variable}=1 (see docs/benchmarks.md).";

    /// <summary>An environment variable a benchmark needs once it runs: missing, the benchmark fails and says so.</summary>
    public static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set; this benchmark needs it (see docs/benchmarks.md).");
}

/// <summary>A benchmark with no arguments: skipped unless SOCIALSTORE_BENCHMARKS=1 (see <see cref="BenchmarkGate"/>).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute() => Skip = BenchmarkGate.SkipReason;
}

/// <summary>A benchmark theory: skipped unless SOCIALSTORE_BENCHMARKS=1 (see <see cref="BenchmarkGate"/>).</summary>
public sealed class BenchmarkTheoryAttribute : TheoryAttribute
{
    public BenchmarkTheoryAttribute() => Skip = BenchmarkGate.SkipReason;
}
