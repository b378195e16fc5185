namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// The redis-server that scripts/test.sh starts on 127.0.0.1 (its address is in SOCIALSTORE_TEST_REDIS). Each test
/// takes its own <see cref="NewInstanceName"/>, so tests running at once never see each other's keys or messages.
/// </summary>
public static class TestRedis
{
    public static string? Configuration => Environment.GetEnvironmentVariable("SOCIALSTORE_TEST_REDIS");

    public const string MissingReason = "No redis-server: SOCIALSTORE_TEST_REDIS is not set (scripts/test.sh installs and starts one).";

    public static string NewInstanceName() => $"sstest:{Guid.NewGuid():N}:";

    /// <summary>The settings that put an app on the test Redis (bus and output cache).</summary>
    public static Dictionary<string, string?> Settings(string instanceName) => new()
    {
        ["Redis:Configuration"] = Configuration,
        ["Redis:InstanceName"] = instanceName,
    };
}

/// <summary>A fact that needs the test Redis; skipped, with the reason, only when there is none.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (string.IsNullOrEmpty(TestRedis.Configuration)) Skip = TestRedis.MissingReason;
    }
}
